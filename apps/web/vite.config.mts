import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/** The browser application, served by the API under /app (apps/api/src/web/serve-web.ts). */
export default defineConfig({
  root: here,
  base: '/app/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: resolve(here, '../../dist/web'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: { proxy: Object.fromEntries(['/auth', '/nominations', '/inbox', '/notifications', '/councils', '/decisions', '/audit', '/catalogue', '/movements', '/eligibility', '/documents', '/public', '/dashboard', '/health', '/nominees', '/imports', '/reports', '/drafts', '/reviews', '/org'].map((p) => [p, process.env.API_URL ?? 'http://127.0.0.1:3000'])) },
});
