import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, seedDemo } from '@vinhdanh/persistence';
import { seedDemoMovement } from './demo-movement';
import { loadConfig, personalIdHash, repoRoot } from '@vinhdanh/platform';
import { startEmbeddedPostgresProcess } from '@vinhdanh/persistence/embedded-postgres-host';
import { startTemporalDevServer } from '@vinhdanh/platform/temporal-dev-server';
import { startTemporalServer } from '@vinhdanh/platform/temporal-server';
import { adoptLegacyWorkflows } from './adopt-legacy';
import { startBalancer } from './balancer';
import { Supervisor } from './supervisor';

/**
 * `npm start`: the whole product on one machine. Uses DATABASE_URL and TEMPORAL_ADDRESS when set;
 * otherwise starts an embedded PostgreSQL and the Temporal dev server with data under ./.data/ —
 * or, with TEMPORAL_MODE=server, the real Temporal server on that PostgreSQL (docs/scale.md).
 * Then migrates, seeds the demo organisation, runs `WORKERS` workers (1 by default) and the API as
 * supervised child processes — one that dies is restarted, with a growing wait while it keeps
 * dying — and stops everything, in reverse order, on Ctrl-C.
 */
const root = repoRoot();
const dataDir = process.env.VINHDANH_DATA_DIR ?? path.join(root, '.data');
const stops: { name: string; stop: () => Promise<void> }[] = [];
const say = (msg: string) => console.log(`[vinhdanh] ${msg}`);

async function main(): Promise<void> {
  const started = Date.now();
  // The launcher is the development mode: secrets may fall back to their published defaults here
  // and nowhere else (docs/security.md).
  const env: Record<string, string> = { VINHDANH_MODE: 'development', ...(process.env as Record<string, string>) };

  if (!env.DATABASE_URL) {
    say(`DATABASE_URL is not set: starting embedded PostgreSQL (data in ${path.join(dataDir, 'pg')})...`);
    // In a process (and process group) of its own: Ctrl-C reaches the launcher alone, and the
    // database stops last, after everything that writes to it.
    const db = await startEmbeddedPostgresProcess({ dataDir: path.join(dataDir, 'pg'), port: Number(env.EMBEDDED_PG_PORT ?? 54329), database: 'vinhdanh', detached: true });
    stops.push({ name: 'PostgreSQL', stop: db.exit });
    env.DATABASE_URL = db.url;
  }
  const mode = env.TEMPORAL_MODE ?? 'dev';
  if (mode !== 'dev' && mode !== 'server') throw new Error(`TEMPORAL_MODE=${mode} must be dev (the CLI's dev server) or server (the real Temporal server on PostgreSQL)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ensureTemporalCli } = require(path.join(root, 'scripts', 'ensure-temporal-cli.js')) as typeof import('../../../scripts/ensure-temporal-cli');
  if (!env.TEMPORAL_ADDRESS && mode === 'server') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ensureTemporalServer } = require(path.join(root, 'scripts', 'ensure-temporal-server.js')) as typeof import('../../../scripts/ensure-temporal-server');
    const shards = Number(env.TEMPORAL_SHARDS ?? 4);
    if (!Number.isInteger(shards) || shards < 1 || shards > 16384) throw new Error(`TEMPORAL_SHARDS=${env.TEMPORAL_SHARDS} must be a whole number from 1 to 16384`);
    const build = ensureTemporalServer();
    const prefix = env.TEMPORAL_DB_PREFIX ?? 'temporal';
    say(`TEMPORAL_MODE=server: the Temporal server ${build.dir} on PostgreSQL (databases ${prefix} and ${prefix}_visibility, ${shards} history shards)...`);
    // Mutual TLS on its frontend: only the product, with its certificate, gets past the handshake.
    const tlsDir = path.join(dataDir, 'temporal-tls');
    const server = await startTemporalServer({ build, cli: ensureTemporalCli(), databaseUrl: env.DATABASE_URL, databasePrefix: prefix, shards, port: Number(env.TEMPORAL_SERVER_PORT ?? 7233), dataDir: path.join(dataDir, 'temporal-server'), log: debugLog('temporal'), tlsDir });
    stops.push({ name: 'Temporal', stop: server.stop });
    env.TEMPORAL_ADDRESS = server.address;
    if (server.tls) Object.assign(env, { TEMPORAL_TLS_CA: server.tls.ca, TEMPORAL_TLS_CERT: server.tls.cert, TEMPORAL_TLS_KEY: server.tls.key });
    say(`  mutual TLS on its frontend (certificates in ${tlsDir})`);
  }
  if (!env.TEMPORAL_ADDRESS) {
    const cli = ensureTemporalCli();
    say(`TEMPORAL_ADDRESS is not set: starting the Temporal dev server (${cli}, data in ${path.join(dataDir, 'temporal')})...`);
    const port = Number(env.TEMPORAL_DEV_PORT ?? 7233);
    const codecEndpoint = `http://127.0.0.1:${Number(env.PORT ?? 3000)}/codec`;
    const server = await startTemporalDevServer({ cli, dataDir: path.join(dataDir, 'temporal'), port, uiPort: Number(env.TEMPORAL_UI_PORT ?? port + 1000), log: debugLog('temporal'), codecEndpoint });
    stops.push({ name: 'Temporal', stop: server.stop });
    env.TEMPORAL_ADDRESS = server.address;
    env.TEMPORAL_UI_URL = env.TEMPORAL_UI_URL ?? server.uiUrl;
  }

  const applied = await runMigrations(env.DATABASE_URL);
  say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  const ds = await new DataSource(dataSourceOptions(env.DATABASE_URL)).initialize();
  try {
    if (env.SEED_DEMO !== 'false') {
      // The demo's decision makers and secretaries have no authenticator app: a real deployment
      // (SEED_DEMO=false, or compose) asks them for a second factor (docs/accounts.md).
      if (env.SECOND_FACTOR_ROLES === undefined) env.SECOND_FACTOR_ROLES = '';
      const config = loadConfig(env);
      const seeded = await seedDemo(ds, { personalIdHash: (d) => personalIdHash(d, config.identityKey) });
      say(`demo organisation ready (${seeded.units} units, ${seeded.users} accounts; password "vinhdanh"${env.SECOND_FACTOR_ROLES ? '' : ', no second factor asked'})`);
    }
    const adopted = await adoptLegacyWorkflows(ds, env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE || 'default', env.TEMPORAL_TLS_CA ? { ca: env.TEMPORAL_TLS_CA, cert: env.TEMPORAL_TLS_CERT, key: env.TEMPORAL_TLS_KEY } : undefined);
    if (adopted) say(`${adopted} workflows from before the payload codec stay readable (docs/security.md, "Upgrading")`);
  } finally {
    await ds.destroy();
  }

  const workers = Number(env.WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new Error(`WORKERS=${env.WORKERS} must be a whole number from 1 to 16`);
  const apis = Number(env.APIS ?? 1);
  if (!Number.isInteger(apis) || apis < 1 || apis > 16) throw new Error(`APIS=${env.APIS} must be a whole number from 1 to 16`);
  const port = Number(env.PORT ?? 3000);
  const supervisor = new Supervisor({ log: say });
  stops.push({ name: 'the API and the workers', stop: () => supervisor.stop() });
  for (let i = 1; i <= workers; i++) supervisor.start(workers > 1 ? `worker-${i}` : 'worker', path.join(root, 'dist/apps/worker/src/main.js'), env);
  if (apis === 1) {
    supervisor.start('api', path.join(root, 'dist/apps/api/src/main.js'), env);
  } else {
    // Several APIs on the next ports, reached through one balancer on PORT (apps/launcher/src/balancer.ts).
    const ports = Array.from({ length: apis }, (_, i) => port + 1 + i);
    for (const [i, p] of ports.entries()) supervisor.start(`api-${i + 1}`, path.join(root, 'dist/apps/api/src/main.js'), { ...env, PORT: String(p), HOST: '127.0.0.1' });
    const balancer = await startBalancer({ host: env.HOST ?? '127.0.0.1', port }, ports, say);
    // Stopped first: no new connection reaches an API that is stopping.
    stops.push({ name: 'the balancer', stop: balancer.close });
    say(`${apis} APIs on ports ${ports.join(', ')}, reached through ${port}`);
  }

  await waitForHealth(`http://127.0.0.1:${port}/health`, 120_000);
  if (env.SEED_DEMO !== 'false') await seedDemoMovement(`http://127.0.0.1:${port}`, say).catch((err) => say(`demo movement not made: ${(err as Error).message}`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`ready in ${seconds} s`);
  say(`  API            http://127.0.0.1:${port}`);
  say(`  Web app        http://127.0.0.1:${port}/app/`);
  say(`  OpenAPI docs   http://127.0.0.1:${port}/docs`);
  say(`  Health         http://127.0.0.1:${port}/health (${workers} worker${workers > 1 ? 's' : ''}, ${apis} API${apis > 1 ? 's' : ''})`);
  if (env.TEMPORAL_UI_URL) say(`  Temporal UI    ${env.TEMPORAL_UI_URL}`);
  say('Press Ctrl-C to stop.');
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function debugLog(source: string): (line: string) => void {
  return process.env.VINHDANH_DEBUG ? (line) => console.log(`[${source}] ${line}`) : () => undefined;
}

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const { name, stop } of stops.reverse()) {
    say(`stopping ${name}...`);
    await stop().catch((err) => console.error(`failed to stop ${name}:`, err));
  }
  say('stopped.');
  process.exit(code);
}

function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
}

installSignalHandlers();
main().catch((err) => {
  console.error(`[vinhdanh] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
