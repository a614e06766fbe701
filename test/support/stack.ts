import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Client } from '@temporalio/client';
import { Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { VinhDanhCodec, loadConfig, productClient, type AppConfig } from '@vinhdanh/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createWorker } from '../../apps/worker/src/create-worker';
import type { HistoryArchiver } from '../../apps/worker/src/history-archiver';
import { watchApi } from './contract';

let runtimeInstalled = false;

export interface Stack {
  config: AppConfig;
  baseUrl: string;
  api: NestExpressApplication;
  ds: DataSource;
  temporal: Client;
  /** The payload codec under the stack's keys, to read histories as an auditor would. */
  codec: VinhDanhCodec;
  worker: Worker;
  /** The worker's history archiver (started; ARCHIVE_INTERVAL sets how often it looks). */
  archiver: HistoryArchiver;
  /** Signs in with the demo password, or the one given. */
  login(username: string, password?: string): Promise<Session>;
  /** A session carrying this token (none: an anonymous caller). */
  session(token?: string): Session;
  close(): Promise<void>;
}

export interface Session {
  token: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
}

/**
 * The real product in-process: the NestJS API on an ephemeral port and a Temporal worker built from
 * the worker's own NestJS context, both against the servers of the global setup. Each test file
 * gets its own task queue, so files running in parallel never run each other's workflows.
 */
export async function startStack(env: Record<string, string> = {}, options: { inProcessWorker?: boolean } = {}): Promise<Stack> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger((process.env.TEST_LOG_LEVEL as 'WARN' | undefined) ?? 'ERROR'), shutdownSignals: [] });
    runtimeInstalled = true;
  }
  const taskQueue = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // Each stack signs decisions with keys of its own, issued by a local CA made for it.
  const signingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-signing-'));
  // No ballot keys made ahead unless a test asks (BALLOT_KEY_POOL): a score of test APIs making RSA keys whenever the machine idles would slow the suite.
  // The archiver looks once at start and then hourly, no checkpoint is signed by itself, and decisions are signed at their first download, unless a test asks
  // (ARCHIVE_INTERVAL, CHECKPOINT_INTERVAL, SIGN_AT_ISSUE): audit entries appearing mid-test would confuse other files' counts, and signing every decision (0.5 s of CPU each) would load the suite.
  // COMMENT_PROOF_WORK: a comment's proof of work is a few hundred hashes, not a browser's 20,000.
  // SECOND_FACTOR_ROLES: the demo's decision makers sign in with a password, as under `npm start`; test/e2e/second-factor.test.ts asks for codes.
  const config = loadConfig({ ...process.env, TEMPORAL_TASK_QUEUE: taskQueue, PORT: '0', LOG_LEVEL: 'silent', SIGNING_DIR: signingDir, SIGNING_AUTO_ISSUE: 'true', BALLOT_KEY_POOL: '0', ARCHIVE_INTERVAL: '1h', CHECKPOINT_INTERVAL: 'off', SIGN_AT_ISSUE: 'false', COMMENT_PROOF_WORK: '200', SECOND_FACTOR_ROLES: '', ...env });
  const workerCtx: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  const inProcess = options.inProcessWorker === false ? undefined : await createWorker(workerCtx, { workflowBundle: { code: fs.readFileSync(process.env.VINHDANH_WORKFLOW_BUNDLE!, 'utf8') } });
  const running = inProcess?.worker.run();
  await inProcess?.archiver.start();
  inProcess?.checkpoints?.start();
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  watchApi(baseUrl);
  // The product's own client (through the payload codec); attack tests make raw clients of their own.
  const temporal = await productClient(config);

  const session = (token: string): Session => {
    const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed as any };
    };
    return { token, request, get: (p) => request('GET', p), post: (p, b, h) => request('POST', p, b, h) };
  };

  return {
    config,
    baseUrl,
    api,
    ds: workerCtx.get(DataSource),
    temporal,
    codec: new VinhDanhCodec({ keys: config.codecKeys, onUnauthenticated: 'throw' }),
    worker: inProcess?.worker as Worker,
    archiver: inProcess?.archiver as HistoryArchiver,
    session: (token = '') => session(token),
    async login(username: string, password = 'vinhdanh') {
      const res = await session('').post('/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return session(res.body.accessToken);
    },
    async close() {
      await api.close();
      if (inProcess) {
        await inProcess.archiver.stop();
        inProcess.checkpoints?.stop();
        inProcess.worker.shutdown();
        await running;
        await inProcess.connection.close();
      }
      await temporal.connection.close();
      await workerCtx.close();
      fs.rmSync(signingDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (projections are written by activities, a moment later). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
