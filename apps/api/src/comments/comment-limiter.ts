import { HttpException, HttpStatus } from '@nestjs/common';
import { RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/**
 * Limits on public comments, on `rate-limiter-flexible` with its PostgreSQL store (table
 * `comment_limit`), shared by every API process: a few comments an hour per address, and a ceiling
 * per nomination a day, so a flood from many addresses cannot bury the reviewer either.
 */
export class CommentLimiter {
  private readonly address: RateLimiterAbstract;
  private readonly nomination: RateLimiterAbstract;

  constructor(ds: DataSource, perAddressPerHour: number, perNominationPerDay = 200) {
    const store = { storeClient: ds, storeType: 'typeorm', tableName: 'comment_limit', tableCreated: true };
    this.address = new RateLimiterPostgres({ ...store, keyPrefix: 'addr', points: perAddressPerHour, duration: 3600 });
    this.nomination = new RateLimiterPostgres({ ...store, keyPrefix: 'nom', points: perNominationPerDay, duration: 86_400 });
  }

  /** Takes one comment from both allowances, or refuses with 429 and Retry-After. */
  async take(ip: string, nominationId: string): Promise<void> {
    for (const [limiter, key] of [[this.address, ip], [this.nomination, nominationId]] as const) {
      try {
        await limiter.consume(key);
      } catch (res) {
        if (res instanceof Error) throw res;
        const retryAfter = Math.ceil((res as { msBeforeNext: number }).msBeforeNext / 1000);
        throw new HttpException(
          {
            code: 'TOO_MANY_COMMENTS',
            kind: 'RATE_LIMITED',
            messageVi: `Đã gửi quá nhiều ý kiến; vui lòng thử lại sau ${retryAfter} giây.`,
            messageEn: `Too many comments; retry in ${retryAfter} s.`,
            retryAfterSeconds: retryAfter,
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
    }
  }
}
