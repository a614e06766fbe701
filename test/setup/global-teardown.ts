import fs from 'node:fs';
import { Client } from 'pg';
import type { TestStackGlobals } from './globals';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as { __VINHDANH__?: TestStackGlobals }).__VINHDANH__;
  if (!globals) return;
  await globals.temporalStop?.();
  if (globals.adminUrl && globals.dbName && !process.env.KEEP_TEST_DB) {
    const client = new Client({ connectionString: globals.adminUrl });
    await client.connect();
    // The template and every test file's copy of it (named after it).
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [globals.dbName]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
  }
  await globals.embeddedStop?.();
  if (globals.embeddedDir) fs.rmSync(globals.embeddedDir, { recursive: true, force: true });
  if (globals.bundlePath) fs.rmSync(globals.bundlePath, { force: true });
}
