// First: the product's sources import one another by their @vinhdanh/* names.
import '../support/resolve-aliases';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode } from '@temporalio/worker';
import { DataSource } from 'typeorm';
// Global setup runs outside Jest's module registry, so path aliases are not mapped here.
import { dataSourceOptions, runMigrations, seedDemo } from '../../libs/persistence/src';
import { ensureDatabase, startEmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';
import { workflowBundleOptions } from '../../libs/platform/src/workflow-bundle';
import { personalIdHash } from '../../libs/platform/src/identity';
import { SEARCH_ATTRIBUTES } from '../../libs/domain/src/ladder/search-attributes';
import { ensureTemporalCli } from '../../scripts/ensure-temporal-cli';
import type { TestStackGlobals } from './globals';
import { applyTestSecrets } from '../support/test-secrets';
import { onFreePort } from '../support/ports';
import { CONTRACT_LOG_DIR } from '../../scripts/contract-coverage';

/**
 * Starts the real servers once for the integration project:
 *  - an ephemeral Temporal dev server through @temporalio/testing, from the locally built CLI, or
 *    with VINHDANH_TEMPORAL=server the real Temporal server on the same PostgreSQL (4 shards);
 *  - a fresh database on the PostgreSQL at DATABASE_URL (CI: 127.0.0.1:5432), or an embedded one,
 *    migrated and seeded once as the template each test file copies;
 *  - one workflow bundle shared by every test file's worker.
 * Test workers inherit the resulting addresses through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  applyTestSecrets();
  const globals: TestStackGlobals = {};
  (globalThis as { __VINHDANH__?: TestStackGlobals }).__VINHDANH__ = globals;

  const dbName = `vinhdanh_test_${Date.now()}_${process.pid}`;
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    globals.adminUrl = admin.toString();
    await ensureDatabase(admin.toString(), dbName);
    admin.pathname = `/${dbName}`;
    process.env.DATABASE_URL = admin.toString();
    globals.dbName = dbName;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-pg-'));
    fs.chmodSync(dir, 0o755);
    const { server: db } = await onFreePort((port) => startEmbeddedPostgres({ dataDir: path.join(dir, `data-${port}`), port, database: dbName, log: () => undefined }));
    globals.embeddedStop = db.stop;
    globals.embeddedDir = dir;
    process.env.DATABASE_URL = db.url;
    const admin = new URL(db.url);
    admin.pathname = '/postgres';
    globals.adminUrl = admin.toString();
    globals.dbName = dbName;
  }
  const topology = process.env.VINHDANH_TEMPORAL === 'server' ? 'server' : 'dev';
  if (topology === 'server') {
    // The real server on the same PostgreSQL, in databases named after this run (dropped with it).
    // Its module uses the @vinhdanh aliases, which only the TypeScript hook resolves out here.
    require('../support/ts-register.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTestTemporal, temporalPort } = require('../support/temporal-topology') as typeof import('../support/temporal-topology');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-temporal-server-'));
    process.env.VINHDANH_TEMPORAL_TLS_DIR = path.join(dataDir, 'tls');
    const { server } = await onFreePort(async (port) => startTestTemporal({ port, uiPort: 0, dataDir, databaseUrl: globals.adminUrl!, databasePrefix: `${dbName}_temporal` }), 4, temporalPort);
    globals.temporalStop = async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
    process.env.TEMPORAL_ADDRESS = server.address;
    // Every stack of the run is the product: it presents the product's certificate (mutual TLS).
    if (server.tls) Object.assign(process.env, { TEMPORAL_TLS_CA: server.tls.ca, TEMPORAL_TLS_CERT: server.tls.cert, TEMPORAL_TLS_KEY: server.tls.key });
  } else {
    const testEnv = await TestWorkflowEnvironment.createLocal({
      server: { executable: temporalExecutable(), searchAttributes: SEARCH_ATTRIBUTES, extraArgs: ['--log-level', 'error'] },
    });
    globals.temporalStop = () => testEnv.teardown();
    process.env.TEMPORAL_ADDRESS = testEnv.address;
  }

  await runMigrations(process.env.DATABASE_URL!);
  const ds = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
  await seedDemo(ds, { personalIdHash: (d) => personalIdHash(d, Buffer.from(process.env.IDENTITY_KEY!, 'base64')) });
  await ds.destroy();
  // The migrated, seeded database is a template: each test file gets its own copy of it
  // (test/setup/database-per-file.ts), so no file sees another's nominations, sessions or counts.
  process.env.VINHDANH_TEST_TEMPLATE_URL = process.env.DATABASE_URL;

  // Each stack session records the operations it called (test/support/contract.ts), for scripts/contract-coverage.ts.
  // `npm test`'s browser run adds to the integration run's record (VINHDANH_CONTRACT_APPEND) instead of starting it again.
  if (!process.env.VINHDANH_CONTRACT_APPEND) fs.rmSync(CONTRACT_LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(CONTRACT_LOG_DIR, { recursive: true });
  process.env.VINHDANH_CONTRACT_LOG = CONTRACT_LOG_DIR;

  const bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: silent });
  const bundlePath = path.join(os.tmpdir(), `vinhdanh-workflow-bundle-${process.pid}.js`);
  fs.writeFileSync(bundlePath, bundle.code);
  globals.bundlePath = bundlePath;
  process.env.VINHDANH_WORKFLOW_BUNDLE = bundlePath;
  console.log(`\n[global-setup] Temporal (${topology}) ${process.env.TEMPORAL_ADDRESS}, database ${dbName}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The locally built CLI; where it cannot be built (no Go) but the internet is reachable, the SDK's download. */
function temporalExecutable(): { type: 'existing-path'; path: string } | { type: 'cached-download' } {
  try {
    return { type: 'existing-path', path: ensureTemporalCli() };
  } catch (err) {
    if (process.env.CI) throw err;
    console.warn(`[global-setup] ${(err as Error).message}\n[global-setup] falling back to the SDK's download of the dev server`);
    return { type: 'cached-download' };
  }
}

const noop = () => undefined;
const silent = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
