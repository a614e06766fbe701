import { HttpException, HttpStatus } from '@nestjs/common';
import { RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/**
 * Sign-in limits, on `rate-limiter-flexible` with its PostgreSQL store (table `login_limit`), so
 * every API process counts together:
 *
 *  - failures per **username and address** (or, from a browser with the account's device token,
 *    per username and token): after `maxFailures` the pair is blocked, for 30 s the first time and
 *    twice as long each time after (at most 15 min). A stranger elsewhere cannot lock the owner
 *    out: the owner's own address has its own count.
 *  - failures per **address**, with a higher ceiling (`maxFailuresPerAddress` an hour): guessing
 *    across many usernames is stopped without blocking an office behind one NAT address for a few
 *    mistyped passwords.
 *  - failures per **account** from browsers without its device token (`maxFailuresPerAccount` an
 *    hour): guessing one password from many addresses is slowed to one guess per block, the blocks
 *    30 s, doubling, at most 15 min. The owner's browser carries its device token (device-tokens.ts)
 *    and is not slowed: the slowdown never locks the owner out.
 *
 * A refusal is a 429 with Retry-After. A success clears the pair's count.
 */
export interface LoginLimits {
  maxFailures: number;
  maxFailuresPerAddress: number;
  maxFailuresPerAccount: number;
}

/** Who is trying: the username, the client's address and, if its token verified, the browser's device token id. */
export interface LoginAttempt {
  username: string;
  ip: string;
  device?: string;
}

const WINDOW_S = 15 * 60;
const FIRST_BLOCK_S = 30;
const LONGEST_BLOCK_S = 15 * 60;

export class LoginLimiter {
  private readonly pair: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  private readonly account: RateLimiterAbstract;
  /** How many times a pair or an account was blocked in the last day: the next block lasts twice as long. */
  private readonly blocks: RateLimiterAbstract;

  constructor(ds: DataSource, private readonly limits: LoginLimits) {
    const store = { storeClient: ds, storeType: 'typeorm', tableName: 'login_limit', tableCreated: true };
    this.pair = new RateLimiterPostgres({ ...store, keyPrefix: 'pair', points: limits.maxFailures, duration: WINDOW_S });
    this.address = new RateLimiterPostgres({ ...store, keyPrefix: 'addr', points: limits.maxFailuresPerAddress, duration: 3600 });
    this.account = new RateLimiterPostgres({ ...store, keyPrefix: 'acct', points: limits.maxFailuresPerAccount, duration: 3600 });
    this.blocks = new RateLimiterPostgres({ ...store, keyPrefix: 'blocks', points: 1000, duration: 86_400 });
  }

  /** Refuses with 429 while the pair or (for an untrusted browser) the account is blocked, or once the address has used up its allowance. */
  async check(a: LoginAttempt): Promise<void> {
    const [pair, address, account] = await Promise.all([this.pair.get(pairKey(a)), this.address.get(a.ip), a.device ? null : this.account.get(accountKey(a))]);
    const waits = [
      pair && pair.consumedPoints > this.limits.maxFailures ? pair.msBeforeNext : 0,
      address && address.consumedPoints >= this.limits.maxFailuresPerAddress ? address.msBeforeNext : 0,
      account && account.consumedPoints > this.limits.maxFailuresPerAccount ? account.msBeforeNext : 0,
    ];
    const ms = Math.max(...waits);
    if (ms > 0) throw tooMany(Math.ceil(ms / 1000));
  }

  async failed(a: LoginAttempt): Promise<void> {
    const key = pairKey(a);
    const [pair, , account] = await Promise.all([consume(this.pair, key), consume(this.address, a.ip), a.device ? null : consume(this.account, accountKey(a))]);
    if (pair.consumedPoints >= this.limits.maxFailures) await this.blockAgain(this.pair, key);
    if (account) {
      // After its first block an account is slowed to one guess per block, not given a fresh allowance.
      const blockedBefore = (await this.blocks.get(accountKey(a)))?.consumedPoints ?? 0;
      if (account.consumedPoints >= (blockedBefore ? 1 : this.limits.maxFailuresPerAccount)) await this.blockAgain(this.account, accountKey(a));
    }
  }

  async succeeded(a: LoginAttempt): Promise<void> {
    await this.pair.delete(pairKey(a));
  }

  private async blockAgain(limiter: RateLimiterAbstract, key: string): Promise<void> {
    const blocked = await consume(this.blocks, key);
    await limiter.block(key, Math.min(LONGEST_BLOCK_S, FIRST_BLOCK_S * 2 ** (blocked.consumedPoints - 1)));
  }
}

const pairKey = (a: LoginAttempt) => (a.device ? `${a.username.toLowerCase()}|device:${a.device}` : `${a.username.toLowerCase()}|${a.ip}`);
const accountKey = (a: LoginAttempt) => `account:${a.username.toLowerCase()}`;

/** consume() rejects with the limiter's answer once over the limit; here that answer is what we need. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<{ consumedPoints: number }> {
  try {
    return await limiter.consume(key);
  } catch (res) {
    if (res instanceof Error) throw res;
    return res as { consumedPoints: number };
  }
}

function tooMany(retryAfter: number): HttpException {
  return new HttpException(
    {
      code: 'TOO_MANY_ATTEMPTS',
      kind: 'RATE_LIMITED',
      messageVi: `Đăng nhập sai quá nhiều lần; thử lại sau ${retryAfter} giây.`,
      messageEn: `Too many failed sign-ins; retry in ${retryAfter} s.`,
      retryAfterSeconds: retryAfter,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
