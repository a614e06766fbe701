import path from 'node:path';
import { startEmbeddedPostgresProcess, type EmbeddedPostgresProcess } from '../../libs/persistence/src/embedded-postgres-host';

export type PgController = EmbeddedPostgresProcess;

/** The product's embedded PostgreSQL process (database `outage`), its TypeScript run through the test hook. */
export function startPgProcess(dataDir: string, port: number): Promise<PgController> {
  return startEmbeddedPostgresProcess({ dataDir, port, database: 'outage', execArgv: ['-r', path.join(__dirname, 'ts-register.js')] });
}
