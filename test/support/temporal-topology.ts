import { startTemporalDevServer } from '@vinhdanh/platform/temporal-dev-server';
import { freeServerPort, startTemporalServer } from '@vinhdanh/platform/temporal-server';
import { ensureTemporalCli } from '../../scripts/ensure-temporal-cli';
import { ensureTemporalServer } from '../../scripts/ensure-temporal-server';
import { freePort } from './ports';
import type { TemporalTlsFiles } from '@vinhdanh/platform/temporal-tls';

/**
 * Which Temporal the integration tests run on: the CLI's dev server (one history shard, SQLite:
 * the default) or, with VINHDANH_TEMPORAL=server, the real server on PostgreSQL with four history
 * shards — the production topology. `npm test` runs the ladder, council and fault suites on both.
 */
export const TEMPORAL_TOPOLOGY: 'dev' | 'server' = process.env.VINHDANH_TEMPORAL === 'server' ? 'server' : 'dev';

export interface TestTemporal {
  address: string;
  /** The product's client files when the frontend requires mutual TLS (the real server's). */
  tls?: TemporalTlsFiles;
  stop(): Promise<void>;
}

/**
 * The real server requires mutual TLS, as `TEMPORAL_MODE=server` runs it: its certificates live in
 * one directory per test run (VINHDANH_TEMPORAL_TLS_DIR, set by the global setup), so a server a
 * fault test restarts, or starts beside it, has the same CA the product trusts.
 */
const tlsDir = () => process.env.VINHDANH_TEMPORAL_TLS_DIR;

/**
 * A Temporal server of the chosen topology that keeps its state across a stop and a start with the
 * same options: the dev server in `dataDir`'s SQLite file, the real one in the `databasePrefix`
 * databases on the PostgreSQL at `databaseUrl`.
 */
export function startTestTemporal(opts: { port: number; uiPort: number; dataDir: string; databaseUrl: string; databasePrefix: string }): Promise<TestTemporal> {
  if (TEMPORAL_TOPOLOGY === 'server') {
    // Small pools: two test files run at once, each with its product's pools and perhaps a server
    // of its own, within PostgreSQL's default 100 connections.
    return startTemporalServer({ build: ensureTemporalServer(), cli: ensureTemporalCli(), databaseUrl: opts.databaseUrl, databasePrefix: opts.databasePrefix, shards: 4, port: opts.port, dataDir: opts.dataDir, maxConnections: { store: 6, visibility: 2 }, log: () => undefined, tlsDir: tlsDir() });
  }
  return startTemporalDevServer({ cli: ensureTemporalCli(), dataDir: opts.dataDir, port: opts.port, uiPort: opts.uiPort, log: () => undefined });
}

/** A port for `startTestTemporal`'s frontend: any free one for the dev server, a free block below 32768 for the real one. */
export function temporalPort(): Promise<number> {
  return TEMPORAL_TOPOLOGY === 'server' ? freeServerPort() : freePort();
}
