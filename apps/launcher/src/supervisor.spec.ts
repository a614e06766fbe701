import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Supervisor } from './supervisor';

/** Real child processes: a script that crashes on its first runs and then stays up, or is killed. */
describe('the supervisor', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-supervisor-'));
  const script = path.join(dir, 'child.js');
  // Counts its runs in a file; exits with 3 until the third run, which stays up.
  fs.writeFileSync(script, `const fs = require('fs'); const f = process.env.RUNS; const n = (fs.existsSync(f) ? Number(fs.readFileSync(f, 'utf8')) : 0) + 1; fs.writeFileSync(f, String(n)); if (n < 3) process.exit(3); setInterval(() => {}, 1000);`);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const until = async (check: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  it('restarts a crashing child with a wait that doubles, logging each restart, until it stays up', async () => {
    const runs = path.join(dir, 'runs-a');
    const lines: string[] = [];
    const supervisor = new Supervisor({ firstBackoffMs: 50, maxBackoffMs: 1000, stableAfterMs: 60_000, log: (l) => lines.push(l) });
    supervisor.start('worker-1', script, { ...process.env, RUNS: runs } as Record<string, string>);
    try {
      await until(() => fs.existsSync(runs) && fs.readFileSync(runs, 'utf8') === '3');
      expect(supervisor.restarts()).toEqual({ 'worker-1': 2 });
      expect(lines).toEqual([
        expect.stringMatching(/^worker-1 exited \(code 3, signal null\) after [\d.]+ s; restarting in 50 ms \(restart 1\)$/),
        expect.stringMatching(/^worker-1 exited \(code 3, signal null\) after [\d.]+ s; restarting in 100 ms \(restart 2\)$/),
      ]);
    } finally {
      await supervisor.stop();
    }
  });

  it('a killed child comes back as a new process; stopping ends it for good', async () => {
    const runs = path.join(dir, 'runs-b');
    fs.writeFileSync(runs, '2'); // its next run stays up
    const supervisor = new Supervisor({ firstBackoffMs: 50, log: () => undefined });
    supervisor.start('api-1', script, { ...process.env, RUNS: runs } as Record<string, string>);
    try {
      await until(() => supervisor.pid('api-1') !== undefined);
      const first = supervisor.pid('api-1')!;
      process.kill(first, 'SIGKILL');
      await until(() => supervisor.pid('api-1') !== first);
      expect(supervisor.restarts()).toEqual({ 'api-1': 1 });
      const second = supervisor.pid('api-1')!;
      await supervisor.stop();
      await until(() => {
        try {
          process.kill(second, 0);
          return false;
        } catch {
          return true;
        }
      });
      expect(supervisor.restarts()).toEqual({ 'api-1': 1 });
    } finally {
      await supervisor.stop();
    }
  });
});
