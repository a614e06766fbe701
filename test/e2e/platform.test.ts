import { startStack, eventually, type Stack } from '../support/stack';
import { approveLevel, submit, waitForStatus, waitForStep } from '../support/nominations';

describe('platform', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('health says which part is up, without sign-in and without versions; details are for operators', async () => {
    const res = await fetch(`${stack.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up', worker: 'up' } });
    expect((await fetch(`${stack.baseUrl}/health/live`)).status).toBe(200);
    expect((await fetch(`${stack.baseUrl}/health/details`)).status).toBe(401);
    const clerk = await stack.login('vanthu.so-gddt');
    expect((await clerk.get('/health/details')).status).toBe(403);
    const details = (await (await stack.login('thanhtra')).get('/health/details')).body;
    expect(details.temporal).toMatchObject({ up: true, detail: { serverVersion: expect.any(String) } });
    expect(details.worker.detail.pollers.length).toBeGreaterThan(0);
  });

  it('serves the OpenAPI document and UI without sign-in', async () => {
    const doc = await fetch(`${stack.baseUrl}/docs/openapi.json`);
    expect(doc.status).toBe(200);
    const openapi = (await doc.json()) as any;
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/nominations', '/nominations/{id}/review', '/health']));
    expect((await fetch(`${stack.baseUrl}/docs`)).status).toBe(200);
  });

  it('typed search attributes let auditors filter nominations in Temporal', async () => {
    const [clerk, reviewer, head] = await Promise.all(['vanthu.xa-quang-khe', 'thamdinh.xa-quang-khe', 'thutruong.xa-quang-khe'].map((u) => stack.login(u)));
    const id = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT');
    await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    await waitForStatus(clerk, id, 'AWARDED');
    const query = `VinhDanhUnit='xa-quang-khe' AND VinhDanhAward='GK_DONVI' AND VinhDanhStatus='AWARDED' AND VinhDanhYear=2025 AND VinhDanhLevel='UNIT'`;
    const found = await eventually(async () => {
      const ids: string[] = [];
      for await (const wf of stack.temporal.workflow.list({ query })) ids.push(wf.workflowId);
      return ids.includes(`nomination-${id}`) ? ids : undefined;
    });
    expect(found).toContain(`nomination-${id}`);
  });
});
