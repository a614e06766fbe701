import fs from 'node:fs';
import { Client } from 'pg';
import type { TestStackGlobals } from './globals';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as { __VINHDANH__?: TestStackGlobals }).__VINHDANH__;
  if (!globals) return;
  await globals.temporal?.teardown();
  if (globals.adminUrl && globals.dbName && !process.env.KEEP_TEST_DB) {
    const client = new Client({ connectionString: globals.adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${globals.dbName}" WITH (FORCE)`);
    await client.end();
  }
  await globals.embeddedStop?.();
  if (globals.embeddedDir) fs.rmSync(globals.embeddedDir, { recursive: true, force: true });
  if (globals.bundlePath) fs.rmSync(globals.bundlePath, { force: true });
}
