import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { loadConfig, ConfigError } from '@vinhdanh/platform';
import { processLogger } from '@vinhdanh/platform/logging';
import { WorkerModule } from './worker.module';
import { createWorker } from './create-worker';

/**
 * The Temporal worker process. SIGINT/SIGTERM make the SDK stop polling, let running activities
 * finish, and resolve `run()`; then the database pool is closed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const ctx = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  const log = processLogger('worker', config.logLevel);
  const { worker, connection, archiver, checkpoints } = await createWorker(ctx, { log });
  await archiver.start();
  checkpoints?.start();
  log.info({ taskQueue: config.taskQueue, temporal: config.temporalAddress, archiveEveryMs: config.archive.intervalMs, retentionHours: config.archive.retentionMs / 3_600_000 }, 'worker started');
  try {
    await worker.run();
  } finally {
    await archiver.stop();
    checkpoints?.stop();
    await connection.close();
    await ctx.close();
    log.info('worker stopped');
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
