import fs from 'node:fs';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { notifyUpdateProjected, UPDATE_PROJECTED_CHANNEL, UpdateProjectionListener } from '@vinhdanh/persistence/projection/update-projected';
import { updateNoticeKeys } from '@vinhdanh/platform/codec/notice-keys';
import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { person, submit, waitForStep } from '../support/nominations';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/**
 * Claims of the README and docs that no other test proves, each attacked or exercised through the
 * real stack. This file's database is its own copy (test/setup/database-per-file.ts), so the
 * tampering at the end touches nobody else's data.
 */
describe('claims the README makes', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, auditor: Session;

  beforeAll(async () => {
    stack = await startStack();
    clerk = await stack.login('vanthu.so-gddt');
    reviewer = await stack.login('thamdinh.so-gddt');
    auditor = await stack.login('thanhtra.tinh');
  });
  afterAll(() => stack?.close());

  it('the README’s API example works as printed: sign in, submit a dossier, read it back', async () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const block = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes('/auth/login') && b.includes('/nominations'));
    expect(block).toBeDefined();
    const { port } = new URL(stack.baseUrl);
    // Asynchronously: the API answering the example runs in this very process.
    const { stdout: output } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block!.replace(/localhost:3000/g, `127.0.0.1:${port}`)], { encoding: 'utf8', timeout: 60_000 });
    // Each command prints one JSON answer: the submitted dossier, then whatever the example reads back.
    const answers = output.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const submitted = answers[0];
    expect(submitted).toMatchObject({ id: expect.any(String), workflowId: `nomination-${submitted.id}` });
    expect(answers.at(-1)).toMatchObject({ id: submitted.id, awardCode: 'GK_DONVI', status: expect.any(String) });
  });

  it('an accepted action is readable at once: the answer of an Update is already in the read model (read-your-writes)', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const approved = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu thành tích.' });
    expect(approved.status).toBe(200);
    // No polling: the very next read shows the action and everything the Update answered. It may
    // show more: the steps that follow at once (the next task) run in the same workflow task.
    const read = (await reviewer.get(`/nominations/${id}`)).body;
    expect(read.lastSeq).toBeGreaterThanOrEqual(approved.body.lastSeq);
    expect(read.steps.find((s: { seq: number }) => s.seq === approved.body.lastSeq)).toMatchObject({ type: 'ReviewApproved', level: 'UNIT' });
  });

  it('the notification an Update is answered on is signed by the worker with the key the API derives: none is ignored as forged', async () => {
    const heard: string[] = [];
    const forged: string[] = [];
    const raw = new Client({ connectionString: stack.config.databaseUrl });
    await raw.connect();
    raw.on('notification', (m) => m.channel === UPDATE_PROJECTED_CHANNEL && heard.push(m.payload ?? ''));
    await raw.query(`LISTEN ${UPDATE_PROJECTED_CHANNEL}`);
    const listener = new UpdateProjectionListener(stack.config.databaseUrl, updateNoticeKeys(stack.config.codecKeys), undefined, (id) => forged.push(id));
    await listener.start();
    try {
      const id = await submit(clerk, 'GK_DONVI');
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu thành tích.' })).status).toBe(200);
      // A marker signed with the same key, sent after: once the listener hears it, it has read every notification before it.
      const marker = listener.waitFor('claims-marker', 30_000);
      await stack.ds.transaction((tx) => notifyUpdateProjected(tx, 'claims-marker', {}, updateNoticeKeys(stack.config.codecKeys)[0]));
      await expect(marker.projected).resolves.toEqual({});
      // The raw connection too: each connection receives notifications in commit order.
      await eventually(async () => heard.some((p) => JSON.parse(p).u === 'claims-marker'));
      expect(heard.length).toBeGreaterThanOrEqual(2);
      expect(heard.every((p) => typeof JSON.parse(p).m === 'string')).toBe(true);
      expect(forged).toEqual([]);
    } finally {
      await listener.stop();
      await raw.end();
    }
  });

  it('an Idempotency-Key is honoured after the workflow has finished: the retry gets the same success, one effect', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const key = `withdraw-${id}`;
    const first = await clerk.post(`/nominations/${id}/withdraw`, { reason: 'Cá nhân xin rút' }, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('WITHDRAWN');
    // The workflow is closed now; Temporal no longer deduplicates, the API's key binding does.
    const retry = await clerk.post(`/nominations/${id}/withdraw`, { reason: 'Cá nhân xin rút' }, { 'idempotency-key': key });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ nominationId: id, status: 'WITHDRAWN', lastSeq: first.body.lastSeq });
    const steps = (await clerk.get(`/nominations/${id}`)).body.steps.filter((s: { type: string }) => s.type === 'NominationWithdrawn');
    expect(steps).toHaveLength(1);
    // Without the key it is a new action, and a closed dossier refuses it.
    const fresh = await clerk.post(`/nominations/${id}/withdraw`, { reason: 'Cá nhân xin rút' });
    expect(fresh.status).toBe(409);
  });

  it('every page of the web app carries the strict Content-Security-Policy', async () => {
    for (const page of ['/app/', '/app/nominations/new', '/app/public']) {
      const res = await fetch(`${stack.baseUrl}${page}`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("script-src 'unsafe-inline'");
    }
  });

  it('ELIGIBILITY_POLICY set in the environment changes what the engine asks: a stricter Giấy khen rating', async () => {
    // A nominee rated HTTNV (completed tasks well) in the proposal year: enough for a Giấy khen by default.
    const nominee = person(`Lê Thị Mai ${Date.now()}`, 1985);
    const { body: n } = await clerk.post('/nominees', nominee);
    expect((await clerk.post(`/nominees/${n.id}/ratings`, { year: 2025, rating: 'HTTNV' })).status).toBe(200);
    const ask = (session: Session) => session.post('/eligibility/evaluate', { awardCode: 'GK_DONVI', nominee, year: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' } });
    const rating = (body: { criteria: { id: string; outcome: string; explanationEn?: string }[] }) => body.criteria.find((c) => c.id.includes('rating'));
    const byDefault = (await ask(clerk)).body;
    expect(rating(byDefault)?.outcome).toBe('MET');
    // The same database, an API configured by a province that asks for HTXSNV (excellent).
    const strict = await startStack({ ELIGIBILITY_POLICY: JSON.stringify({ giayKhenMinRating: 'HTXSNV' }) });
    try {
      const strictClerk = await strict.login('vanthu.so-gddt');
      const judged = (await ask(strictClerk)).body;
      expect(rating(judged)?.outcome).toBe('NOT_MET');
      expect(judged.outcome).not.toBe('ELIGIBLE');
    } finally {
      await strict.close();
    }
  });

  describe('the audit chain (private database: tampering here reaches no other file)', () => {
    const verifyCli = () =>
      run(process.execPath, ['-r', path.join(ROOT, 'test/support/ts-register.js'), path.join(ROOT, 'libs/persistence/src/audit/verify-cli.ts')], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: stack.config.databaseUrl },
      }).then(
        (r) => ({ code: 0, report: JSON.parse(r.stdout) }),
        (e: { code: number; stdout: string }) => ({ code: e.code, report: JSON.parse(e.stdout) }),
      );

    it('refuses TRUNCATE, UPDATE and DELETE, for the application and its owner alike', async () => {
      await expect(stack.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
      await expect(stack.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(stack.ds.query(`UPDATE audit_log SET rule = 'x'`)).rejects.toThrow(/append-only: UPDATE refused/);
    });

    it('`npm run verify` (its CLI) answers ok and exit 0 on an intact chain', async () => {
      const { code, report } = await verifyCli();
      expect(code).toBe(0);
      expect(report).toMatchObject({ ok: true });
      expect(report.rows).toBeGreaterThan(5);
    });

    it('the replay check says so when the read model no longer agrees with the history', async () => {
      const id = await submit(clerk, 'GK_DONVI');
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      const agree = (await auditor.post(`/audit/nominations/${id}/replay`)).body;
      expect(agree).toMatchObject({ deterministic: true, readModelAgrees: true, auditLogAgrees: true });
      // An operator removes a projected event: the history still holds it, the read model does not.
      await stack.ds.query(`DELETE FROM nomination_event WHERE nomination_id = $1 AND seq = (SELECT max(seq) FROM nomination_event WHERE nomination_id = $1)`, [id]);
      const disagree = (await auditor.post(`/audit/nominations/${id}/replay`)).body;
      expect(disagree).toMatchObject({ deterministic: true, readModelAgrees: false, auditLogAgrees: true });
      expect(disagree.recordedEvents).toBe(agree.recordedEvents);
    });

    it('a deleted row is found where it was, by the API and the CLI (exit 1)', async () => {
      const [{ seq }] = await stack.ds.query(`SELECT min(global_seq)::int + 2 AS seq FROM audit_log`);
      // Only a superuser who disables the triggers can do this: the attack the chain is for.
      await stack.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      // TypeORM answers DELETE … RETURNING with [rows, count].
      const [[removed]] = await stack.ds.query(`DELETE FROM audit_log WHERE global_seq = $1 RETURNING *`, [seq]);
      await stack.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
      expect(removed).toBeTruthy();
      const api = (await auditor.get('/audit/verify')).body;
      expect(api).toMatchObject({ ok: false, firstBroken: { globalSeq: seq + 1, problem: 'GLOBAL_GAP', expected: String(seq), found: String(seq + 1) } });
      const { code, report } = await verifyCli();
      expect(code).toBe(1);
      expect(report.firstBroken).toEqual(api.firstBroken);
      // Put back, so the next check starts from an intact chain.
      await stack.ds.query(
        `INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)`,
        [JSON.stringify(removed)],
      );
      expect((await auditor.get('/audit/verify')).body.ok).toBe(true);
    });

    it('an inserted row at the end, however well formed, is found against the head', async () => {
      const [last] = await stack.ds.query(`SELECT * FROM audit_log ORDER BY global_seq DESC LIMIT 1`);
      const forged = { ...last, global_seq: String(Number(last.global_seq) + 1), stream: 'nomination:forged', stream_seq: 1, event_type: 'DecisionIssued', prev_global_hash: last.global_hash };
      await stack.ds.query(`INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)`, [JSON.stringify(forged)]);
      const api = (await auditor.get('/audit/verify')).body;
      expect(api.ok).toBe(false);
      expect(api.firstBroken.globalSeq).toBe(Number(forged.global_seq));
      expect(['GLOBAL_HASH', 'STREAM_LINK', 'STREAM_HASH', 'HEAD_MISMATCH']).toContain(api.firstBroken.problem);
      expect((await verifyCli()).code).toBe(1);
    });
  });
});
