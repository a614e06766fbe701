import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from './data-source';
import { seedDemo } from './seed/seed-demo';

/** `npm run migrate` and the compose `migrate` service: apply migrations, then seed the demo if asked. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required (e.g. postgres://user:pass@127.0.0.1:5432/vinhdanh)');
  const applied = await runMigrations(url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  if (process.env.SEED_DEMO === 'true') {
    const ds = await new DataSource(dataSourceOptions(url)).initialize();
    console.log('demo seeded', await seedDemo(ds));
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
