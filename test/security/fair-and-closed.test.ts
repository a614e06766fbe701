import { demoPersonalId, DEMO_USERS } from '@vinhdanh/persistence';
import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { deflateRawSync } from 'node:zlib';
import { deflatedRun, lyingZip } from '../support/lying-zip';
import { uploadList } from '../support/lists';
import { approveLevel, dossier, person, submit, uploadDocument, waitForStatus, waitForStep } from '../support/nominations';

/**
 * An insider with bad intent, and a careless user, through the real API, worker, Temporal and
 * PostgreSQL: conflicts of interest, documents, sign-in limits, scope, idempotency, hostile input,
 * names and headers (docs/security.md, docs/conflicts.md).
 */
describe('fair and closed', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Behind a proxy on loopback, X-Forwarded-For names the client: the tests play several addresses.
    stack = await startStack({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => stack?.close());

  /** A demo account as a nominee: its own name and personal identification number. */
  const asNominee = (username: string) => ({ kind: 'INDIVIDUAL', name: DEMO_USERS.find((u) => u.username === username)!.fullName, ...demoPersonalId(username) });

  describe('conflicts of interest', () => {
    it('a unit head cannot decide their own nomination; the refusal is a recusal in the audit timeline', async () => {
      const [clerk, reviewer, head, auditor] = await Promise.all(['vanthu.xa-dak-ha', 'thamdinh.xa-dak-ha', 'thutruong.xa-dak-ha', 'thanhtra'].map((u) => stack.login(u)));
      const id = await submit(clerk, 'GK_DONVI', { nominee: asNominee('thutruong.xa-dak-ha') });
      await approveLevel(stack, reviewer, id, 'UNIT');
      await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT');
      const res = await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'CONFLICT_OF_INTEREST' });
      expect(res.body.messageVi).toMatch(/là người được đề nghị/);
      expect(res.body.messageEn).toMatch(/you is the nominee|you are the nominee|is the nominee/);
      expect((await head.get(`/nominations/${id}`)).body.status).toBe('AWAITING_DECISION');
      const timeline = (await auditor.get(`/audit/nominations/${id}/timeline`)).body;
      expect(timeline.recusals).toEqual([expect.objectContaining({ type: 'RecusalEnforced', actor: { userId: 'thutruong.xa-dak-ha', role: 'DECISION_MAKER' } })]);
    });

    it('a reviewer cannot approve a nomination that names them', async () => {
      const [clerk, reviewer] = await Promise.all(['vanthu.cty-cao-su', 'thamdinh.cty-cao-su'].map((u) => stack.login(u)));
      const id = await submit(clerk, 'GK_DONVI', { nominee: asNominee('thamdinh.cty-cao-su') });
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      const res = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Tự duyệt' });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'CONFLICT_OF_INTEREST' });
    });

    it('a registered relative is refused, and withdrawing the entry lifts it', async () => {
      const [clerk, reviewer] = await Promise.all(['vanthu.so-yte', 'thamdinh.so-yte'].map((u) => stack.login(u)));
      const sister = person('Trần Thị Em Gái', 1990);
      const entry = await reviewer.post('/conflicts', { kind: 'RELATIVE', relation: 'SIBLING', relativePersonalId: sister.personalId, reason: 'Em gái ruột' });
      expect(entry.status).toBe(201);
      expect(JSON.stringify(entry.body)).not.toContain(sister.personalId);
      const id = await submit(clerk, 'GK_DONVI', { nominee: sister });
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      const refused = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'x' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'CONFLICT_OF_INTEREST' });
      expect(refused.body.messageEn).toMatch(/registered relative/);
      // The register lists the entry to its owner, and the unit's audit stream holds both steps.
      expect((await reviewer.get('/conflicts')).body.items.map((e: { id: string }) => e.id)).toContain(entry.body.id);
      const withdrawn = await reviewer.post(`/conflicts/${entry.body.id}/withdraw`);
      expect({ status: withdrawn.status, id: withdrawn.body.id, withdrawn: typeof withdrawn.body.withdrawnAt }).toEqual({ status: 200, id: entry.body.id, withdrawn: 'string' });
      const audited = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = 'conflicts:so-yte' AND payload->>'entryId' = $1 ORDER BY stream_seq`, [entry.body.id]);
      expect(audited.map((r: { event_type: string }) => r.event_type)).toEqual(['ConflictRegistered', 'ConflictWithdrawn']);
      expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
    });

    it('the clerk who submitted a nomination may not decide it, even holding the decision maker role', async () => {
      const [clerk, reviewer] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt'].map((u) => stack.login(u)));
      await stack.ds.query(`UPDATE user_account SET roles = ARRAY['CLERK','DECISION_MAKER'] WHERE id = 'vanthu.so-gddt'`);
      try {
        const id = await submit(clerk, 'GK_DONVI');
        await approveLevel(stack, reviewer, id, 'UNIT');
        await waitForStep(clerk, id, 'AWAITING_DECISION', 'UNIT');
        const res = await clerk.post(`/nominations/${id}/decide`, { action: 'CONFER' });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'CONFLICT_OF_INTEREST' });
        expect(res.body.messageVi).toMatch(/người lập hồ sơ/);
      } finally {
        await stack.ds.query(`UPDATE user_account SET roles = ARRAY['CLERK'] WHERE id = 'vanthu.so-gddt'`);
      }
    });

    it('a clerk cannot bar a council member: no register entry for someone else, no typed account id, no borrowed personal id', async () => {
      const clerk = await stack.login('vanthu.so-gddt');
      const bar = await clerk.post('/conflicts', { kind: 'NOMINATION', nominationId: '00000000-0000-4000-8000-000000000000', reason: 'x', userId: 'uyvien3.hoidong-tinh' });
      expect({ status: bar.status, code: bar.body.code }).toEqual({ status: 403, code: 'OWN_OR_UNIT_HEAD' });
      const typed = await clerk.post('/nominations', dossier('CSTD_TINH', { nominee: { ...person(), userId: 'uyvien3.hoidong-tinh' } }));
      expect(typed.status).toBe(400);
      expect(typed.body.fields.map((f: { field: string }) => f.field)).toContain('nominee.userId');
      const borrowed = await clerk.post('/nominations', dossier('CSTD_TINH', { nominee: { ...person('Người Khác Hẳn'), ...demoPersonalId('uyvien3.hoidong-tinh') } }));
      expect({ status: borrowed.status, code: borrowed.body.code, field: borrowed.body.field }).toEqual({ status: 400, code: 'PERSONAL_ID_MISMATCH', field: 'nominee.personalId' });
      const missing = await clerk.post('/nominations', dossier('CSTD_TINH', { nominee: { kind: 'INDIVIDUAL', name: 'Không Có Số' } }));
      expect(missing.body).toMatchObject({ code: 'PERSONAL_ID_REQUIRED', field: 'nominee.personalId' });
    });

    it('a council member with a registered relative is recused at opening, and refused a ballot', async () => {
      const [clerk, unitReviewer, provinceReviewer, secretary, member] = await Promise.all(['vanthu.so-yte', 'thamdinh.so-yte', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'uyvien4.hoidong-tinh'].map((u) => stack.login(u)));
      const spouse = person('Lý Thị Phu Nhân', 1975);
      expect((await member.post('/conflicts', { kind: 'RELATIVE', relation: 'SPOUSE', relativePersonalId: spouse.personalId, reason: 'Vợ' })).status).toBe(201);
      const id = await submit(clerk, 'CSTD_TINH', { nominee: spouse });
      await approveLevel(stack, unitReviewer, id, 'UNIT');
      await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
      expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
      await waitForStatus(clerk, id, 'AWAITING_COUNCIL');
      const opened = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [id], deadline: new Date(Date.now() + 120_000).toISOString() });
      expect(opened.status).toBe(201);
      const ballot = (await member.get(`/councils/sessions/${opened.body.sessionId}/ballot`)).body;
      expect(ballot.items[0].recused).toBe(true);
      const forced = await member.post(`/councils/sessions/${opened.body.sessionId}/ballots/issue`, { requests: [{ nominationId: id, blindedMessage: Buffer.alloc(256, 1).toString('base64url') }] });
      expect({ status: forced.status, code: forced.body.code }).toEqual({ status: 403, code: 'RECUSED' });
      const auditor = await stack.login('thanhtra');
      const timeline = (await auditor.get(`/audit/nominations/${id}/timeline`)).body;
      expect(timeline.recusals.map((r: { actor: { userId: string } }) => r.actor.userId)).toContain('uyvien4.hoidong-tinh');
      // The tally record will name the recusal and its reason.
      const view = (await secretary.get(`/councils/sessions/${opened.body.sessionId}`)).body;
      expect(view.conflicts).toEqual([{ userId: 'uyvien4.hoidong-tinh', nominationId: id, reason: 'Có quan hệ gia đình với người được đề nghị (đã đăng ký)' }]);
    });
  });

  describe('a personal number typed wrong', () => {
    const nameOf = (username: string) => DEMO_USERS.find((u) => u.username === username)!.fullName;

    it('does not let a head confer an award on himself: he states first that the nominee with his name is not him', async () => {
      const [clerk, reviewer, head, auditor] = await Promise.all(['vanthu.xa-quang-khe', 'thamdinh.xa-quang-khe', 'thutruong.xa-quang-khe', 'thanhtra'].map((u) => stack.login(u)));
      // The head's own name with a number that is not his: no account is linked, no conflict found by number.
      const id = await submit(clerk, 'GK_DONVI', { nominee: person(nameOf('thutruong.xa-quang-khe'), 1975) });
      await approveLevel(stack, reviewer, id, 'UNIT');
      await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT');
      const refused = await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'NAMESAKE_DECLARATION_REQUIRED' });
      expect(refused.body.messageVi).toContain('trùng họ tên với bạn');
      expect((await head.get(`/nominations/${id}`)).body.namesakeOfReader).toEqual({ declared: false });
      // Nobody else is asked, and nobody else may state it for him.
      expect((await reviewer.get(`/nominations/${id}`)).body.namesakeOfReader).toBeNull();
      expect((await reviewer.post(`/nominations/${id}/not-the-nominee`)).body.code).toBe('NOT_A_NAMESAKE');
      // His statement is kept, on the audit chain, and then he decides.
      expect((await head.post(`/nominations/${id}/not-the-nominee`)).body).toEqual({ nominationId: id, declared: true });
      expect((await head.get(`/nominations/${id}`)).body.namesakeOfReader).toEqual({ declared: true });
      expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
      const trail = await stack.ds.query(`SELECT event_type, actor_id FROM audit_log WHERE stream = $1`, [`recusal:nomination:${id}`]);
      expect(trail).toEqual([{ event_type: 'NamesakeDeclared', actor_id: 'thutruong.xa-quang-khe' }]);
      expect((await auditor.get('/audit/verify')).body.ok).toBe(true);
    });

    it('does not let a council member vote on herself unasked: the ballot waits for her statement', async () => {
      const [clerk, unitReviewer, provinceReviewer, secretary, member] = await Promise.all(['vanthu.so-yte', 'thamdinh.so-yte', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'uyvien5.hoidong-tinh'].map((u) => stack.login(u)));
      const id = await submit(clerk, 'CSTD_TINH', { nominee: person(nameOf('uyvien5.hoidong-tinh'), 1970) });
      await approveLevel(stack, unitReviewer, id, 'UNIT');
      await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
      expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
      await waitForStatus(clerk, id, 'AWAITING_COUNCIL');
      const opened = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [id], deadline: new Date(Date.now() + 120_000).toISOString() });
      const sessionId = opened.body.sessionId;
      expect((await member.get(`/councils/sessions/${sessionId}/ballot`)).body.items[0]).toMatchObject({ namesake: true, recused: false });
      const take = () => member.post(`/councils/sessions/${sessionId}/ballots/issue`, { requests: [{ nominationId: id, blindedMessage: Buffer.alloc(256, 1).toString('base64url') }] });
      expect((await take()).body.code).toBe('NAMESAKE_DECLARATION_REQUIRED');
      expect((await member.post(`/nominations/${id}/not-the-nominee`)).status).toBe(200);
      expect((await member.get(`/councils/sessions/${sessionId}/ballot`)).body.items[0].namesake).toBe(false);
      expect((await take()).status).toBe(200);
    });
  });

  describe('documents', () => {
    it('a dossier cannot cite another unit’s file by its hash, and a file is read through a dossier one may read', async () => {
      const [victim, thief] = await Promise.all(['vanthu.so-gddt', 'vanthu.so-yte'].map((u) => stack.login(u)));
      const secret = await uploadDocument(victim, stack.baseUrl, 'bao-cao-mat.pdf', `%PDF-1.4 mật ${Date.now()}`);
      const res = await thief.post('/nominations', dossier('GK_DONVI', { documents: [secret] }));
      expect(res.body).toMatchObject({ code: 'DOCUMENT_NOT_AVAILABLE', field: 'documents.0.sha256' });
      expect((await thief.get(`/documents/${secret.sha256}`)).status).toBe(404);
      const id = await submit(victim, 'GK_DONVI', { documents: [secret] });
      expect((await thief.get(`/nominations/${id}/documents/${secret.sha256}`)).status).toBe(404);
      expect((await victim.get(`/nominations/${id}/documents/${secret.sha256}`)).status).toBe(200);
    });
  });

  describe('sign-in limits', () => {
    const login = (username: string, password: string, address: string, deviceToken?: string) =>
      fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ username, password, deviceToken }) });

    it('a stranger guessing from elsewhere does not lock the owner out; the stranger waits, told how long, longer each time', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login('thamdinh.xa-quang-khe', 'sai', '203.0.113.7')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const blocked = await login('thamdinh.xa-quang-khe', 'vinhdanh', '203.0.113.7');
      expect(blocked.status).toBe(429);
      const first = Number(blocked.headers.get('retry-after'));
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThanOrEqual(30);
      // The owner, from their own office: signed in at once.
      expect((await login('thamdinh.xa-quang-khe', 'vinhdanh', '198.51.100.20')).status).toBe(200);
      // After the block, more guesses: the next block is longer.
      await stack.ds.query(`DELETE FROM login_limit WHERE key = 'pair:thamdinh.xa-quang-khe|203.0.113.7'`);
      for (let i = 0; i < 5; i++) await login('thamdinh.xa-quang-khe', 'sai', '203.0.113.7');
      const second = Number((await login('thamdinh.xa-quang-khe', 'sai', '203.0.113.7')).headers.get('retry-after'));
      expect(second).toBeGreaterThan(first);
    });

    it('guessing one account from 60 addresses is slowed per account; the owner’s browser, with its device token, is not', async () => {
      const owner = 'thutruong.xa-quang-khe';
      // The owner signed in at the office before: the browser keeps the account's device token.
      const before = await login(owner, 'vinhdanh', '198.51.100.30');
      const { deviceToken } = (await before.json()) as { deviceToken: string };
      const others = (await (await login('vanthu.xa-quang-khe', 'vinhdanh', '198.51.100.30')).json()) as { deviceToken: string; accessToken: string };
      // 300 guesses from 60 addresses, five each (under every per-address limit).
      const statuses: number[] = [];
      for (let a = 0; a < 60; a++) for (let i = 0; i < 5; i++) statuses.push((await login(owner, `doan-${a}-${i}`, `203.0.113.${100 + a}`)).status);
      // Only the account's allowance reached the password check (LOGIN_MAX_FAILURES_PER_ACCOUNT, 20 an hour).
      expect(statuses.filter((s) => s === 401).length).toBe(20);
      expect(statuses.filter((s) => s === 429).length).toBe(280);
      // The owner's browser signs in at once, from anywhere.
      expect((await login(owner, 'vinhdanh', '198.51.100.31', deviceToken)).status).toBe(200);
      // Another account's device token, an access token or a forged one exempts no one: such a browser waits, told how long.
      for (const token of [others.deviceToken, others.accessToken, `${deviceToken.slice(0, -4)}AAAA`, undefined]) {
        const slowed = await login(owner, 'vinhdanh', '198.51.100.32', token);
        expect(slowed.status).toBe(429);
        expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(30);
      }
    });

    it('five colleagues mistyping behind one office address lock out nobody else there', async () => {
      const office = '192.0.2.99';
      for (const u of ['vanthu.so-yte', 'thamdinh.so-yte', 'thutruong.so-yte', 'vanthu.xa-dak-ha', 'thamdinh.xa-dak-ha']) {
        for (let i = 0; i < 5; i++) expect((await login(u, 'go-nham', office)).status).toBe(401);
      }
      expect((await login('thutruong.xa-dak-ha', 'vinhdanh', office)).status).toBe(200);
    });
  });

  describe('scope', () => {
    it('council data goes to its members and auditors in scope; others get 404', async () => {
      const [outsider, member, provinceAuditor] = await Promise.all(['vanthu.so-gddt', 'uyvien1.hoidong-tinh', 'thanhtra.tinh'].map((u) => stack.login(u)));
      expect((await outsider.get('/councils/hd-ubnd-tinh/waiting')).status).toBe(404);
      expect((await member.get('/councils/hd-ubnd-tinh/waiting')).status).toBe(200);
      expect((await provinceAuditor.get('/councils/hd-ubnd-tinh/waiting')).status).toBe(200);
      expect((await provinceAuditor.get('/councils/hd-trung-uong/waiting')).status).toBe(404);
    });

    it('a level sees a dossier when it reaches it', async () => {
      const [clerk, reviewer, province] = await Promise.all(['vanthu.xa-quang-khe', 'thamdinh.xa-quang-khe', 'thamdinh.so-noi-vu'].map((u) => stack.login(u)));
      const id = await submit(clerk, 'BK_TINH');
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      expect((await province.get(`/nominations/${id}`)).status).toBe(404);
      expect((await province.get('/nominations?pageSize=200')).body.items.some((n: { id: string }) => n.id === id)).toBe(false);
      await approveLevel(stack, reviewer, id, 'UNIT');
      await waitForStep(province, id, 'IN_REVIEW', 'PROVINCE');
      expect((await province.get(`/nominations/${id}`)).status).toBe(200);
    });

    it('the provincial auditor’s scope applies to nominee records, council timelines and chain verification', async () => {
      const [clerk, provinceAuditor] = await Promise.all(['vanthu.so-gddt', 'thanhtra.tinh'].map((u) => stack.login(u)));
      const reg = await clerk.post('/nominees', person());
      expect((await provinceAuditor.get(`/nominees/${reg.body.id}/record`)).status).toBe(200);
      // A nominee kept by a central unit is outside the province.
      await stack.ds.query(`UPDATE nominee SET unit_id = 'ban-tdkt-tw' WHERE id = $1`, [reg.body.id]);
      expect((await provinceAuditor.get(`/nominees/${reg.body.id}/record`)).status).toBe(404);
      expect((await provinceAuditor.get('/audit/councils/sessions/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
      const verify = await provinceAuditor.get('/audit/verify');
      expect(verify.status).toBe(200);
      expect(verify.body.ok).toBe(true);
    });

    it('out of scope answers exactly like missing, and no message names a unit', async () => {
      const [clerk, outsider] = await Promise.all(['vanthu.so-gddt', 'vanthu.cty-cao-su'].map((u) => stack.login(u)));
      const id = await submit(clerk, 'GK_DONVI');
      for (const path of [`/nominations/${id}`, `/audit/nominations/${id}/timeline`]) {
        const real = await outsider.get(path);
        const none = await outsider.get(path.replace(id, '00000000-0000-4000-8000-000000000000'));
        expect(real.status).toBe(none.status);
        expect(real.body).toEqual(none.body);
      }
      const withdraw = await outsider.post(`/nominations/${id}/withdraw`, { reason: 'thử' });
      expect(withdraw.status).toBe(404);
      expect(JSON.stringify(withdraw.body)).not.toMatch(/so-gddt/);
    });

    it('another unit submitting the same person, award and year learns neither the nomination nor its state', async () => {
      const [clerk, outsider] = await Promise.all(['vanthu.so-gddt', 'vanthu.cty-cao-su'].map((u) => stack.login(u)));
      const nominee = person('Trần Văn Trùng Lặp');
      const id = await submit(clerk, 'GK_DONVI', { nominee });
      const again = await outsider.post('/nominations', dossier('GK_DONVI', { nominee }));
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'DUPLICATE_NOMINATION' });
      expect(JSON.stringify(again.body)).not.toMatch(new RegExp(`${id}|so-gddt|IN_REVIEW`));
      // The submitting unit itself still gets its own nomination back (a retried submission).
      const retry = await clerk.post('/nominations', dossier('GK_DONVI', { nominee }));
      expect({ status: retry.status, id: retry.body.id, duplicate: retry.body.duplicate }).toEqual({ status: 200, id, duplicate: true });
    });
  });

  describe('Idempotency-Key', () => {
    it('is bound to caller, route and body: another body is a 422, another caller a different key, a long key a 400', async () => {
      const [clerk, reviewer, otherReviewer] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thamdinh.so-yte'].map((u) => stack.login(u)));
      const id = await submit(clerk, 'GK_DONVI');
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      const key = `key-${id}`;
      expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', items: ['Biên bản'] }, { 'idempotency-key': key })).status).toBe(200);
      const reused = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'x' }, { 'idempotency-key': key });
      expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      // Someone of another unit with the same key learns nothing: for them it is an unknown nomination.
      const spy = await otherReviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', items: ['Biên bản'] }, { 'idempotency-key': key });
      expect(spy.status).toBe(404);
      const long = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE' }, { 'idempotency-key': 'k'.repeat(2000) });
      expect({ status: long.status, code: long.body.code }).toEqual({ status: 400, code: 'BAD_IDEMPOTENCY_KEY' });
    });
  });

  describe('hostile input', () => {
    it('every malformed input is a 400 naming the field', async () => {
      const [clerk, auditor] = await Promise.all(['vanthu.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
      const page = await clerk.get('/nominations?page=99999999999999999999');
      expect(page.status).toBe(400);
      expect(page.body.fields[0].field).toBe('page');
      for (const [query, field] of [['from=2025-01-01&to=2025-02-31', 'to'], ['from=0000-01-01&to=2025-01-01', 'from']]) {
        const res = await auditor.get(`/audit/export?${query}`);
        expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({ status: 400, code: 'BAD_DATE', field });
      }
      const deep = await clerk.request('POST', '/nominations', `${'['.repeat(3000)}${']'.repeat(3000)}`);
      expect({ status: deep.status, code: deep.body.code }).toEqual({ status: 400, code: 'JSON_TOO_DEEP' });
      const huge = await fetch(`${stack.baseUrl}/inbox`, { headers: { authorization: `Bearer ${clerk.token}`, 'x-junk': 'x'.repeat(40_000) } });
      expect(huge.status).toBe(431);
    });

    it('names: invisible characters make no second person, look-alike letters and invisible-only names are refused', async () => {
      const clerk = await stack.login('vanthu.xa-dak-ha');
      const body = dossier('GK_DONVI', { nominee: person('Nguyễn Thị Hoa Vô Hình') });
      expect((await clerk.post('/nominations', body)).status).toBe(201);
      const zwsp = await clerk.post('/nominations', { ...body, nominee: { ...body.nominee, name: 'Nguyễn\u200B Thị Hoa Vô Hình' } });
      expect({ status: zwsp.status, duplicate: zwsp.body.duplicate }).toEqual({ status: 200, duplicate: true });
      const cyrillic = await clerk.post('/nominations', dossier('GK_DONVI', { nominee: person('Nguyễn Thị Ho\u0430') }));
      expect(cyrillic.body).toMatchObject({ code: 'NAME_CONFUSABLE', field: 'nominee.name' });
      const invisible = await clerk.post('/nominations', dossier('GK_DONVI', { nominee: person('\u200B\u200C\u2060') }));
      expect(invisible.body).toMatchObject({ code: 'NAME_REQUIRED', field: 'nominee.name' });
    });
  });

  describe('a list that lies about its sizes', () => {
    it('is refused as too large, counted as it inflates, not as it declares', async () => {
      // 1,000 bytes declared for 512 MiB inside, in a 0.5 MB upload: the reader stops at its 64 MiB budget.
      const clerk = await stack.login('vanthu.so-gddt');
      const file = lyingZip([
        { name: 'xl/workbook.xml', deflated: deflateRawSync('<workbook/>'), declaredSize: 11 },
        { name: 'xl/worksheets/sheet1.xml', deflated: await deflatedRun(512), declaredSize: 1000 },
      ]);
      expect(file.length).toBeLessThan(1024 * 1024);
      const res = await uploadList(clerk, stack.baseUrl, file, { awardCode: 'GK_DONVI', year: '2025', achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025.' });
      expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({ status: 400, code: 'IMPORT_TOO_LARGE', field: 'file' });
      expect(res.body.messageVi).toContain('quá lớn');
    });
  });

  describe('headers', () => {
    it('no framework banner, no sniffing, no framing, and private answers are never cached', async () => {
      const clerk = await stack.login('vanthu.so-gddt');
      const id = await submit(clerk, 'GK_DONVI');
      const responses = await Promise.all([
        fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'vanthu.so-gddt', password: 'vinhdanh' }) }),
        fetch(`${stack.baseUrl}/nominations/${id}`, { headers: { authorization: `Bearer ${clerk.token}` } }),
        fetch(`${stack.baseUrl}/docs`),
      ]);
      for (const res of responses) {
        expect(res.headers.get('x-powered-by')).toBeNull();
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
      }
      expect(responses[0].headers.get('cache-control')).toBe('no-store');
      expect(responses[1].headers.get('cache-control')).toBe('no-store');
      const health = (await (await fetch(`${stack.baseUrl}/health`)).text());
      expect(health).not.toMatch(/version|Version|\d+\.\d+\.\d+/);
    });
  });

  it('recusals are on the tamper-evident chain, which still verifies', async () => {
    const auditor = await stack.login('thanhtra');
    const report = await eventually(async () => {
      const r = (await auditor.get('/audit/verify')).body;
      return r.ok ? r : undefined;
    });
    expect(report.ok).toBe(true);
    const [{ n }] = await stack.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'RecusalEnforced'`);
    expect(n).toBeGreaterThanOrEqual(3);
  });
});
