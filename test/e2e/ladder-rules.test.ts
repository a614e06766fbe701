import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, submit, uploadDocument, waitForStatus, waitForStep } from '../support/nominations';

describe('ladder rules: who may act, once, in order', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session, otherClerk: Session, otherReviewer: Session, otherHead: Session, provinceReviewer: Session, chairman: Session;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, head, otherClerk, otherReviewer, otherHead, provinceReviewer, chairman] = await Promise.all(
      ['vanthu.so-yte', 'thamdinh.so-yte', 'thutruong.so-yte', 'vanthu.xa-dak-ha', 'thamdinh.xa-dak-ha', 'thutruong.xa-dak-ha', 'thamdinh.so-noi-vu', 'chutich.ubnd-tinh'].map((u) => stack.login(u)),
    );
  });
  afterAll(() => stack?.close());

  const lastSeq = async (id: string) => (await stack.ds.query(`SELECT last_seq FROM nomination WHERE id=$1`, [id]))[0].last_seq as number;

  it('refuses every call without a valid token', async () => {
    const res = await fetch(`${stack.baseUrl}/nominations`);
    expect(res.status).toBe(401);
    const bad = await fetch(`${stack.baseUrl}/inbox`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { messageVi: string }).messageVi).toMatch(/không hợp lệ/);
  });

  it('refuses wrong actors with a reason, leaving the workflow untouched: outsiders get the 404 of a missing nomination', async () => {
    const id = await submit(clerk, 'BK_TINH');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const before = await lastSeq(id);
    const attempts = [
      [otherReviewer, 'review', { action: 'APPROVE' }, 404, 'NOMINATION_NOT_FOUND'],
      [clerk, 'review', { action: 'APPROVE' }, 403, 'ROLE_REQUIRED'],
      // The province sees the dossier only once the unit forwards it.
      [provinceReviewer, 'review', { action: 'APPROVE' }, 404, 'NOMINATION_NOT_FOUND'],
      [otherClerk, 'withdraw', { reason: 'không phải của tôi' }, 404, 'NOMINATION_NOT_FOUND'],
    ] as const;
    for (const [who, action, body, status, code] of attempts) {
      const res = await who.post(`/nominations/${id}/${action}`, body);
      expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status, code });
      expect(res.body.messageVi).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toMatch(/so-yte|xa-dak-ha/);
    }
    const missing = await otherReviewer.post(`/nominations/00000000-0000-4000-8000-000000000000/review`, { action: 'APPROVE' });
    expect(missing.body).toEqual((await otherReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE' })).body);
    const submitElsewhere = await clerk.post('/nominations', dossier('GK_DONVI', { unitId: 'xa-dak-ha' }));
    expect(submitElsewhere.status).toBe(403);
    expect(await lastSeq(id)).toBe(before);
    const history = await stack.temporal.workflow.getHandle(`nomination-${id}`).fetchHistory();
    expect(history.events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
  });

  it('only the decision maker of the deciding level may sign, within their authority', async () => {
    const id = await submit(clerk, 'BK_TINH');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await approveLevel(stack, provinceReviewer, id, 'PROVINCE');
    await waitForStep(chairman, id, 'AWAITING_DECISION', 'PROVINCE');
    const unitHeadTries = await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(unitHeadTries.status).toBe(403);
    expect(unitHeadTries.body.code).toBe('WRONG_UNIT');
    const ok = await chairman.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(ok.status).toBe(200);
  });

  it('a repeated submission of the same dossier starts one workflow', async () => {
    const body = dossier('GK_DONVI');
    const first = await clerk.post('/nominations', body);
    const second = await clerk.post('/nominations', { ...body, nominee: { ...body.nominee, name: body.nominee.name.normalize('NFD') } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, duplicate: true });
    const rows = await stack.ds.query(`SELECT count(*)::int AS n FROM nomination WHERE dossier_key = (SELECT dossier_key FROM nomination WHERE id=$1)`, [first.body.id]);
    expect(rows[0].n).toBe(1);
  });

  it('the same review sent twice with one Idempotency-Key has one effect', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const key = `retry-${id}`;
    const [a, b] = await Promise.all([
      reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }, { 'idempotency-key': key }),
      reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }, { 'idempotency-key': key }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const n = await waitForStatus(reviewer, id, 'AWAITING_DECISION');
    expect(n.steps.filter((s: any) => s.type === 'ReviewApproved')).toHaveLength(1);
  });

  it('two reviewers acting on one task at once: one wins, the other gets 409', async () => {
    const [r1, r2] = await Promise.all([stack.login('thamdinh.so-noi-vu'), stack.login('thamdinh2.so-noi-vu')]);
    const id = await submit(clerk, 'BK_TINH');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(r1, id, 'IN_REVIEW', 'PROVINCE');
    const results = await Promise.all([
      r1.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }),
      r2.post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Không đạt' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    // The loser is told someone acted (the task moved on, or the dossier closed), never that it is missing.
    expect(['WRONG_STATE', 'CONCURRENT_ACTION', 'ALREADY_CLOSED']).toContain(results.find((r) => r.status === 409)!.body.code);
    // BK tỉnh goes through the provincial council after the review.
    const n = await waitForStatus(clerk, id, results[0].status === 200 ? 'AWAITING_COUNCIL' : 'REJECTED');
    expect(n.steps.filter((s: any) => s.level === 'PROVINCE' && ['ReviewApproved', 'NominationRejected'].includes(s.type))).toHaveLength(1);
  });

  it('rejects approving against a negative eligibility result without a written justification', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    const n = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    if (n.eligibility.outcome === 'ELIGIBLE') throw new Error('fixture expected a nominee without a record');
    const res = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'JUSTIFICATION_REQUIRED', field: 'justification' });
    const ok = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Thành tích đột xuất đã được xác minh.' });
    expect(ok.status).toBe(200);
    const after = await waitForStatus(reviewer, id, 'AWAITING_DECISION');
    expect(after.steps.find((s: any) => s.type === 'ReviewApproved').reason).toBe('Thành tích đột xuất đã được xác minh.');
  });

  it('decision numbers are unique and gap-free per issuer and year under concurrency', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => submit(otherClerk, 'GK_DONVI')));
    for (const id of ids) await approveLevel(stack, otherReviewer, id, 'UNIT');
    await Promise.all(ids.map((id) => waitForStep(otherHead, id, 'AWAITING_DECISION', 'UNIT')));
    const results = await Promise.all(ids.map((id) => otherHead.post(`/nominations/${id}/decide`, { action: 'CONFER' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const seqs = results.map((r) => Number(r.body.decision.number.split('/')[0])).sort((a, b) => a - b);
    const rows = await stack.ds.query(`SELECT seq FROM decision WHERE issuer_unit_id='xa-dak-ha' ORDER BY seq`);
    const all = rows.map((r: any) => r.seq);
    expect(new Set(seqs).size).toBe(8);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    expect(results[0].body.decision.number).toMatch(/\/QĐ-UBND$/);
  });

  it('several nominations conferred in one decision share its number', async () => {
    const ids = await Promise.all([submit(clerk, 'GK_DONVI'), submit(clerk, 'GK_DONVI'), submit(clerk, 'GK_DONVI')]);
    for (const id of ids) await approveLevel(stack, reviewer, id, 'UNIT');
    await Promise.all(ids.map((id) => waitForStep(head, id, 'AWAITING_DECISION', 'UNIT')));
    const res = await head.post('/decisions', { nominationIds: ids, titleVi: 'Quyết định tặng Giấy khen năm 2025' });
    expect(res.status).toBe(200);
    expect(res.body.results.every((r: any) => r.ok)).toBe(true);
    const numbers = new Set(res.body.results.map((r: any) => r.decision.number));
    expect(numbers.size).toBe(1);
    const decision = await head.get(`/decisions/${res.body.results[0].decision.decisionId}`);
    expect(decision.body.recipients).toHaveLength(3);
    expect(decision.body.titleVi).toBe('Quyết định tặng Giấy khen năm 2025');
  });

  it('a dossier filed under components must hold every one its award requires (Law Art 84), and only those', async () => {
    const [toTrinh, baoCao, bienBan] = await Promise.all(['to-trinh.pdf', 'bao-cao.pdf', 'bien-ban.pdf'].map((n) => uploadDocument(clerk, stack.baseUrl, n)));
    const before = (await stack.ds.query(`SELECT count(*)::int AS n FROM nomination`))[0].n;
    const missing = await clerk.post('/nominations', dossier('GK_DONVI', { documents: [{ ...toTrinh, component: 'TO_TRINH' }, { ...baoCao, component: 'BAO_CAO_THANH_TICH' }] }));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'MISSING_COMPONENTS', field: 'documents', messageVi: 'Hồ sơ còn thiếu: Biên bản xét khen thưởng', messageEn: 'The dossier lacks: Minutes of the commendation review' });
    const foreign = await clerk.post('/nominations', dossier('GK_DONVI', { documents: [{ ...toTrinh, component: 'TO_TRINH' }, { ...baoCao, component: 'BAO_CAO_THANH_TICH' }, { ...bienBan, component: 'XAC_NHAN_SANG_KIEN' }] }));
    expect(foreign.body).toMatchObject({ code: 'UNKNOWN_COMPONENT', field: 'documents.2.component' });
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM nomination`))[0].n).toBe(before);
    const complete = await clerk.post('/nominations', dossier('GK_DONVI', { documents: [{ ...toTrinh, component: 'TO_TRINH' }, { ...baoCao, component: 'BAO_CAO_THANH_TICH' }, { ...bienBan, component: 'BIEN_BAN_XET_KHEN' }] }));
    expect(complete.status).toBe(201);
    const n = await waitForStep(reviewer, complete.body.id, 'IN_REVIEW', 'UNIT');
    expect(n.dossier.documents.map((d: { component: string }) => d.component)).toEqual(['TO_TRINH', 'BAO_CAO_THANH_TICH', 'BIEN_BAN_XET_KHEN']);
  });

  it('bad input: 400 with field-level reasons, unknown award code, reversed period; nothing started', async () => {
    const before = (await stack.ds.query(`SELECT count(*)::int AS n FROM nomination`))[0].n;
    const wrongTypes = await clerk.post('/nominations', { ...dossier('GK_DONVI'), year: 'năm nay', nominee: { kind: 'ROBOT', name: 5 } });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.body.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(['year', 'nominee.kind', 'nominee.name']));
    // Each field named as the form names it, in each language; `field` keeps the path for programs.
    expect(wrongTypes.body.fields.find((f: any) => f.field === 'year').messageVi).toBe('Năm phải là số nguyên');
    expect(wrongTypes.body.fields.find((f: any) => f.field === 'year').messageEn).toBe('Year must be an integer number');
    expect(wrongTypes.body.fields.find((f: any) => f.field === 'nominee.name').messageVi).toBe('Họ và tên phải là chuỗi ký tự');
    expect(wrongTypes.body.fields.find((f: any) => f.field === 'nominee.name').messageEn).toBe('Name must be a string');
    expect(wrongTypes.body.messageVi).toMatch(/^Dữ liệu chưa hợp lệ: .*Năm/);
    expect(wrongTypes.body.messageEn).toMatch(/^Invalid input: .*Year/);
    expect(wrongTypes.body.messageVi).not.toMatch(/nominee|year/);
    const unknown = await clerk.post('/nominations', dossier('HUY_CHUONG_VANG'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'UNKNOWN_AWARD', field: 'awardCode' });
    const reversed = await clerk.post('/nominations', dossier('GK_DONVI', { achievementPeriod: { from: '2025-12-31', to: '2025-01-01' } }));
    expect(reversed.status).toBe(400);
    const malformed = await clerk.request('POST', '/nominations', '{"nominee": ');
    expect(malformed.status).toBe(400);
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM nomination`))[0].n).toBe(before);
  });

  it('inbox lists open tasks of my unit and roles; notifications reach the assignees', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const inbox = await reviewer.get('/inbox');
    expect(inbox.body.items.find((t: any) => t.nominationId === id)).toMatchObject({ kind: 'REVIEW', role: 'REVIEWER', overdue: false });
    expect((await otherReviewer.get('/inbox')).body.items.some((t: any) => t.nominationId === id)).toBe(false);
    const notes = await waitForNotification(reviewer, id);
    expect(notes.subjectVi).toMatch(/^Nhiệm vụ mới/);
  });

  it('lists filter by unit, level, award, status and year, with pagination', async () => {
    const page = await clerk.get('/nominations?awardCode=GK_DONVI&year=2025&pageSize=2&page=1');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    expect(page.body.total).toBeGreaterThan(2);
    expect(page.body.items.every((n: any) => n.awardCode === 'GK_DONVI' && n.unitId === 'so-yte')).toBe(true);
    const page2 = await clerk.get('/nominations?awardCode=GK_DONVI&year=2025&pageSize=2&page=2');
    expect(page2.body.items[0].id).not.toBe(page.body.items[0].id);
    const otherUnit = await clerk.get('/nominations?unitId=xa-dak-ha');
    expect(otherUnit.body.total).toBe(0);
  });
});

async function waitForNotification(session: Session, nominationId: string) {
  for (let i = 0; i < 100; i++) {
    const res = await session.get('/notifications');
    const found = res.body.items.find((n: any) => n.nominationId === nominationId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no notification');
}
