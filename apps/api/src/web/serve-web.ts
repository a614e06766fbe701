import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

export const WEB_BASE = '/app';

/**
 * The browser application is a static build (`npm run build:web` → dist/web); the API serves it
 * under /app so its client-side routes never collide with the API's own paths. Unknown paths under
 * /app get index.html (the client router decides), and every page carries a strict CSP.
 */
export function serveWeb(app: NestExpressApplication, dir = webDistDir()): void {
  const index = join(dir, 'index.html');
  const headers = (res: Response) => {
    res.setHeader('content-security-policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
  };
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' && req.path === '/') return res.redirect(302, `${WEB_BASE}/`);
    next();
  });
  app.use(WEB_BASE, (req: Request, res: Response, next: NextFunction) => {
    headers(res);
    next();
  }, express.static(dir, { index: false, maxAge: '1h', setHeaders: (res, file) => { if (file.endsWith('.html')) res.setHeader('cache-control', 'no-cache'); } }));
  app.use(WEB_BASE, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    if (!existsSync(index)) {
      return res.status(404).type('text/plain; charset=utf-8').send('Chưa dựng giao diện web: chạy `npm run build:web`.\nThe web application is not built: run `npm run build:web`.');
    }
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(readFileSync(index));
  });
}

/** dist/web beside the repository root, found from this file in both the source tree and dist/. */
export function webDistDir(): string {
  if (process.env.WEB_DIST_DIR) return resolve(process.env.WEB_DIST_DIR);
  let dir = __dirname;
  while (dirname(dir) !== dir) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  return resolve('dist/web');
}
