import readline from 'node:readline';
import { startEmbeddedPostgres } from '../../libs/persistence/src/embedded-postgres';

/**
 * An embedded PostgreSQL in its own process, controlled over stdin ("stop", "start", "exit"):
 * Jest's sandbox cannot load the ESM-only package, and a fault test needs to stop and restart it.
 */
async function main(): Promise<void> {
  const db = await startEmbeddedPostgres({ dataDir: process.env.PG_DIR!, port: Number(process.env.PG_PORT), database: 'outage', log: () => undefined });
  process.stdout.write(`ready ${db.url}\n`);
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === 'stop') await db.stop();
    if (line === 'start') await db.start();
    if (line === 'exit') {
      await db.stop();
      process.stdout.write('exit\n');
      process.exit(0);
    }
    process.stdout.write(`ok ${line}\n`);
  }
}

main().catch((err) => {
  process.stdout.write(`error ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
