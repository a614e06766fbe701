import { HttpException, HttpStatus } from '@nestjs/common';
import { RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/**
 * Sign-in limits, on `rate-limiter-flexible` with its PostgreSQL store (table `login_limit`), so
 * every API process counts together:
 *
 *  - failures per **username and address**: after `maxFailures` the pair is blocked, for 30 s the
 *    first time and twice as long each time after (at most 15 min). A stranger elsewhere cannot lock
 *    the owner out: the owner's own address has its own count.
 *  - failures per **address**, with a higher ceiling (`maxFailuresPerAddress` an hour): guessing
 *    across many usernames is stopped without blocking an office behind one NAT address for a few
 *    mistyped passwords.
 *
 * A refusal is a 429 with Retry-After. A success clears the username-and-address count.
 */
export interface LoginLimits {
  maxFailures: number;
  maxFailuresPerAddress: number;
}

const WINDOW_S = 15 * 60;
const FIRST_BLOCK_S = 30;
const LONGEST_BLOCK_S = 15 * 60;

export class LoginLimiter {
  private readonly pair: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;
  /** How many times a pair was blocked in the last day: the next block lasts twice as long. */
  private readonly blocks: RateLimiterAbstract;

  constructor(ds: DataSource, private readonly limits: LoginLimits) {
    const store = { storeClient: ds, storeType: 'typeorm', tableName: 'login_limit', tableCreated: true };
    this.pair = new RateLimiterPostgres({ ...store, keyPrefix: 'pair', points: limits.maxFailures, duration: WINDOW_S });
    this.address = new RateLimiterPostgres({ ...store, keyPrefix: 'addr', points: limits.maxFailuresPerAddress, duration: 3600 });
    this.blocks = new RateLimiterPostgres({ ...store, keyPrefix: 'blocks', points: 1000, duration: 86_400 });
  }

  /** Refuses with 429 while the pair is blocked, or once the address has used up its allowance. */
  async check(username: string, ip: string): Promise<void> {
    const [pair, address] = await Promise.all([this.pair.get(pairKey(username, ip)), this.address.get(ip)]);
    const waits = [pair && pair.consumedPoints > this.limits.maxFailures ? pair.msBeforeNext : 0, address && address.consumedPoints >= this.limits.maxFailuresPerAddress ? address.msBeforeNext : 0];
    const ms = Math.max(...waits);
    if (ms > 0) throw tooMany(Math.ceil(ms / 1000));
  }

  async failed(username: string, ip: string): Promise<void> {
    const key = pairKey(username, ip);
    const [pair] = await Promise.all([consume(this.pair, key), consume(this.address, ip)]);
    if (pair.consumedPoints >= this.limits.maxFailures) {
      const blocked = await consume(this.blocks, key);
      const seconds = Math.min(LONGEST_BLOCK_S, FIRST_BLOCK_S * 2 ** (blocked.consumedPoints - 1));
      await this.pair.block(key, seconds);
    }
  }

  async succeeded(username: string, ip: string): Promise<void> {
    await this.pair.delete(pairKey(username, ip));
  }
}

const pairKey = (username: string, ip: string) => `${username.toLowerCase()}|${ip}`;

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
