import fs from 'node:fs';
import { onFreePort } from '../support/ports';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, seedDemo } from '@vinhdanh/persistence';
import { personalIdHash } from '@vinhdanh/platform';
import { startPgProcess, type PgController } from '../support/pg-controller';
import { holdNominationRow } from '../support/row-lock';
import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { dossier, waitForStatus, waitForStep } from '../support/nominations';

/**
 * PostgreSQL goes away while nominations are in flight: activities retry and workflows wait,
 * reads and actions answer 503; after recovery every projection catches up and the audit chain
 * verifies. Uses its own embedded PostgreSQL so other suites are not disturbed.
 */
describe('PostgreSQL outage', () => {
  let db: PgController;
  let stack: Stack;
  let clerk: Session, reviewer: Session, auditor: Session;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-pg-outage-'));

  beforeAll(async () => {
    fs.chmodSync(dir, 0o755);
    ({ server: db } = await onFreePort((port) => startPgProcess(path.join(dir, `data-${port}`), port)));
    await runMigrations(db.url);
    const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    await seedDemo(ds, { personalIdHash: (d) => personalIdHash(d, Buffer.from(process.env.IDENTITY_KEY!, 'base64')) });
    await ds.destroy();
    stack = await startStack({ DATABASE_URL: db.url });
    [clerk, reviewer, auditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    await stack?.close();
    await db?.exit();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('waits out the outage and catches up afterwards', async () => {
    const submitted = await Promise.all([1, 2, 3].map(() => clerk.post('/nominations', dossier('GK_DONVI'))));
    const ids = submitted.map((r) => r.body.id as string);
    await db.stop();

    const read = await clerk.get(`/nominations/${ids[0]}`);
    expect(read.status).toBe(503);
    expect(read.body.messageVi).toMatch(/tạm thời không sẵn sàng/);
    const act = await reviewer.post(`/nominations/${ids[0]}/review`, { action: 'APPROVE', justification: 'x' });
    expect(act.status).toBe(503);
    const health = await fetch(`${stack.baseUrl}/health`);
    expect(health.status).toBe(503);
    await new Promise((r) => setTimeout(r, 3000)); // activities fail and back off meanwhile

    await db.start();
    for (const id of ids) await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT', 60_000);
    for (const id of ids) expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Thử nghiệm sau sự cố' })).status).toBe(200);
    for (const id of ids) {
      const n = await waitForStatus(clerk, id, 'REJECTED');
      expect(n.steps.map((s: any) => s.seq)).toEqual(n.steps.map((_: unknown, i: number) => i + 1));
    }
    const verify = await eventually(async () => {
      const r = await auditor.get('/audit/verify');
      return r.status === 200 ? r.body : undefined;
    });
    expect(verify).toMatchObject({ ok: true });
    for (const id of ids) expect((await auditor.post(`/audit/nominations/${id}/replay`)).body).toMatchObject({ deterministic: true, readModelAgrees: true, auditLogAgrees: true });
  });

  it('an action whose effect is being written when PostgreSQL dies takes effect once, after recovery', async () => {
    const created = await clerk.post('/nominations', dossier('GK_DONVI'));
    const id = created.body.id as string;
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT', 60_000);
    // The kill point, reached on purpose: the projection of the accepted action waits on a held row.
    const held = await holdNominationRow(db.url, id);
    const body = { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' };
    const key = `outage-review-${id}`;
    const first = reviewer.post(`/nominations/${id}/review`, body, { 'idempotency-key': key });
    await held.waitedOn();
    await db.stop();
    // Accepted by the workflow, its event not yet recorded: the caller hears "unavailable, retry".
    expect((await first).status).toBe(503);
    await db.start();
    // The client retries the same request; the activity, retried meanwhile, has written it once.
    const retried = await eventually(async () => {
      const r = await reviewer.post(`/nominations/${id}/review`, body, { 'idempotency-key': key });
      return r.status === 200 ? r : r.status === 503 ? undefined : Promise.reject(new Error(`retry answered ${r.status} ${JSON.stringify(r.body)}`));
    }, 60_000);
    expect(retried.body.nominationId).toBe(id);
    const n = (await reviewer.get(`/nominations/${id}`)).body;
    expect(n.steps.filter((s: { type: string }) => s.type === 'ReviewApproved')).toHaveLength(1);
    expect(n.steps.map((s: { seq: number }) => s.seq)).toEqual(n.steps.map((_: unknown, i: number) => i + 1));
    await held.release();
  });
});
