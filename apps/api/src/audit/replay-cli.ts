import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { loadConfig } from '@vinhdanh/platform';
import { AuditService } from './audit.service';

/**
 * `npm run verify:replay [-- <nominationId>]`: replays one or every nomination's history against
 * the current workflow code and checks the read model and audit log agree; exit 1 on any failure.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  const client = new Client({ connection: await Connection.connect({ address: config.temporalAddress }), namespace: config.temporalNamespace });
  const operator = { userId: 'cli', fullName: 'CLI', unitId: '', roles: ['ADMIN' as const], scopeUnitId: null };
  try {
    const audit = new AuditService(ds, client, config);
    const id = process.argv[2];
    const report = id ? await audit.replay(operator, id) : await audit.replayAll(operator);
    console.log(JSON.stringify(report, null, 2));
    const ok = 'checked' in report ? report.ok : report.deterministic && report.readModelAgrees && report.auditLogAgrees;
    if (!ok) process.exitCode = 1;
  } finally {
    await client.connection.close();
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
});
