import 'reflect-metadata';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { dataSourceOptions, legacyPlaintextBindings } from '@vinhdanh/persistence';
import { VinhDanhCodec, loadConfig, productClient, type AppConfig } from '@vinhdanh/platform';

/**
 * Runs an operator command with the database and Temporal from the environment, prints its JSON
 * report with the time taken, and exits 1 when the report is not ok (2 on an error).
 */
export function runOperatorCommand(command: (ctx: { ds: DataSource; client: Client; codec: VinhDanhCodec; config: AppConfig }) => Promise<{ ok: boolean }>): void {
  (async () => {
    const config = loadConfig();
    const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
    const legacy = await legacyPlaintextBindings(ds.manager);
    const client = await productClient(config, { legacyPlaintext: (b) => legacy.has(b) });
    const codec = new VinhDanhCodec({ keys: config.codecKeys, onUnauthenticated: 'throw', legacyPlaintext: (b) => legacy.has(b) });
    try {
      const started = Date.now();
      const report = await command({ ds, client, codec, config });
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
