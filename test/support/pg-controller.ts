import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface PgController {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  exit(): Promise<void>;
}

/** Starts test/support/embedded-pg-process.ts and waits for each command's acknowledgement. */
export async function startPgProcess(dataDir: string, port: number): Promise<PgController> {
  const child: ChildProcess = spawn(process.execPath, ['-r', path.join(__dirname, 'ts-register.js'), path.join(__dirname, 'embedded-pg-process.ts')], {
    env: { ...process.env, PG_DIR: dataDir, PG_PORT: String(port) },
    stdio: ['pipe', 'pipe', 'inherit'],
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
