import type { NextFunction, Request, Response } from 'express';

/**
 * Answers carry tokens, dossiers and personal data: no cache may keep them (`no-store`), unless a
 * route says otherwise (the web app's static files, the public notices).
 */
const CACHEABLE = /^\/(app\/|public\/|catalogue$|movements$)/;

export function privateByDefault(req: Request, res: Response, next: NextFunction): void {
  if (!CACHEABLE.test(req.path)) res.setHeader('cache-control', 'no-store');
  next();
}
