import fs from 'node:fs';
import { freePort, onFreePort } from '../support/ports';
import os from 'node:os';
import path from 'node:path';
import { startTestTemporal, TEMPORAL_TOPOLOGY, temporalPort, type TestTemporal } from '../support/temporal-topology';
import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { submit, waitForStatus, waitForStep } from '../support/nominations';
import { holdNominationRow } from '../support/row-lock';

/**
 * The Temporal server is stopped while nominations are in flight and restarted on its persistent
 * database (the dev server's SQLite file, or the real server's PostgreSQL databases): calls during
 * the outage get a prompt 503 with a reason (reads from PostgreSQL still work), and afterwards every
 * nomination continues; retried actions have one effect.
 */
describe(`Temporal server outage (${TEMPORAL_TOPOLOGY} topology)`, () => {
  let server: TestTemporal;
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-temporal-'));
  let port: number;
  let uiPort: number;

  // The real server keeps its state in databases named after this file's own database.
  const databasePrefix = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_t`;
  const startServer = () => startTestTemporal({ dataDir, port, uiPort, databaseUrl: process.env.DATABASE_URL!, databasePrefix });

  beforeAll(async () => {
    uiPort = await freePort();
    ({ port, server } = await onFreePort((p) => startTestTemporal({ dataDir, port: p, uiPort, databaseUrl: process.env.DATABASE_URL!, databasePrefix }), 4, temporalPort));
    // The default deadline for Temporal calls (TEMPORAL_RPC_TIMEOUT_MS, 10 s): what users get.
    stack = await startStack({ TEMPORAL_ADDRESS: server.address });
    [clerk, reviewer, head] = await Promise.all(['vanthu.so-yte', 'thamdinh.so-yte', 'thutruong.so-yte'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    await stack?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 during the outage and resumes every nomination afterwards', async () => {
    const ids = await Promise.all([submit(clerk, 'GK_DONVI'), submit(clerk, 'GK_DONVI'), submit(clerk, 'GK_DONVI')]);
    await Promise.all(ids.map((id) => waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT')));

    await server.stop();
    const started = Date.now();
    const during = await reviewer.post(`/nominations/${ids[0]}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }, { 'idempotency-key': `outage-${ids[0]}` });
    expect(during.status).toBe(503);
    expect(during.body.messageVi).toMatch(/tạm thời không sẵn sàng/);
    // Prompt: well within the 10 s deadline an Update may otherwise wait for its effect.
    expect(Date.now() - started).toBeLessThan(5_000);
    const health = await fetch(`${stack.baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as any).checks.temporal).toBe('down');
    const read = await clerk.get(`/nominations/${ids[0]}`);
    expect(read.status).toBe(200);

    server = await startServer();
    for (const id of ids) {
      let res;
      for (let attempt = 0; attempt < 40; attempt++) {
        res = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }, { 'idempotency-key': `outage-${id}` });
        if (res.status === 200) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(res!.status).toBe(200);
    }
    await Promise.all(ids.map((id) => waitForStep(head, id, 'AWAITING_DECISION', 'UNIT', 60_000)));
    for (const id of ids) expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
    for (const id of ids) {
      const n = await waitForStatus(clerk, id, 'AWARDED', 30_000);
      expect(n.steps.filter((s: any) => s.type === 'ReviewApproved')).toHaveLength(1);
    }
  });

  it('an action the server had accepted when it died takes effect once when the client retries', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    // The kill point, reached on purpose: the activity recording the accepted action is in
    // flight, waiting on a held row, when the server goes.
    const held = await holdNominationRow(stack.config.databaseUrl, id);
    const body = { action: 'APPROVE', justification: 'Đã đối chiếu' };
    const key = `accepted-${id}`;
    const first = reviewer.post(`/nominations/${id}/review`, body, { 'idempotency-key': key });
    try {
      await held.waitedOn();
      await server.stop();
    } finally {
      // The activity now writes its effect, and cannot report it: the server is down.
      await held.release();
    }
    // The API answers when the projection commits (200), or, if the server is gone before that
    // notification reaches it, Temporal's unavailability (503). Either way the retry below answers
    // 200, and the action takes effect once, in the read model and in the workflow.
    expect([200, 503]).toContain((await first).status);
    server = await startServer();
    const retried = await eventually(async () => {
      const r = await reviewer.post(`/nominations/${id}/review`, body, { 'idempotency-key': key });
      return r.status === 200 ? r : undefined;
    }, 90_000);
    expect(retried.body.nominationId).toBe(id);
    const n = await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT', 60_000);
    expect(n.steps.filter((s: any) => s.type === 'ReviewApproved')).toHaveLength(1);
    expect(n.steps.map((s: any) => s.seq)).toEqual(n.steps.map((_: unknown, i: number) => i + 1));
    // The workflow itself recorded the review, once: the worker's completion of the task reached the
    // restarted server, so the read model and the history agree.
    const history = await eventually(async () => {
      const h = await stack.temporal.workflow.getHandle(n.workflowId).fetchHistory();
      return h.events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ? h : undefined;
    }, 60_000);
    expect(history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
  });

  it('an action answered at its projection reaches the workflow though the server died first, with no retry from the caller', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    const at = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const held = await holdNominationRow(stack.config.databaseUrl, id);
    // No Idempotency-Key, and the caller never sends it again: the API must see it through.
    const first = reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' });
    try {
      await held.waitedOn();
      await server.stop();
    } finally {
      await held.release();
    }
    // The projection committed while the server was down: that is the answer.
    const answer = await first;
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('IN_REVIEW');
    server = await startServer();
    // The API sends the Update again until Temporal confirms it: the workflow records it once and
    // moves on, so the decision maker's task in the read model is one the workflow accepts.
    const history = await eventually(async () => {
      const h = await stack.temporal.workflow.getHandle(at.workflowId).fetchHistory();
      return h.events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes) ? h : undefined;
    }, 90_000);
    expect(history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
    await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT', 60_000);
    expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
    const n = await waitForStatus(clerk, id, 'AWARDED', 30_000);
    expect(n.steps.filter((s: any) => s.type === 'ReviewApproved')).toHaveLength(1);
  });
});
