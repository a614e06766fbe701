import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, councilDecides, dossier, submit, waitForStatus, waitForStep, uploadDocument } from '../support/nominations';
import { recordHistory } from '../support/histories';

/** The three ladders through the real API, Temporal server and PostgreSQL. */
describe('nomination ladder', () => {
  let stack: Stack;
  let clerk: Session, unitReviewer: Session, unitHead: Session;
  let provinceReviewer: Session, chairman: Session, centralReviewer: Session, primeMinister: Session;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, unitReviewer, unitHead, provinceReviewer, chairman, centralReviewer, primeMinister] = await Promise.all(
      ['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thamdinh.so-noi-vu', 'chutich.ubnd-tinh', 'thamdinh.ban-tdkt-tw', 'thutuong'].map((u) => stack.login(u)),
    );
  });
  afterAll(() => stack?.close());

  it('walking skeleton: POST starts one workflow and GET reads its projection', async () => {
    const res = await clerk.post('/nominations', dossier('GK_DONVI'));
    expect(res.status).toBe(201);
    expect(res.body.workflowId).toBe(`nomination-${res.body.id}`);
    const read = await clerk.get(`/nominations/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: res.body.id, awardCode: 'GK_DONVI', unitId: 'so-gddt' });
    const description = await stack.temporal.workflow.getHandle(res.body.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    await waitForStep(clerk, res.body.id, 'IN_REVIEW', 'UNIT');
  });

  it('Giấy khen is decided at the unit and enters the award register', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, unitReviewer, id, 'UNIT');
    await waitForStep(unitHead, id, 'AWAITING_DECISION', 'UNIT');
    const decided = await unitHead.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('AWARDED');
    expect(decided.body.decision.number).toMatch(/^\d+\/QĐ-SGDĐT$/);
    const n = await waitForStatus(clerk, id, 'AWARDED');
    expect(n.steps.map((s: any) => s.type)).toEqual(
      expect.arrayContaining(['NominationSubmitted', 'ReviewRequested', 'ReviewApproved', 'DecisionRequested', 'DecisionIssued']),
    );
    const [entry] = await stack.ds.query(`SELECT * FROM award_register WHERE nomination_id=$1`, [id]);
    expect(entry).toMatchObject({ award_code: 'GK_DONVI', decision_number: decided.body.decision.number, source: 'REGISTER' });
    console.log(`history events for a unit ladder (GK_DONVI): ${(await stack.temporal.workflow.getHandle(n.workflowId).fetchHistory()).events?.length}`);
    await recordHistory(stack, n.workflowId, 'nomination-unit-giay-khen');
  });

  it('Bằng khen of the provincial Chairman climbs to the province', async () => {
    const id = await submit(clerk, 'BK_TINH');
    await approveLevel(stack, unitReviewer, id, 'UNIT');
    await approveLevel(stack, provinceReviewer, id, 'PROVINCE');
    await waitForStep(chairman, id, 'AWAITING_DECISION', 'PROVINCE');
    const decided = await chairman.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.status).toBe(200);
    expect(decided.body.decision.number).toMatch(/^\d+\/QĐ-UBND$/);
    const n = await waitForStatus(clerk, id, 'AWARDED');
    expect(n.steps.filter((s: any) => s.type === 'ProposalForwarded')).toHaveLength(1);
    console.log(`history events for a provincial ladder (BK_TINH): ${(await stack.temporal.workflow.getHandle(n.workflowId).fetchHistory()).events?.length}`);
    await recordHistory(stack, n.workflowId, 'nomination-province-bang-khen');
  });

  it('a State award reaches the central level and the Prime Minister', async () => {
    const id = await submit(clerk, 'BK_TTG');
    await approveLevel(stack, unitReviewer, id, 'UNIT');
    await approveLevel(stack, provinceReviewer, id, 'PROVINCE');
    await approveLevel(stack, centralReviewer, id, 'CENTRAL');
    await waitForStep(primeMinister, id, 'AWAITING_DECISION', 'CENTRAL');
    const decided = await primeMinister.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.body.decision.number).toMatch(/^\d+\/QĐ-TTg$/);
    const n = await waitForStatus(clerk, id, 'AWARDED');
    expect(n.steps.filter((s: any) => s.type === 'ProposalForwarded').map((s: any) => s.data)).toEqual([
      { from: 'UNIT', to: 'PROVINCE' },
      { from: 'PROVINCE', to: 'CENTRAL' },
    ]);
    const history = await stack.temporal.workflow.getHandle(n.workflowId).fetchHistory();
    console.log(`history events for a State-award ladder (BK_TTG): ${history.events?.length}`);
    await recordHistory(stack, n.workflowId, 'nomination-central-state-award');
  });

  it.each([
    ['UNIT', 0],
    ['PROVINCE', 1],
    ['CENTRAL', 2],
  ])('rejection at the %s level closes the nomination with the reason', async (level, approvals) => {
    const reviewers = [unitReviewer, provinceReviewer, centralReviewer];
    const id = await submit(clerk, 'BK_TTG');
    for (let i = 0; i < approvals; i++) await approveLevel(stack, reviewers[i], id, ['UNIT', 'PROVINCE', 'CENTRAL'][i]);
    await waitForStep(reviewers[approvals], id, 'IN_REVIEW', level);
    const res = await reviewers[approvals].post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Thành tích chưa đủ tiêu chuẩn' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('REJECTED');
    const n = await waitForStatus(clerk, id, 'REJECTED');
    expect(n.outcomeReason).toBe('Thành tích chưa đủ tiêu chuẩn');
    expect(n.currentLevel).toBe(level);
  });

  it('a council failure rejects the nomination with the tally as reason', async () => {
    const id = await submit(clerk, 'CSTD_TINH');
    await approveLevel(stack, unitReviewer, id, 'UNIT');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã xem xét' });
    // Three of the nine agree: the majority rule fails it, and the tally is the reason.
    await councilDecides(stack, provinceReviewer, id, { agree: 3 });
    const n = await waitForStatus(clerk, id, 'REJECTED');
    expect(n.outcomeReason).toContain('3/9');
    await recordHistory(stack, n.workflowId, 'nomination-council-failed');
  });

  it('supplements: requested with a list and deadline, resubmitted, and the review task returns', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(unitReviewer, id, 'IN_REVIEW', 'UNIT');
    const asked = await unitReviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', items: ['Biên bản bình xét thi đua'], deadlineDays: 5 });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('SUPPLEMENT_REQUESTED');
    expect(asked.body.supplement.items).toEqual(['Biên bản bình xét thi đua']);
    const inbox = await clerk.get('/inbox');
    expect(inbox.body.items.some((t: any) => t.nominationId === id && t.kind === 'SUPPLEMENT')).toBe(true);
    const minutes = await uploadDocument(clerk, stack.baseUrl, 'bien-ban.pdf');
    const back = await clerk.post(`/nominations/${id}/resubmit`, { note: 'Đã bổ sung biên bản', documents: [minutes] });
    expect(back.status).toBe(200);
    const n = await waitForStep(unitReviewer, id, 'IN_REVIEW', 'UNIT');
    expect(n.steps.map((s: any) => s.type)).toEqual(expect.arrayContaining(['SupplementRequested', 'SupplementProvided']));
    expect(n.tasks.filter((t: any) => t.kind === 'REVIEW')).toHaveLength(2);
    await unitReviewer.post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Vẫn thiếu minh chứng' });
    await waitForStatus(clerk, id, 'REJECTED');
    await recordHistory(stack, n.workflowId, 'nomination-supplement-round-trip');
  });

  it('two actions at once on one dossier: one takes effect, the other gets 409 and leaves no trace', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(unitReviewer, id, 'IN_REVIEW', 'UNIT');
    // Sent together: whichever the workflow accepts first makes it busy (or closes the task), so
    // the other is refused by the validator: CONCURRENT_ACTION while busy, WRONG_STATE after; or,
    // when the first closed the nomination within one workflow task, by the API: ALREADY_CLOSED.
    const [approve, reject] = await Promise.all([
      unitReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu thành tích.' }),
      unitReviewer.post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Không đủ minh chứng' }),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([200, 409]);
    const refused = approve.status === 409 ? approve : reject;
    expect(['CONCURRENT_ACTION', 'WRONG_STATE', 'ALREADY_CLOSED']).toContain(refused.body.code);
    expect(refused.body.messageVi).toBeTruthy();
    const n = (await clerk.get(`/nominations/${id}`)).body;
    const outcomes = n.steps.filter((s: { type: string }) => s.type === 'ReviewApproved' || s.type === 'NominationRejected');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].type).toBe(approve.status === 200 ? 'ReviewApproved' : 'NominationRejected');
  });

  it('the submitting unit can withdraw before the decision, and not after', async () => {
    const id = await submit(clerk, 'BK_TINH');
    await approveLevel(stack, unitReviewer, id, 'UNIT');
    const res = await clerk.post(`/nominations/${id}/withdraw`, { reason: 'Cá nhân xin rút' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('WITHDRAWN');
    const again = await clerk.post(`/nominations/${id}/withdraw`, { reason: 'lần hai' });
    expect(again.status).toBe(409);
    await recordHistory(stack, `nomination-${id}`, 'nomination-withdrawn');
  });
});
