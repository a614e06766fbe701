import { HttpException } from '@nestjs/common';
import { LoginLimiter } from './login-limiter';

describe('LoginLimiter', () => {
  it('allows `limit` failures, refuses the next with 429, and forgets after the window', () => {
    const limiter = new LoginLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      limiter.check('a', '1.1.1.1', i);
      limiter.failed('a', '1.1.1.1', i);
    }
    let error: unknown;
    try {
      limiter.check('a', '1.1.1.1', 10);
    } catch (e) {
      error = e;
    }
    expect((error as HttpException).getStatus()).toBe(429);
    expect(() => limiter.check('a', '1.1.1.1', 60_001)).not.toThrow();
  });

  it('counts per address too, so guessing across usernames is limited', () => {
    const limiter = new LoginLimiter(2, 60_000);
    limiter.failed('a', '9.9.9.9', 0);
    limiter.failed('b', '9.9.9.9', 0);
    expect(() => limiter.check('c', '9.9.9.9', 1)).toThrow();
    expect(() => limiter.check('c', '8.8.8.8', 1)).not.toThrow();
  });
});
