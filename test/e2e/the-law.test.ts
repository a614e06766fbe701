import { postComment } from '../support/comments';
import { randomInt, randomUUID } from 'node:crypto';
import { nominationWorkflowId, NOMINATION_WORKFLOW_TYPE } from '@vinhdanh/domain/ladder/ids';
import type { NominationInput } from '@vinhdanh/domain/ladder/nomination';
import { insertNominationRow } from '@vinhdanh/persistence/projection/nomination-row';
import { recordHistory } from '../support/histories';
import { approveLevel, contestedAward, councilDecides, dossier, postingEnds, submit, uploadDocument, waitForStatus, waitForStep } from '../support/nominations';
import { eventually, startStack, type Session, type Stack } from '../support/stack';

/**
 * The law through the real stack (docs/law.md): the posting period gates the council and the public
 * may comment; the President decides the Labour Orders on the Government's proposal; a unit that
 * ceases hands its open nominations to its successor; an inspector's case revokes an award.
 *
 * Development mode with a three-second posting (DEV_POSTING_SECONDS): the gate's logic is the
 * product's, only the legal ten working days are shortened (the calendar is unit-tested).
 */
let stack: Stack;
let clerk: Session;
let reviewer: Session;
let provinceReviewer: Session;
let secretary: Session;
const unit = 'so-gddt';
/** Each test comments from its own address (TRUST_PROXY), so the limit is counted per test. */
const address = () => `203.0.113.${randomInt(1, 254)}`;

beforeAll(async () => {
  stack = await startStack({ VINHDANH_MODE: 'development', DEV_POSTING_SECONDS: '3', TRUST_PROXY: 'loopback', COMMENT_MAX_PER_ADDRESS: '4' });
  [clerk, reviewer, provinceReviewer, secretary] = await Promise.all([
    stack.login(`vanthu.${unit}`), stack.login(`thamdinh.${unit}`), stack.login('thamdinh.so-noi-vu'), stack.login('thuky.hoidong-tinh'),
  ]);
});
afterAll(() => stack?.close());

const comment = (id: string, body: Record<string, unknown>, ip = address()) => postComment(stack.baseUrl, id, body, ip);

/** A Labour Order nomination approved at the province: its posting has begun. */
async function postedLabourOrder(name: string): Promise<string> {
  const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name } });
  await approveLevel(stack, reviewer, id, 'UNIT');
  await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
  expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ và xác nhận thành tích.' })).status).toBe(200);
  return (await waitForStatus(provinceReviewer, id, 'PUBLIC_POSTING')).id;
}

describe('public posting and comments gate the council', () => {
  it('keeps the council closed during the posting and until every comment is answered; comments are part of the dossier and the audit trail', async () => {
    const id = await postedLabourOrder('Nguyễn Văn Lấy Ý Kiến');
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const early = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [id], deadline });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'POSTING_IN_PROGRESS', messageVi: expect.stringContaining('công khai'), messageEn: expect.stringContaining('posting') });

    // Anyone, without an account: a clear 4xx for a robot or nothing to say; a repeat counts on the comment it repeats.
    const ip = address();
    const sent = await comment(id, { text: 'Tôi xác nhận ông đã nhiều năm giúp đỡ học sinh nghèo trong xã.', authorName: 'Trần Thị Dân' }, ip);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ commentId: 'PROVINCE-1' });
    expect((await comment(id, { text: 'Tôi xác nhận ông đã nhiều năm giúp đỡ học sinh nghèo trong xã!' }, ip)).body).toMatchObject({ commentId: 'PROVINCE-1', merged: true });
    expect((await comment(id, { text: 'Một ý kiến bình thường', website: 'http://spam.example' }, ip)).body).toMatchObject({ code: 'SPAM_SUSPECTED' });
    expect((await comment(id, { text: 'ngắn' }, ip)).status).toBe(400);
    expect((await comment(randomUUID(), { text: 'Ý kiến về một hồ sơ không có thật.' }, ip)).body).toMatchObject({ code: 'NOT_POSTED' });

    // The period runs out, but the unanswered comment still holds the council back.
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await provinceReviewer.get(`/nominations/${id}`)).body).toMatchObject({ status: 'PUBLIC_POSTING', posting: { comments: 1, unanswered: 1 } });
    expect((await comment(id, { text: 'Ý kiến gửi sau khi đã hết thời hạn công khai.' })).status).toBe(409);

    // Only a reviewer of the posting body answers; the clerk and the unit's own reviewer cannot.
    const answer = { answer: 'Đã xác minh với UBND xã: thông tin đúng, bổ sung vào hồ sơ.' };
    expect((await clerk.post(`/nominations/${id}/comments/PROVINCE-1/answer`, answer)).status).toBe(403);
    expect((await reviewer.post(`/nominations/${id}/comments/PROVINCE-1/answer`, answer)).status).toBe(403);
    expect((await provinceReviewer.post(`/nominations/${id}/comments/PROVINCE-1/answer`, { answer: '' })).status).toBe(400);
    expect((await provinceReviewer.post(`/nominations/${id}/comments/PROVINCE-1/answer`, answer)).status).toBe(200);
    const after = await waitForStatus(secretary, id, 'AWAITING_COUNCIL');
    expect(after.steps.map((s: any) => s.type)).toEqual(expect.arrayContaining(['PublicPostingStarted', 'PublicCommentReceived', 'PublicCommentAnswered', 'PublicPostingEnded', 'CouncilVoteRequested']));
    const comments = await clerk.get(`/nominations/${id}/comments`);
    expect(comments.body.items).toEqual([expect.objectContaining({ commentId: 'PROVINCE-1', authorName: 'Trần Thị Dân', answer: answer.answer, answeredBy: 'Nguyễn Thị Thẩm Định (Sở Nội vụ)' })]);
    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`nomination:${id}`]);
    expect(trail.map((r: any) => r.event_type)).toEqual(expect.arrayContaining(['PublicCommentReceived', 'PublicCommentAnswered']));
    expect((await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [id], deadline })).status).toBe(201);
  });

  it('limits comments per address, and the public page lists the posting with its period and basis', async () => {
    const id = await postedLabourOrder('Lê Thị Công Khai');
    const ip = address();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await comment(id, { text: `Ý kiến số ${i + 1} của cùng một người gửi.` }, ip)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const disclosures = (await (await fetch(`${stack.baseUrl}/public/disclosures`)).json()) as any;
    expect(disclosures.items.find((d: any) => d.nominationId === id)).toMatchObject({ kind: 'PUBLIC_POSTING', level: 'PROVINCE', period: { days: 10, unit: 'WORKING_DAYS' }, comments: 4, citation: [expect.objectContaining({ instrument: 'Nghị định 152/2025/NĐ-CP', article: '44' })] });
  });
});

describe('the President decides the Labour Orders', () => {
  it('goes from the central council to the Government’s proposal, the President’s Office, and a QĐ-CTN decision with its bonus', async () => {
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name: 'Phạm Văn Huân Chương' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    await approveLevel(stack, provinceReviewer, id, 'PROVINCE');
    const central = await stack.login('thamdinh.ban-tdkt-tw');
    await approveLevel(stack, central, id, 'CENTRAL');
    const pm = await stack.login('thutuong');
    const proposal = await waitForStatus(pm, id, 'AWAITING_DECISION');
    expect(proposal.currentStep).toBe('PRESIDENT_PROPOSAL');
    expect((await pm.post(`/nominations/${id}/decide`, { action: 'CONFER' })).body).toMatchObject({ code: 'BAD_ACTION' });
    expect((await pm.post(`/nominations/${id}/decide`, { action: 'PROPOSE' })).status).toBe(200);

    const office = await stack.login('thamdinh.van-phong-ctn');
    const atOffice = await waitForStep(office, id, 'IN_REVIEW', 'CENTRAL');
    expect(atOffice).toMatchObject({ currentStep: 'PRESIDENT_OFFICE_REVIEW', proposal: { number: expect.stringMatching(/^\d+\/TTr-TTg$/) } });
    expect((await office.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', items: ['Bản sao'] })).body).toMatchObject({ code: 'NOT_AT_THIS_STEP' });
    expect((await office.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Tờ trình đúng thẩm quyền, hồ sơ đầy đủ.' })).status).toBe(200);

    const president = await stack.login('chutichnuoc');
    await waitForStep(president, id, 'AWAITING_DECISION', 'CENTRAL');
    expect((await pm.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(403);
    const decided = await president.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ number: expect.stringMatching(/^\d+\/QĐ-CTN$/), issuerNameVi: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam' });
    const n = await waitForStatus(clerk, id, 'AWARDED');
    expect(n.steps.map((s: any) => s.type)).toEqual(expect.arrayContaining(['ProposalSubmitted', 'DecisionIssued']));
    const decision = await clerk.get(`/decisions/${n.decisionId}`);
    expect(decision.body).toMatchObject({ place: 'Hà Nội', titleVi: 'Quyết định về việc tặng Huân chương Lao động hạng Ba', recipients: [expect.objectContaining({ bonus: expect.objectContaining({ multiple: 4.5, baseSalaryVnd: 2_340_000, amountVnd: 10_530_000 }) })] });
    await recordHistory(stack, n.workflowId, 'nomination-president-labour-order');
  });
});

describe('decisions', () => {
  it('a batch makes one decision per award, each worded for its kind, and the public can filter by award year', async () => {
    const head = await stack.login(`thutruong.${unit}`);
    const title = await submit(clerk, 'LDTT');
    const form = await submit(clerk, 'GK_DONVI');
    for (const id of [title, form]) await approveLevel(stack, reviewer, id, 'UNIT');
    for (const id of [title, form]) await waitForStatus(head, id, 'AWAITING_DECISION');
    // One title cannot word two award forms: refused, and nothing decided.
    const worded = await head.post('/decisions', { nominationIds: [title, form], titleVi: 'Quyết định về việc tặng Giấy khen' });
    expect({ status: worded.status, code: worded.body.code, field: worded.body.field }).toEqual({ status: 400, code: 'TITLE_FOR_ONE_AWARD', field: 'titleVi' });
    expect((await head.get(`/nominations/${title}`)).body.status).toBe('AWAITING_DECISION');
    const batch = await head.post('/decisions', { nominationIds: [title, form] });
    expect(batch.status).toBe(200);
    const numbers = new Set(batch.body.results.map((r: any) => r.decision.number));
    expect(numbers.size).toBe(2);
    const titleDecision = (await clerk.get(`/decisions/${batch.body.results.find((r: any) => r.nominationId === title).decision.decisionId}`)).body;
    const formDecision = (await clerk.get(`/decisions/${batch.body.results.find((r: any) => r.nominationId === form).decision.decisionId}`)).body;
    expect(titleDecision.titleVi).toBe('Quyết định về việc công nhận danh hiệu "Lao động tiên tiến" năm 2025');
    expect(formDecision.titleVi).toBe('Quyết định về việc tặng Giấy khen của Thủ trưởng cơ quan, đơn vị');
    expect(titleDecision.recipients[0].bonus).toMatchObject({ multiple: 0.3, amountVnd: 702_000 });
    const byAwardYear = (await (await fetch(`${stack.baseUrl}/public/decisions?awardYear=2025`)).json()) as any;
    expect(byAwardYear.items.map((d: any) => d.id)).toEqual(expect.arrayContaining([titleDecision.id, formDecision.id]));
    const none = (await (await fetch(`${stack.baseUrl}/public/decisions?awardYear=2019`)).json()) as any;
    expect(none.items.some((d: any) => d.id === titleDecision.id)).toBe(false);
  });
});

describe('refusals and withdrawals on the way', () => {
  it('the decision maker refuses with a reason (never without one), and the clerk withdraws while the council waits', async () => {
    const head = await stack.login(`thutruong.${unit}`);
    const refused = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, refused, 'UNIT');
    await waitForStatus(head, refused, 'AWAITING_DECISION');
    expect((await head.post(`/nominations/${refused}/decide`, { action: 'REFUSE' })).body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    expect((await head.post(`/nominations/${refused}/decide`, { action: 'REFUSE', reason: 'Thành tích đã được khen bằng hình thức khác.' })).status).toBe(200);
    const r = await waitForStatus(clerk, refused, 'REJECTED');
    expect(r.outcomeReason).toBe('Thành tích đã được khen bằng hình thức khác.');
    await recordHistory(stack, r.workflowId, 'nomination-decision-refused');

    const withdrawn = await submit(clerk, 'BK_TINH');
    await approveLevel(stack, reviewer, withdrawn, 'UNIT');
    await waitForStep(provinceReviewer, withdrawn, 'IN_REVIEW', 'PROVINCE');
    expect((await provinceReviewer.post(`/nominations/${withdrawn}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu.' })).status).toBe(200);
    await waitForStatus(secretary, withdrawn, 'AWAITING_COUNCIL');
    expect((await clerk.post(`/nominations/${withdrawn}/withdraw`, { reason: 'Đơn vị rút để bổ sung thành tích năm sau.' })).status).toBe(200);
    const w = await waitForStatus(clerk, withdrawn, 'WITHDRAWN');
    expect((await secretary.get('/councils/hd-ubnd-tinh/waiting')).body.map((x: any) => x.nominationId)).not.toContain(withdrawn);
    await recordHistory(stack, w.workflowId, 'nomination-withdrawn-at-council');
  });
});

describe('the 2025 reorganisation', () => {
  /** A province of our own that ceases, so the shared demo organisation stays as the other tests expect. */
  async function oldProvince() {
    const tag = randomInt(1_000_000).toString(36);
    const [pc, snv, xa] = [`ubnd-cu-${tag}`, `snv-cu-${tag}`, `xa-cu-${tag}`];
    await stack.ds.query(
      `INSERT INTO org_unit (id, parent_id, kind, level, name_vi, name_en, issuer_code) VALUES
         ($1,'chinh-phu','PROVINCE_PC','PROVINCE','Ủy ban nhân dân tỉnh Cũ ' || $4,'Old Province PC','UBND'),
         ($2,$1,'HOME_AFFAIRS','PROVINCE','Sở Nội vụ tỉnh Cũ','Old Department of Home Affairs','SNV'),
         ($3,$1,'COMMUNE','UNIT','Ủy ban nhân dân xã Cũ','Old Commune PC','UBND')`,
      [pc, snv, xa, tag],
    );
    const hash = (await stack.ds.query(`SELECT password_hash FROM user_account WHERE id='vanthu.so-gddt'`))[0].password_hash;
    for (const [user, unitId, roles] of [[`vanthu.${xa}`, xa, ['CLERK']], [`thamdinh.${xa}`, xa, ['REVIEWER']], [`thamdinh.${snv}`, snv, ['REVIEWER']]] as const) {
      await stack.ds.query(`INSERT INTO user_account (id, username, password_hash, full_name, unit_id, roles) VALUES ($1,$1,$2,$1,$3,$4)`, [user, hash, unitId, roles]);
    }
    await stack.ds.query(`INSERT INTO council (id, unit_id, level, name_vi, name_en) VALUES ($1,$2,'PROVINCE','Hội đồng tỉnh Cũ','Old council')`, [`hd-${pc}`, pc]);
    return { pc, snv, xa };
  }

  it('re-routes a nomination in flight to the successor, with the reason in its audit trail, and routes new ones there', async () => {
    const { pc, snv, xa } = await oldProvince();
    const [oldClerk, oldReviewer, oldProvinceReviewer, admin] = await Promise.all([stack.login(`vanthu.${xa}`), stack.login(`thamdinh.${xa}`), stack.login(`thamdinh.${snv}`), stack.login('quantri')]);
    const id = await submit(oldClerk, 'BK_TINH');
    await approveLevel(stack, oldReviewer, id, 'UNIT');
    await waitForStep(oldProvinceReviewer, id, 'IN_REVIEW', 'PROVINCE');

    const yesterday = new Date(Date.now() - 86_400_000 - 7 * 3_600_000).toISOString().slice(0, 10);
    const order = { lastDay: yesterday, reasonVi: 'Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh', reasonEn: 'National Assembly resolution reorganising the provinces' };
    expect((await clerk.post(`/org/units/${snv}/succession`, { ...order, successorId: 'so-noi-vu' })).status).toBe(403);
    expect((await admin.post(`/org/units/${snv}/succession`, { ...order, successorId: 'ubnd-tinh' })).body).toMatchObject({ code: 'SUCCESSOR_MISMATCH' });
    const moved = await admin.post(`/org/units/${snv}/succession`, { ...order, successorId: 'so-noi-vu' });
    expect(moved.status).toBe(200);
    expect(moved.body.rerouted).toEqual([{ nominationId: id, ok: true, changed: true }]);
    expect((await admin.post(`/org/units/${pc}/succession`, { ...order, successorId: 'ubnd-tinh' })).status).toBe(200);

    // The ceased body's reviewer no longer sees it; the successor's does, and carries it on.
    expect((await oldProvinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'x' })).status).toBe(404);
    await approveLevel(stack, provinceReviewer, id, 'PROVINCE');
    const chairman = await stack.login('chutich.ubnd-tinh');
    const awaiting = await waitForStatus(chairman, id, 'AWAITING_DECISION');
    expect(awaiting.steps.find((s: any) => s.type === 'NominationRerouted')).toMatchObject({ actorRole: 'ADMIN', reason: expect.stringContaining('sắp xếp đơn vị hành chính') });
    const decided = await chairman.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.body.decision).toMatchObject({ issuerNameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng' });
    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream IN ($1, $2) ORDER BY global_seq`, [`nomination:${id}`, `org:${snv}`]);
    expect(trail.map((r: any) => r.event_type)).toEqual(expect.arrayContaining(['UnitSucceeded', 'NominationRerouted']));

    // A new nomination from the commune goes to the successor province straight away.
    const next = await submit(oldClerk, 'BK_TINH');
    const n = await oldClerk.get(`/nominations/${next}`);
    expect(n.body.dossier.route[1]).toMatchObject({ reviewUnitId: 'so-noi-vu', decisionUnitId: 'ubnd-tinh', council: { councilId: 'hd-ubnd-tinh' } });
  });

  it('an open revocation case passes to the successor of the authority that must decide it', async () => {
    const { xa } = await oldProvince();
    const hash = (await stack.ds.query(`SELECT password_hash FROM user_account WHERE id='vanthu.so-gddt'`))[0].password_hash;
    await stack.ds.query(`INSERT INTO user_account (id, username, password_hash, full_name, unit_id, roles) VALUES ($1,$1,$2,$1,$3,$4)`, [`thutruong.${xa}`, hash, xa, ['DECISION_MAKER']]);
    const [oldClerk, oldReviewer, oldHead, admin, inspector, newHead] = await Promise.all([`vanthu.${xa}`, `thamdinh.${xa}`, `thutruong.${xa}`, 'quantri', 'thanhtra', 'thutruong.xa-quang-khe'].map((u) => stack.login(u)));
    const id = await submit(oldClerk, 'GK_DONVI');
    await approveLevel(stack, oldReviewer, id, 'UNIT');
    await waitForStatus(oldHead, id, 'AWAITING_DECISION');
    expect((await oldHead.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
    await waitForStatus(oldClerk, id, 'AWARDED');
    const [entry] = await stack.ds.query(`SELECT id FROM award_register WHERE nomination_id = $1`, [id]);
    const evidence = await uploadDocument(inspector, stack.baseUrl, 'ket-luan.pdf');
    const opened = await inspector.post('/revocations', { registerId: entry.id, ground: 'UNLAWFUL_PROCEDURE', statement: 'Hồ sơ không qua bình xét của đơn vị; xác minh tại xã.', evidence: [evidence] });
    expect(opened.body).toMatchObject({ decidingUnitId: xa, status: 'OPEN' });
    await eventually(async () => ((await inspector.get(`/revocations/${opened.body.caseId}`)).body.trail?.length ?? 0) >= 1);

    const yesterday = new Date(Date.now() - 86_400_000 - 7 * 3_600_000).toISOString().slice(0, 10);
    const moved = await admin.post(`/org/units/${xa}/succession`, { lastDay: yesterday, successorId: 'xa-quang-khe', reasonVi: 'Nghị quyết sáp nhập xã', reasonEn: 'Resolution merging the communes' });
    expect(moved.body.reroutedCases).toEqual([{ caseId: opened.body.caseId, ok: true }]);
    // The ceased commune's head no longer decides it; the successor's does, in the successor's series.
    expect((await oldHead.post(`/revocations/${opened.body.caseId}/decide`, { action: 'REVOKE', reason: 'Không còn thẩm quyền' })).status).toBe(404);
    const revoked = await newHead.post(`/revocations/${opened.body.caseId}/decide`, { action: 'REVOKE', reason: 'Kết luận thanh tra: sai quy trình bình xét.' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', decidingUnitId: 'xa-quang-khe' });
    const trail = (await inspector.get(`/revocations/${opened.body.caseId}`)).body.trail.map((t: { type: string }) => t.type);
    expect(trail).toEqual(expect.arrayContaining(['RevocationOpened', 'RevocationRerouted', 'AwardRevoked']));
    expect(revoked.body.revocationDecision.issuerNameVi).toBe('Ủy ban nhân dân xã Quảng Khê');
  });

  it('the demo organisation shows the merger of Đắk Nông into Lâm Đồng', async () => {
    const units = (await clerk.get('/org/units')).body.items;
    expect(units.find((u: any) => u.id === 'ubnd-dak-nong')).toMatchObject({ validTo: '2025-06-30', successorId: 'ubnd-tinh', ceasedReason: expect.stringContaining('Lâm Đồng') });
    expect(units.find((u: any) => u.id === 'ubnd-tinh')).toMatchObject({ nameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng', validTo: null });
  });
});

describe('revocation (thu hồi)', () => {
  it('an inspector opens a case, the deciding authority revokes, and the register, the public page and the record follow', async () => {
    const head = await stack.login(`thutruong.${unit}`);
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Hoàng Văn Thu Hồi' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStatus(head, id, 'AWAITING_DECISION');
    const decided = await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    const [entry] = await stack.ds.query(`SELECT id, nominee_key FROM award_register WHERE nomination_id = $1`, [id]);
    const inspector = await stack.login('thanhtra.tinh');
    const evidence = await uploadDocument(inspector, stack.baseUrl, 'ket-luan-thanh-tra.pdf');
    const body = { registerId: entry.id, ground: 'FALSE_DOCUMENTS', statement: 'Báo cáo thành tích kê khai sáng kiến không có thật; xác minh tại đơn vị.', evidence: [evidence] };

    expect((await clerk.post('/revocations', body)).status).toBe(403);
    const opened = await inspector.post('/revocations', body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ decidingUnitId: unit, status: 'OPEN' });
    expect((await inspector.post('/revocations', body)).body).toMatchObject({ code: 'CASE_OPEN' });
    // The inspector's list holds the case, open, with the award it concerns.
    const listed = (await inspector.get('/revocations')).body.items.find((c: { id: string }) => c.id === opened.body.caseId);
    expect(listed).toMatchObject({ status: 'OPEN', decidingUnitId: unit, ground: body.ground });
    // Neither the clerk nor another unit's head may read it; the unit head decides.
    expect((await clerk.get(`/revocations/${opened.body.caseId}`)).status).toBe(404);
    expect((await (await stack.login('thutruong.so-yte')).post(`/revocations/${opened.body.caseId}/decide`, { action: 'REVOKE', reason: 'Không có thẩm quyền' })).status).toBe(404);
    await eventually(async () => ((await head.get(`/revocations/${opened.body.caseId}`)).body.trail?.length ?? 0) >= 1);
    const revoked = await head.post(`/revocations/${opened.body.caseId}/decide`, { action: 'REVOKE', reason: 'Kết luận thanh tra xác định giấy tờ sai sự thật.' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', revocationDecision: { number: expect.stringMatching(/^\d+\/QĐ-SGDĐT$/) } });

    const [after] = await stack.ds.query(`SELECT revoked_at, revocation_decision_id FROM award_register WHERE id = $1`, [entry.id]);
    expect(after.revoked_at).not.toBeNull();
    const pub = (await (await fetch(`${stack.baseUrl}/public/decisions`)).json()) as any;
    const original = pub.items.find((d: any) => d.id === decided.body.decision.decisionId);
    expect(original.recipients).toEqual([expect.objectContaining({ nomineeName: 'Hoàng Văn Thu Hồi', revoked: true, revokedBy: revoked.body.revocationDecision.number })]);
    expect(pub.items.find((d: any) => d.id === revoked.body.revocationDecision.decisionId)).toMatchObject({ kind: 'REVOCATION', titleVi: expect.stringContaining('hủy bỏ Quyết định khen thưởng số') });
    // The record the eligibility engine reads no longer holds the award.
    const [nominee] = await stack.ds.query(`SELECT id FROM nominee WHERE nominee_key=$1`, [entry.nominee_key]);
    const record = await clerk.get(`/nominees/${nominee.id}/record`);
    expect(record.status).toBe(200);
    expect(JSON.stringify(record.body)).not.toContain(decided.body.decision.number);
    const trail = await stack.ds.query(`SELECT event_type, actor_id FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`revocation:${opened.body.caseId}`]);
    expect(trail).toEqual([{ event_type: 'RevocationOpened', actor_id: 'thanhtra.tinh' }, { event_type: 'AwardRevoked', actor_id: `thutruong.${unit}` }]);
    expect((await inspector.post('/revocations', body)).body).toMatchObject({ code: 'ALREADY_REVOKED' });
    await recordHistory(stack, `revocation-${opened.body.caseId}`, 'revocation-case');
  });

  it('a case the authority dismisses leaves the award standing, with the reason on the record', async () => {
    const head = await stack.login(`thutruong.${unit}`);
    const { registerId, caseId } = await contestedAward(stack, { clerk, reviewer, head }, 'Đặng Thị Giữ Nguyên', 'Đơn tố cáo cho rằng thành tích kê khai không đúng; cần xác minh.', 'don-to-cao.pdf');
    const dismissed = await head.post(`/revocations/${caseId}/decide`, { action: 'DISMISS', reason: 'Xác minh cho thấy thành tích đúng như kê khai.' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'DISMISSED', reason: 'Xác minh cho thấy thành tích đúng như kê khai.' });
    const [after] = await stack.ds.query(`SELECT revoked_at FROM award_register WHERE id = $1`, [registerId]);
    expect(after.revoked_at).toBeNull();
    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`revocation:${caseId}`]);
    expect(trail.map((t: { event_type: string }) => t.event_type)).toEqual(['RevocationOpened', 'RevocationDismissed']);
    await recordHistory(stack, `revocation-${caseId}`, 'revocation-dismissed');
  });
});

describe('workflows already running when the law change shipped', () => {
  it('a nomination started with a route from before the change still gets its posting before the council', async () => {
    // The input exactly as the API built it before: no routeVersion, no posting on the route.
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name: 'Đặng Văn Đang Chạy' } });
    const current = await clerk.get(`/nominations/${id}`);
    const legacyId = randomUUID();
    const legacy: NominationInput = {
      nominationId: legacyId, dossierKey: `legacy-${legacyId}`, unitId: unit, dossier: dossierOnly(current.body.dossier), awardCode: 'HCLD3', awardNameVi: current.body.awardNameVi, awardNameEn: current.body.awardNameEn,
      year: 2025, nominee: { ...current.body.nominee, name: 'Đặng Văn Đang Chạy (cũ)', nomineeKey: `legacy:${legacyId}` }, catalogueVersion: '2025.2', decidingLevel: 'CENTRAL',
      route: current.body.dossier.route.map(({ posting: _p, president: _q, ...step }: any) => step), policy: stack.config.policy,
      submittedBy: { userId: `vanthu.${unit}`, fullName: 'Văn thư', unitId: unit, roles: ['CLERK'] },
    };
    await stack.temporal.workflow.start(NOMINATION_WORKFLOW_TYPE, { taskQueue: stack.config.taskQueue, workflowId: nominationWorkflowId(legacyId), args: [legacy] });
    await insertNominationRow(stack.ds.manager, legacy, new Date().toISOString());
    await approveLevel(stack, reviewer, legacyId, 'UNIT');
    await waitForStep(provinceReviewer, legacyId, 'IN_REVIEW', 'PROVINCE');
    expect((await provinceReviewer.post(`/nominations/${legacyId}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu.' })).status).toBe(200);
    const posted = await waitForStatus(provinceReviewer, legacyId, 'PUBLIC_POSTING');
    expect(posted.posting).toMatchObject({ kind: 'PUBLIC_POSTING', level: 'PROVINCE' });
    const history = await stack.temporal.workflow.getHandle(nominationWorkflowId(legacyId)).fetchHistory();
    expect(JSON.stringify(history.events!.map((e) => e.markerRecordedEventAttributes?.markerName).filter(Boolean))).toContain('core_patch');
    const ended = await postingEnds(provinceReviewer, legacyId);
    expect(ended.status).toBe('AWAITING_COUNCIL');
    await councilDecides(stack, provinceReviewer, legacyId);
    await waitForStep(provinceReviewer, legacyId, 'IN_REVIEW', 'CENTRAL');
  });
});

/** The dossier as submitted, without what the read model adds to it (route, award names, catalogue version). */
function dossierOnly({ route: _r, awardNameVi: _v, awardNameEn: _e, catalogueVersion: _c, ...dossier }: Record<string, unknown>): NominationInput['dossier'] {
  return dossier as unknown as NominationInput['dossier'];
}
