import type { NextFunction, Request, Response } from 'express';

/**
 * When the API last served someone: background work that can wait for a quiet moment (making
 * ballot keys ahead) waits for one. Health checks are the supervisor's, not people's, and do not count.
 */
let lastRequestAt = 0;

export function noteActivity(req: Request, _res: Response, next: NextFunction): void {
  if (!req.path.startsWith('/health')) lastRequestAt = Date.now();
  next();
}

/** Milliseconds since the API last served a request (not a health check). */
export function quietForMs(): number {
  return Date.now() - lastRequestAt;
}
