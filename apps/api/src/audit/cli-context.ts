import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { loadConfig, type AppConfig } from '@vinhdanh/platform';

/**
 * Runs an operator command with the database and Temporal from the environment, prints its JSON
 * report with the time taken, and exits 1 when the report is not ok (2 on an error).
 */
export function runOperatorCommand(command: (ctx: { ds: DataSource; client: Client; config: AppConfig }) => Promise<{ ok: boolean }>): void {
  (async () => {
    const config = loadConfig();
    const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    const client = new Client({ connection: await Connection.connect({ address: config.temporalAddress }), namespace: config.temporalNamespace });
    try {
      const started = Date.now();
      const report = await command({ ds, client, config });
      console.log(JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }, null, 2));
      if (!report.ok) process.exitCode = 1;
    } finally {
      await client.connection.close();
      await ds.destroy();
    }
  })().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
