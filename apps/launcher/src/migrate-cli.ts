import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, seedDemo } from '@vinhdanh/persistence';
import { ConfigError, loadConfig, personalIdHash } from '@vinhdanh/platform';

/** `npm run migrate` and the compose `migrate` service: apply migrations, then seed the demo if SEED_DEMO=true. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await runMigrations(config.databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
  if (config.seedDemo) {
    const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    console.log('demo seeded', await seedDemo(ds, { personalIdHash: (d) => personalIdHash(d, config.identityKey) }));
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});
