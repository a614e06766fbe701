import { HttpException, HttpStatus, Injectable } from '@nestjs/common';

/**
 * Sign-in rate limit: at most `limit` failed attempts per username and per client address within
 * `windowMs`; a success clears the username's count. In memory, per API process: several API
 * replicas each count separately (put a shared limiter in front of them in such deployments).
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly limit = 5, private readonly windowMs = 15 * 60_000) {}

  check(username: string, ip: string, now = Date.now()): void {
    for (const key of this.keys(username, ip)) {
      const recent = this.recent(key, now);
      if (recent.length >= this.limit) {
        const retryAfter = Math.ceil((recent[0] + this.windowMs - now) / 1000);
        throw new HttpException(
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
    }
  }

  failed(username: string, ip: string, now = Date.now()): void {
    for (const key of this.keys(username, ip)) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeeded(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }

  private keys(username: string, ip: string): string[] {
    return [`u:${username.toLowerCase()}`, `ip:${ip}`];
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
