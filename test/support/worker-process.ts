import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** The production worker entry (apps/worker/src/main.ts) in its own process, from sources. */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'ts-register.js'), path.join(root, 'apps/worker/src/main.ts')], {
    env: { ...process.env, ...env, WORKFLOW_BUNDLE_PATH: process.env.VINHDANH_WORKFLOW_BUNDLE ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', () => undefined);
  child.stderr?.on('data', (b: Buffer) => process.env.TEST_LOG_LEVEL && process.stderr.write(b));
  return child;
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}
