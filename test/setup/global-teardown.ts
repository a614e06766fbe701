import fs from 'node:fs';
import { dropDatabases } from '../../libs/persistence/src/embedded-postgres';
import type { TestStackGlobals } from './globals';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as { __VINHDANH__?: TestStackGlobals }).__VINHDANH__;
  if (!globals) return;
  await globals.temporalStop?.();
  // The template, every test file's copy of it and the real Temporal server's databases (named after it).
  if (globals.adminUrl && globals.dbName && !process.env.KEEP_TEST_DB) await dropDatabases(globals.adminUrl, globals.dbName);
  await globals.embeddedStop?.();
  if (globals.embeddedDir) fs.rmSync(globals.embeddedDir, { recursive: true, force: true });
  if (globals.bundlePath) fs.rmSync(globals.bundlePath, { force: true });
}
