import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Each integration test file works on its own copy of the migrated, seeded template that the global
 * setup prepared: files run two at a time and many use the same demo units, so on one shared database
 * a count, a council's waiting list or an inbox would depend on what the other file was doing.
 * Copying a small template is a file copy in PostgreSQL (tens of milliseconds); the global teardown
 * drops the copies with the template.
 */
beforeAll(async () => {
  const template = process.env.VINHDANH_TEST_TEMPLATE_URL;
  if (!template) return;
  const url = new URL(template);
  const templateName = url.pathname.slice(1);
  const name = `${templateName}_${randomBytes(4).toString('hex')}`;
  const admin = new URL(template);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // FILE_COPY: a plain copy of the template's files, much faster than WAL-logging every block.
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}" STRATEGY FILE_COPY`).catch(async (err: { code?: string }) => {
      if (err.code !== '42601' && err.code !== '42704') throw err; // before PostgreSQL 15: no STRATEGY
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    });
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
});
