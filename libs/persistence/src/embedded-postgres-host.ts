import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * An embedded PostgreSQL in a process of its own, controlled over stdin ("stop", "start", "exit"),
 * each command acknowledged on stdout. The launcher starts it in its own process group, so a
 * Ctrl-C in the terminal reaches the launcher alone and the database stops last, in order; the
 * PostgreSQL fault test stops and restarts it (Jest's sandbox cannot load the ESM-only package).
 */
export interface EmbeddedPostgresProcess {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  exit(): Promise<void>;
}

export async function startEmbeddedPostgresProcess(opts: { dataDir: string; port: number; database: string; detached?: boolean; execArgv?: string[] }): Promise<EmbeddedPostgresProcess> {
  // The compiled host beside this file in dist/, or the TypeScript source under a TypeScript hook.
  const host = path.join(__dirname, `embedded-postgres-host${path.extname(__filename)}`);
  const child: ChildProcess = spawn(process.execPath, [...(opts.execArgv ?? []), host], {
    env: { ...process.env, PG_DIR: opts.dataDir, PG_PORT: String(opts.port), PG_DATABASE: opts.database },
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: opts.detached ?? false,
  });
  const lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async (expect: string) => {
    const { value } = await lines.next();
    if (!String(value).startsWith(expect)) throw new Error(`embedded PostgreSQL: expected ${expect}, got ${value}`);
    return String(value);
  };
  const url = (await next('ready')).split(' ')[1];
  const command = async (c: string, ack: string) => {
    child.stdin!.write(`${c}\n`);
    await next(ack);
  };
  return { url, stop: () => command('stop', 'ok stop'), start: () => command('start', 'ok start'), exit: () => command('exit', 'exit') };
}

async function host(): Promise<void> {
  const db = await startEmbeddedPostgres({ dataDir: process.env.PG_DIR!, port: Number(process.env.PG_PORT), database: process.env.PG_DATABASE ?? 'postgres', log: () => undefined });
  process.stdout.write(`ready ${db.url}\n`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === 'stop') await db.stop();
    if (line === 'start') await db.start();
    if (line === 'exit') {
      await db.stop();
      process.stdout.write('exit\n');
      process.exit(0);
    }
    process.stdout.write(`ok ${line}\n`);
  }
  // The controller went away without a word (it was killed): stop the database rather than orphan it.
  await db.stop();
}

if (require.main === module) {
  host().catch((err) => {
    process.stdout.write(`error ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
