import { hkdfSync } from 'node:crypto';
import os from 'node:os';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addPooledBallotKeys, dropRetiredBallotKeys, pooledBallotKeyCount, takePooledBallotKeys } from '@vinhdanh/persistence/read-model/ballot-key-pool';
import { APP_CONFIG, ballotKeyFrom, generateBallotKey, type AppConfig, type BallotKey } from '@vinhdanh/platform';
import { quietForMs } from '../common/activity';

/**
 * Keys are made only in a quiet moment: no request served for QUIET_MS, and the machine at least
 * this idle over the last tick. The pool must not compete with the work it exists to spare.
 */
const IDLE_ENOUGH = 0.5;
const QUIET_MS = 5_000;
const TICK_MS = 1_000;
const KEYS_PER_TICK = 4;
/** How often the pool's size is read again (another API may have taken keys meanwhile). */
const RECOUNT_MS = 15_000;

/**
 * Ballot keys made ahead. A council session needs one RSA key per nomination (a ballot for one
 * cannot be spent on another), and making a 2048-bit key costs 50–300 ms of CPU: a session of
 * 50 nominations opened in the year-end peak cost seconds of both cores (measured: a quarter of
 * the API's CPU in the bench). The API keeps BALLOT_KEY_POOL keys ready, made up to four a second
 * while nobody is being served and the machine is idle, sealed with BALLOT_KEY like a session's own; a session takes its
 * keys from the pool and makes only what it lacks.
 */
@Injectable()
export class BallotKeyPool implements OnModuleInit, OnModuleDestroy {
  private readonly ballotKey: Buffer;
  /** Which BALLOT_KEY sealed a pooled key: a label derived from it, not the key. */
  private readonly sealedWith: string;
  private readonly target: number;
  private readonly log = new Logger('BallotKeyPool');
  private timer?: NodeJS.Timeout;
  private busy = false;
  private cpu = machineCpu();
  private known?: { count: number; at: number };

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ballotKey = ballotKeyFrom(config.ballotKey);
    this.sealedWith = Buffer.from(hkdfSync('sha256', this.ballotKey, Buffer.alloc(0), 'vinhdanh ballot key pool label', 16)).toString('hex');
    this.target = config.ballotKeyPool;
  }

  onModuleInit(): void {
    if (this.target <= 0) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.stopFilling();
  }

  /** `n` keys for a session about to open: taken from the pool first, the rest made now. */
  async take(n: number): Promise<BallotKey[]> {
    const pooled = this.target > 0 ? await takePooledBallotKeys(this.ds.manager, this.sealedWith, n) : [];
    if (this.known) this.known = { ...this.known, count: Math.max(0, this.known.count - pooled.length) };
    const made = await Promise.all(Array.from({ length: n - pooled.length }, () => generateBallotKey(this.ballotKey)));
    return [...pooled, ...made];
  }

  /** Keys of a session that failed to open: never published, so as good as new. */
  async giveBack(keys: BallotKey[]): Promise<void> {
    if (this.target > 0) await addPooledBallotKeys(this.ds.manager, this.sealedWith, keys);
    this.known = undefined;
  }

  /** How many keys are ready (sealed with this BALLOT_KEY; keys sealed with a retired one are dropped). */
  async size(): Promise<number> {
    await dropRetiredBallotKeys(this.ds.manager, this.sealedWith);
    return pooledBallotKeyCount(this.ds.manager, this.sealedWith);
  }

  /** Stops making keys ahead (sessions still take the keys already made). */
  stopFilling(): void {
    clearInterval(this.timer);
  }

  /** Makes up to four keys if the pool is short of BALLOT_KEY_POOL; answers how many it made. */
  async refill(): Promise<number> {
    if (!this.known || Date.now() - this.known.at > RECOUNT_MS) this.known = { count: await this.size(), at: Date.now() };
    const missing = Math.min(KEYS_PER_TICK, this.target - this.known.count);
    if (missing <= 0) return 0;
    const keys: BallotKey[] = [];
    for (let i = 0; i < missing; i++) keys.push(await generateBallotKey(this.ballotKey));
    await addPooledBallotKeys(this.ds.manager, this.sealedWith, keys);
    this.known = { ...this.known, count: this.known.count + keys.length };
    return keys.length;
  }

  /** Refills while the machine is idle; never two ticks at once. */
  private async tick(): Promise<void> {
    const now = machineCpu();
    const idle = (now.idle - this.cpu.idle) / Math.max(1, now.total - this.cpu.total);
    this.cpu = now;
    if (this.busy || idle < IDLE_ENOUGH || quietForMs() < QUIET_MS) return;
    this.busy = true;
    try {
      await this.refill();
    } catch (err) {
      // The database is away: the next idle tick tries again, and sessions make their own keys meanwhile.
      this.log.warn(`ballot key pool: ${(err as Error).message}`);
      this.known = undefined;
    } finally {
      // The keys just made count as this API's own load, not idleness, at the next tick.
      this.cpu = machineCpu();
      this.busy = false;
    }
  }
}

function machineCpu(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const c of os.cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total };
}
