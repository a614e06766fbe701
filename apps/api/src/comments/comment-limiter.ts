import { HttpException, HttpStatus } from '@nestjs/common';
import { RateLimiterPostgres, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

/**
 * Limits on public comments, on `rate-limiter-flexible` with its PostgreSQL store (table
 * `comment_limit`), shared by every API process: a few comments an hour per address. There is no
 * allowance shared by a nomination: a flood from many addresses used it up and locked every
 * citizen out for a day. A flood is made dear instead (comment-proof.ts: the work asked grows with
 * the nomination's recent comments), and a sender whose address has sent nothing is never refused.
 */
export class CommentLimiter {
  private readonly address: RateLimiterAbstract;

  constructor(ds: DataSource, perAddressPerHour: number) {
    const store = { storeClient: ds, storeType: 'typeorm', tableName: 'comment_limit', tableCreated: true };
    this.address = new RateLimiterPostgres({ ...store, keyPrefix: 'addr', points: perAddressPerHour, duration: 3600 });
  }

  /** Takes one comment from the address's allowance, or refuses with 429 and Retry-After. */
  async take(ip: string): Promise<void> {
    try {
      await this.address.consume(ip);
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
