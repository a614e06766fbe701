import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { startTemporalServer, freeServerPort, type RunningTemporalServer } from '@vinhdanh/platform/temporal-server';
import { ensureTemporalCertificates, tlsOptions } from '@vinhdanh/platform/temporal-tls';
import { ensureTemporalCli } from '../../scripts/ensure-temporal-cli';
import { ensureTemporalServer } from '../../scripts/ensure-temporal-server';
import { onFreePort } from '../support/ports';
import { startStack, type Stack } from '../support/stack';
import { submit, waitForStep } from '../support/nominations';

const run = promisify(execFile);

/**
 * The real Temporal server as `TEMPORAL_MODE=server` runs it, with mutual TLS on its frontend,
 * attacked from outside: whoever reaches the port without the deployment's client certificate — no
 * certificate, or one from another CA — is refused at the handshake, so cannot start, signal,
 * update, reset, terminate or read anything; the product, presenting its certificate, works end to end.
 */
describe('mutual TLS at the Temporal frontend', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-temporal-tls-'));
  let server: RunningTemporalServer;
  let stack: Stack;

  beforeAll(async () => {
    const databasePrefix = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_tls`;
    ({ server } = await onFreePort(
      (port) => startTemporalServer({ build: ensureTemporalServer(), cli: ensureTemporalCli(), databaseUrl: process.env.DATABASE_URL!, databasePrefix, shards: 1, port, dataDir: path.join(dir, 'server'), maxConnections: { store: 4, visibility: 2 }, log: () => undefined, tlsDir: path.join(dir, 'tls') }),
      4,
      freeServerPort,
    ));
    stack = await startStack({ TEMPORAL_ADDRESS: server.address, TEMPORAL_TLS_CA: server.tls!.ca, TEMPORAL_TLS_CERT: server.tls!.cert, TEMPORAL_TLS_KEY: server.tls!.key });
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const refused = async (tls: NonNullable<Parameters<typeof Connection.connect>[0]>['tls']) => {
    try {
      const connection = await Connection.connect({ address: server.address, tls, connectTimeout: 3000 });
      await connection.workflowService.listWorkflowExecutions({ namespace: 'default' });
      await connection.close();
      return false;
    } catch {
      return true;
    }
  };

  it('refuses a client with no certificate, with none over plaintext, and with a certificate from another CA', async () => {
    expect(await refused(undefined)).toBe(true);
    expect(await refused({ serverRootCACertificate: fs.readFileSync(server.tls!.ca) })).toBe(true);
    const stranger = await ensureTemporalCertificates(path.join(dir, 'stranger'));
    expect(await refused({ serverRootCACertificate: fs.readFileSync(server.tls!.ca), clientCertPair: { crt: fs.readFileSync(stranger.product.cert), key: fs.readFileSync(stranger.product.key) } })).toBe(true);
    // The operator's command line without the certificate gets nowhere either.
    await expect(run(ensureTemporalCli(), ['workflow', 'list', '--address', server.address, '--namespace', 'default'], { timeout: 20_000 })).rejects.toThrow();
    // With the deployment's certificate, the same call works: the refusals are the TLS, not the server.
    expect(await refused(tlsOptions(server.tls))).toBe(false);
  });

  it('lets operators’ tools read, never act: the operator certificate lists and reads histories, and is denied start, signal and terminate', async () => {
    const certs = await ensureTemporalCertificates(path.join(dir, 'tls'));
    const operator = await Connection.connect({ address: server.address, tls: { serverRootCACertificate: fs.readFileSync(certs.ca), clientCertPair: { crt: fs.readFileSync(certs.operator.cert), key: fs.readFileSync(certs.operator.key) } } });
    try {
      const listed = await operator.workflowService.listWorkflowExecutions({ namespace: 'default' });
      expect(Array.isArray(listed.executions)).toBe(true);
      const denied = async (call: () => Promise<unknown>) => call().then(() => 'allowed', (err: { code?: number }) => (err.code === 7 ? 'PERMISSION_DENIED' : `other ${String(err)}`));
      expect(await denied(() => operator.workflowService.startWorkflowExecution({ namespace: 'default', workflowId: 'chiem-cho', workflowType: { name: 'nominationWorkflow' }, taskQueue: { name: stack.config.taskQueue }, requestId: 'x' }))).toBe('PERMISSION_DENIED');
      expect(await denied(() => operator.workflowService.signalWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: 'bat-ky' }, signalName: 'councilResult' }))).toBe('PERMISSION_DENIED');
      expect(await denied(() => operator.workflowService.terminateWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: 'bat-ky' }, reason: 'thử' }))).toBe('PERMISSION_DENIED');
      // The CLI with the operator's certificate: reads, and is refused a termination.
      const flags = ['--address', server.address, '--namespace', 'default', '--tls-ca-path', certs.ca, '--tls-cert-path', certs.operator.cert, '--tls-key-path', certs.operator.key];
      await run(ensureTemporalCli(), ['workflow', 'list', ...flags]);
      await expect(run(ensureTemporalCli(), ['workflow', 'terminate', '--workflow-id', 'bat-ky', '--reason', 'thử', ...flags])).rejects.toThrow(/PermissionDenied|permission denied|Request unauthorized/i);
    } finally {
      await operator.close();
    }
  });

  it('carries the product end to end over mutual TLS', async () => {
    const clerk = await stack.login('vanthu.so-gddt');
    const reviewer = await stack.login('thamdinh.so-gddt');
    const id = await submit(clerk, 'GK_DONVI');
    const n = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
    expect((await stack.temporal.workflow.getHandle(n.workflowId).describe()).status.name).toBe('RUNNING');
  });
});
