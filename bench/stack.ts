import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, seedDemo } from '@vinhdanh/persistence';
import { loadConfig, personalIdHash, repoRoot } from '@vinhdanh/platform';
import { dropDatabases, ensureDatabase, startEmbeddedPostgres } from '@vinhdanh/persistence/embedded-postgres';
import { startTemporalDevServer, stopChild } from '@vinhdanh/platform/temporal-dev-server';
import { freeServerPort, startTemporalServer } from '@vinhdanh/platform/temporal-server';

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  ds: DataSource;
  /** The processes whose CPU and memory the bench reads (temporal: absent when TEMPORAL_ADDRESS was given). */
  pids: { worker: number; api: number; temporal?: number };
  /** The environment the API and worker run with (the bench's own clients use the same). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The real product for the bench: PostgreSQL (DATABASE_URL's server, a fresh database; or an
 * embedded one), Temporal (TEMPORAL_ADDRESS; or the dev server, or with `topology` 'server' the
 * real Temporal server on that PostgreSQL with 4 shards), and the built worker and API as separate
 * processes, as in production.
 */
export async function startBenchStack(log: (m: string) => void, topology: 'dev' | 'server' = 'dev'): Promise<BenchStack> {
  const root = repoRoot();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-bench-'));
  fs.chmodSync(scratch, 0o755);
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl: string;
  let adminUrl: string;
  const name = `vinhdanh_bench_${Date.now()}`;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    adminUrl = url.toString();
    await ensureDatabase(adminUrl, name);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    // The bench's databases (the product's and the real server's) go when it ends.
    stops.push(() => dropDatabases(adminUrl, name));
  } else {
    const db = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: 54400 + (process.pid % 500), database: 'bench', log: () => undefined });
    stops.push(db.stop);
    databaseUrl = db.url;
    adminUrl = db.url;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalPid: number | undefined;
  if (!temporalAddress) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ensureTemporalCli } = require(path.join(root, 'scripts', 'ensure-temporal-cli.js')) as { ensureTemporalCli(): string };
    if (topology === 'server') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { ensureTemporalServer } = require(path.join(root, 'scripts', 'ensure-temporal-server.js')) as typeof import('../scripts/ensure-temporal-server');
      const server = await startTemporalServer({ build: ensureTemporalServer(), cli: ensureTemporalCli(), databaseUrl: adminUrl, databasePrefix: `${name}_temporal`, shards: 4, port: await freeServerPort(), dataDir: path.join(scratch, 'temporal-server'), log: () => undefined });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalPid = server.pid;
    } else {
      const server = await startTemporalDevServer({ cli: ensureTemporalCli(), dataDir: path.join(scratch, 'temporal'), port: 7600 + (process.pid % 300), uiPort: 8600 + (process.pid % 300), log: () => undefined });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalPid = server.pid;
    }
  }
  await runMigrations(databaseUrl);
  const ds = await new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 4 } })).initialize();
  await seedDemo(ds, { personalIdHash: (d) => personalIdHash(d, loadConfig({ ...process.env, VINHDANH_MODE: 'development', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress! }).identityKey) });
  log(`database ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Temporal ${temporalAddress}`);

  const port = 3900 + (process.pid % 100);
  // A development tool: the development secrets are fine here (VINHDANH_MODE=development).
  const own = { VINHDANH_MODE: 'development', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(port), LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', TEMPORAL_TASK_QUEUE: 'vinhdanh-bench', LOGIN_MAX_FAILURES: '1000', ARCHIVE_INTERVAL: '1h', CHECKPOINT_INTERVAL: 'off' };
  const env = { ...process.env, ...own };
  // BENCH_NODE_ARGS reaches the worker and the API only (say `--prof` to see where their CPU goes).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const spawnNode = (script: string): ChildProcess => spawn(process.execPath, [...nodeArgs, path.join(root, script)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const worker = spawnNode('dist/apps/worker/src/main.js');
  const api = spawnNode('dist/apps/api/src/main.js');
  // Whatever ends the bench, its processes end with it (a leftover API would answer the next run on its port).
  const killChildren = () => [worker, api].forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
  process.once('exit', killChildren);
  const apiUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.exitCode !== null || worker.exitCode !== null) throw new Error(`the ${api.exitCode !== null ? 'API' : 'worker'} exited at start (is port ${port} taken?)`);
    try {
      if ((await fetch(`${apiUrl}/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 240) throw new Error('API did not become healthy');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    apiUrl,
    databaseUrl,
    temporalAddress,
    ds,
    pids: { worker: worker.pid!, api: api.pid!, temporal: temporalPid },
    env: own,
    async stop() {
      await stopChild(api);
      await stopChild(worker);
      await ds.destroy();
      for (const stop of stops.reverse()) await stop();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time of every PostgreSQL process on the machine, in ms: during the bench, that is the bench's. */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(entry));
    } catch {
      /* gone */
    }
  }
  return total;
}

/** Resident set size of a process in MiB (Linux). */
export function rssMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
