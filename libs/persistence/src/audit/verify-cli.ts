import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { verifyAuditChains } from './verify';

/** `npm run verify`: recomputes the audit chains at DATABASE_URL; exit 1 at the first broken link. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const started = Date.now();
    const report = await verifyAuditChains(ds.manager);
    console.log(JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }, null, 2));
    if (!report.ok) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
