import { tlsOptions, type TemporalTlsFiles } from './temporal-tls';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { devServerSearchAttributeArgs } from '@vinhdanh/domain/ladder/search-attributes';

export interface DevServer {
  address: string;
  uiUrl: string;
  /** Its process (the bench reads its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with a persistent SQLite file, so nominations survive a
 * restart of `npm start`, and registers Vinh Danh's search attributes.
 */
export async function startTemporalDevServer(opts: { cli: string; dataDir: string; port: number; uiPort: number; log: (line: string) => void; codecEndpoint?: string }): Promise<DevServer> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(opts.port),
    '--ui-port', String(opts.uiPort),
    '--db-filename', path.join(opts.dataDir, 'temporal.sqlite'),
    '--log-level', 'warn',
    // The UI asks the API to decode payloads; without an auditor's token it shows them encrypted.
    ...(opts.codecEndpoint ? ['--ui-codec-endpoint', opts.codecEndpoint] : []),
    ...devServerSearchAttributeArgs(),
  ];
  const child: ChildProcess = spawn(opts.cli, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (b: Buffer) => opts.log(b.toString().trimEnd()));
  child.stderr?.on('data', (b: Buffer) => opts.log(b.toString().trimEnd()));
  const address = `127.0.0.1:${opts.port}`;
  await waitForTemporal(address, child, 60_000);
  return {
    address,
    uiUrl: `http://127.0.0.1:${opts.uiPort}`,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

/** Waits until a Temporal server process answers on `address`; fails at once if the process exits. */
export async function waitForTemporal(address: string, child: ChildProcess, timeoutMs: number, what = 'temporal dev server', pollMs = 300, tls?: TemporalTlsFiles): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${what} exited early (code ${child.exitCode}); is port ${address} in use?`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000, tls: tlsOptions(tls) });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${what} not ready at ${address} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
