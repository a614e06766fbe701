import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from '@vinhdanh/platform/temporal-dev-server';

export interface SupervisorOptions {
  /** First wait before a restart; it doubles after each crash that follows quickly. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** A child that stayed up this long is healthy again: its next crash restarts after the first wait. */
  stableAfterMs?: number;
  log?: (line: string) => void;
}

interface Supervised {
  name: string;
  script: string;
  env: Record<string, string>;
  child?: ChildProcess;
  backoffMs: number;
  startedAt: number;
  restarts: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps the product's processes running: a worker or API that dies is started again after a
 * wait that doubles while it keeps crashing (a crash loop must not burn the machine), and each
 * restart is logged. Workflows lose nothing meanwhile: Temporal holds their state, and another
 * worker (WORKERS > 1) keeps polling. `stop()` ends them in the reverse order of their start.
 */
export class Supervisor {
  private readonly children: Supervised[] = [];
  private stopping = false;
  private readonly first: number;
  private readonly max: number;
  private readonly stable: number;
  private readonly log: (line: string) => void;

  constructor(options: SupervisorOptions = {}) {
    this.first = options.firstBackoffMs ?? 1000;
    this.max = options.maxBackoffMs ?? 30_000;
    this.stable = options.stableAfterMs ?? 60_000;
    this.log = options.log ?? ((line) => console.log(`[vinhdanh] ${line}`));
  }

  start(name: string, script: string, env: Record<string, string>): void {
    const entry: Supervised = { name, script, env, backoffMs: this.first, startedAt: 0, restarts: 0 };
    this.children.push(entry);
    this.spawn(entry);
  }

  /** How often each process has been restarted, by name. */
  restarts(): Record<string, number> {
    return Object.fromEntries(this.children.map((c) => [c.name, c.restarts]));
  }

  /** The running process of each name (a restart replaces it). */
  pid(name: string): number | undefined {
    return this.children.find((c) => c.name === name)?.child?.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const entry of [...this.children].reverse()) {
      clearTimeout(entry.timer);
      if (entry.child && entry.child.exitCode === null && entry.child.signalCode === null) {
        this.log(`stopping ${entry.name}...`);
        await stopChild(entry.child);
      }
    }
  }

  private spawn(entry: Supervised): void {
    // Own process group: Ctrl-C reaches only the launcher, which stops the children in order.
    const child = spawn(process.execPath, ['--enable-source-maps', entry.script], { env: entry.env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    entry.child = child;
    entry.startedAt = Date.now();
    child.on('exit', (code, signal) => {
      if (this.stopping || entry.child !== child) return;
      const upMs = Date.now() - entry.startedAt;
      if (upMs >= this.stable) entry.backoffMs = this.first;
      const wait = entry.backoffMs;
      entry.backoffMs = Math.min(this.max, entry.backoffMs * 2);
      entry.restarts += 1;
      this.log(`${entry.name} exited (code ${code}, signal ${signal}) after ${(upMs / 1000).toFixed(1)} s; restarting in ${wait} ms (restart ${entry.restarts})`);
      entry.timer = setTimeout(() => {
        if (!this.stopping) this.spawn(entry);
      }, wait);
    });
  }
}
