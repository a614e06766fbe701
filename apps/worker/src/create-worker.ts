import { tlsOptions } from '@vinhdanh/platform/temporal-tls';
import fs from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities, type Mailer } from '@vinhdanh/activities';
import { legacyPlaintextBindings } from '@vinhdanh/persistence';
import { HistoryArchiver, type ArchiverOptions } from './history-archiver';
import { updateNoticeKeys } from '@vinhdanh/platform/codec/notice-keys';
import { CheckpointPublisher } from './checkpoint-publisher';
import { APP_CONFIG, MAILER, ballotKeyFrom, vinhDanhDataConverter, workflowBundleOptions, type AppConfig } from '@vinhdanh/platform';

export interface CreateWorkerOptions {
  /** A prebuilt bundle (tests build it once for all files); otherwise bundled at start. */
  workflowBundle?: { code: string };
  tuning?: Partial<WorkerOptions>;
  log?: ArchiverOptions['log'];
}

/**
 * Builds the Temporal worker from a NestJS context: activities close over its DataSource and mailer.
 * Sticky cache and concurrency are left at SDK defaults here; `bench/` documents the tuning.
 */
export async function createWorker(ctx: INestApplicationContext, options: CreateWorkerOptions = {}): Promise<{ worker: Worker; connection: NativeConnection; archiver: HistoryArchiver; checkpoints?: CheckpointPublisher }> {
  const config = ctx.get<AppConfig>(APP_CONFIG);
  const dataSource = ctx.get(DataSource);
  const activities = createActivities({ dataSource, mailer: ctx.get<Mailer | undefined>(MAILER), ballotKey: ballotKeyFrom(config.ballotKey), eligibilityPolicy: config.eligibilityPolicy, emailLeaseMs: config.emailLeaseMs, baseSalary: config.baseSalary, postingClock: { calendar: config.calendar, devPostingSeconds: config.devPostingSeconds }, noticeKey: updateNoticeKeys(config.codecKeys)[0] });
  // Histories written before the codec existed stay readable for the workflows adopted at upgrade.
  const legacy = await legacyPlaintextBindings(dataSource.manager);
  const connection = await NativeConnection.connect({ address: config.temporalAddress, tls: tlsOptions(config.temporalTls) });
  // WORKFLOW_BUNDLE_PATH: a prebuilt bundle (the fault tests reuse the suite's), else bundle now.
  const prebuilt = process.env.WORKFLOW_BUNDLE_PATH ? { code: fs.readFileSync(process.env.WORKFLOW_BUNDLE_PATH, 'utf8') } : undefined;
  const workflowBundle = options.workflowBundle ?? prebuilt ?? (await bundleWorkflowCode({ ...workflowBundleOptions(), logger: quietBundlerLogger }));
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowBundle,
    activities,
    // Unauthenticated payloads reach workflows and activities as markers they refuse (docs/security.md).
    dataConverter: vinhDanhDataConverter(config.codecKeys, 'mark', (b) => legacy.has(b)),
    ...options.tuning,
  });
  // Started by the caller (the worker's main, the test stack): it sets the namespace's retention first.
  const archiver = new HistoryArchiver({
    service: connection.workflowService, namespace: config.temporalNamespace, taskQueue: config.taskQueue, dataSource,
    intervalMs: config.archive.intervalMs, retentionMs: config.archive.retentionMs, log: options.log ?? silentLog,
  });
  const { origin, intervalMs } = config.checkpoints;
  const checkpoints = intervalMs ? new CheckpointPublisher({ dataSource, origin, intervalMs, feedSigningKey: config.feedSigningKey, log: options.log ?? silentLog }) : undefined;
  return { worker, connection, archiver, checkpoints };
}

const noop = () => undefined;
const silentLog = { info: noop, warn: noop, error: noop };
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
