import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, submit, waitForStatus, waitForStep } from '../support/nominations';

/**
 * What an insider outside a scope can learn of a council session and of the audit chain, whose an
 * Idempotency-Key is, and whether invisible characters make a second collective. This file has
 * its own database (test/setup/database-per-file.ts): its last test tampers with the audit chain.
 */
describe('scope, keys and names', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, province: Session, secretary: Session, member: Session, provinceAuditor: Session, healthAuditor: Session, outsider: Session;
  let sessionId: string;

  beforeAll(async () => {
    stack = await startStack();
    // An auditor whose scope is one department: the provincial council is outside it.
    await stack.ds.query(
      `INSERT INTO user_account (id, username, password_hash, full_name, email, unit_id, roles, scope_unit_id)
       SELECT 'thanhtra.so-yte', 'thanhtra.so-yte', password_hash, 'Thanh tra Sở Y tế', 'thanhtra.so-yte@vinhdanh.local', 'so-yte', ARRAY['AUDITOR'], 'so-yte'
         FROM user_account WHERE id = 'thanhtra'`,
    );
    [clerk, reviewer, province, secretary, member, provinceAuditor, healthAuditor, outsider] = await Promise.all(
      ['vanthu.so-gddt', 'thamdinh.so-gddt', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'uyvien1.hoidong-tinh', 'thanhtra.tinh', 'thanhtra.so-yte', 'vanthu.so-yte'].map((u) => stack.login(u)),
    );
    // A provincial session, open, with a conflict declared: what is worth hiding before the close.
    const id = await submit(clerk, 'CSTD_TINH');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(province, id, 'IN_REVIEW', 'PROVINCE');
    expect((await province.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
    await waitForStatus(province, id, 'AWAITING_COUNCIL');
    const opened = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [id], deadline: new Date(Date.now() + 600_000).toISOString() });
    expect(opened.status).toBe(201);
    sessionId = opened.body.sessionId;
    expect((await member.post(`/councils/sessions/${sessionId}/conflicts`, { nominationId: id, reason: 'Người thân của đương sự' })).status).toBe(200);
  });
  afterAll(() => stack?.close());

  it('an open session’s turnout and declared conflicts go to its council and auditors in scope; anyone else gets the 404 of a missing session', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const insider of [secretary, member, provinceAuditor]) {
      const view = await insider.get(`/councils/sessions/${sessionId}`);
      expect(view.status).toBe(200);
      expect(view.body.conflicts).toEqual([expect.objectContaining({ userId: 'uyvien1.hoidong-tinh' })]);
    }
    for (const stranger of [outsider, healthAuditor]) {
      for (const path of [`/councils/sessions/${sessionId}`, `/councils/sessions/${sessionId}/tally`, `/councils/sessions/${sessionId}/ballot`]) {
        const real = await stranger.get(path);
        const none = await stranger.get(path.replace(sessionId, missing));
        expect({ path, status: real.status, body: real.body }).toEqual({ path, status: none.status, body: none.body });
        expect(real.status).toBe(404);
      }
    }
    // The session's audit timeline: the provincial auditor reads it, the department's auditor cannot tell it exists.
    expect((await provinceAuditor.get(`/audit/councils/sessions/${sessionId}/timeline`)).status).toBe(200);
    const hidden = await healthAuditor.get(`/audit/councils/sessions/${sessionId}/timeline`);
    expect(hidden.body).toEqual((await healthAuditor.get(`/audit/councils/sessions/${missing}/timeline`)).body);
  });

  it('an Idempotency-Key belongs to its caller and its route: another caller’s identical request is theirs to be judged, another route refuses the key', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const body = { action: 'REQUEST_SUPPLEMENTS', items: ['Biên bản họp xét'], deadlineDays: 5 };
    const key = { 'idempotency-key': `khoa-${Date.now()}` };
    expect((await reviewer.post(`/nominations/${id}/review`, body, key)).status).toBe(200);
    // The clerk, in scope, sends the very same request with the very same key: not the reviewer's
    // 200 replayed, but the clerk's own request, judged afresh (the dossier has moved on).
    const borrowed = await clerk.post(`/nominations/${id}/review`, body, key);
    expect({ status: borrowed.status, code: borrowed.body.code }).toEqual({ status: 409, code: 'WRONG_STATE' });
    // While the reviewer's own retry is the reviewer's answer again.
    expect((await reviewer.post(`/nominations/${id}/review`, body, key)).status).toBe(200);
    // The reviewer's key on another route (another nomination) is refused, not silently reused.
    const other = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, other, 'IN_REVIEW', 'UNIT');
    const moved = await reviewer.post(`/nominations/${other}/review`, body, key);
    expect({ status: moved.status, code: moved.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await reviewer.get(`/nominations/${other}`)).body.status).toBe('IN_REVIEW');
  });

  it('invisible characters in a collective’s name make no second collective', async () => {
    const plain = await clerk.post('/nominees', { kind: 'COLLECTIVE', name: 'Tổ Ngữ văn, Trường THPT Chu Văn An' });
    const hidden = await clerk.post('/nominees', { kind: 'COLLECTIVE', name: 'Tổ Ngữ\u200B văn,\u00A0Trường THPT\u2060 Chu Văn An' });
    expect(plain.status).toBe(201);
    expect(hidden.body.id).toBe(plain.body.id);
    const other = await clerk.post('/nominees', { kind: 'COLLECTIVE', name: 'Tổ Toán, Trường THPT Chu Văn An' });
    expect(other.body.id).not.toBe(plain.body.id);
  });

  it('a break in the chain outside an auditor’s scope is reported as a break, never where (last: it tampers)', async () => {
    const [row] = await stack.ds.query(`SELECT global_seq FROM audit_log WHERE stream = $1 ORDER BY stream_seq LIMIT 1`, [`council:${sessionId}`]);
    // Only a superuser who disables the triggers can do this: the attack the chain is for.
    await stack.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await stack.ds.query(`UPDATE audit_log SET payload = payload || '{"forged":true}'::jsonb WHERE global_seq = $1`, [row.global_seq]);
    await stack.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const inScope = (await provinceAuditor.get('/audit/verify')).body;
    expect(inScope).toMatchObject({ ok: false, firstBroken: { stream: `council:${sessionId}` } });
    const outOfScope = (await healthAuditor.get('/audit/verify')).body;
    expect(outOfScope.ok).toBe(false);
    expect(outOfScope.firstBroken).toEqual({ globalSeq: inScope.firstBroken.globalSeq, problem: inScope.firstBroken.problem, stream: '(ngoài phạm vi / outside your scope)' });
  });
});

describe('sign-in: the per-address ceiling', () => {
  let stack: Stack;
  beforeAll(async () => {
    // The ceiling is 100 an hour by default; a low one shows the same rule in a few requests.
    stack = await startStack({ LOGIN_MAX_FAILURES_PER_ADDRESS: '4', TRUST_PROXY: 'loopback' });
  });
  afterAll(() => stack?.close());

  it('one address guessing across many usernames is stopped, told how long; other addresses are not', async () => {
    const login = (username: string, address: string) =>
      fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ username, password: 'doan-mo' }) });
    const sprayer = '203.0.113.66';
    const statuses = [];
    for (const u of ['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'vanthu.so-yte', 'thamdinh.so-yte']) statuses.push((await login(u, sprayer)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await login('vanthu.xa-dak-ha', sprayer);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { code: string }).code).toBe('TOO_MANY_ATTEMPTS');
    // A colleague elsewhere signs in as usual.
    const ok = await fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' }, body: JSON.stringify({ username: 'vanthu.xa-dak-ha', password: 'vinhdanh' }) });
    expect(ok.status).toBe(200);
  });
});
