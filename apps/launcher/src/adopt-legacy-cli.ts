import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { loadConfig } from '@vinhdanh/platform';
import { adoptLegacyWorkflows } from './adopt-legacy';

/** `npm run codec:adopt`: the one-off upgrade step of docs/security.md for deployments not started by `npm start`. */
(async () => {
  const config = loadConfig();
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    console.log(JSON.stringify({ adopted: await adoptLegacyWorkflows(ds, config.temporalAddress, config.temporalNamespace, config.temporalTls) }));
  } finally {
    await ds.destroy();
  }
})().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
