import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { loadConfig } from '@vinhdanh/platform';
import { rebuildProjections } from './rebuild';

/**
 * `npm run rebuild [-- --closed-only] [-- --keep]`: regenerates the projections from Temporal
 * histories into a scratch schema and proves they match the live read model (exit 1 if not).
 * With --keep the scratch schema stays, to be swapped in by an operator after a loss.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  const client = new Client({ connection: await Connection.connect({ address: config.temporalAddress }), namespace: config.temporalNamespace });
  try {
    const started = Date.now();
    const report = await rebuildProjections(ds, client, { closedOnly: process.argv.includes('--closed-only'), keep: process.argv.includes('--keep') });
    console.log(JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }, null, 2));
    if (!report.ok) process.exitCode = 1;
  } finally {
    await client.connection.close();
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
