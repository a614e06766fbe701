import { startStack, type Session, type Stack } from '../support/stack';
import { submit, uploadDocument, waitForStatus, waitForStep } from '../support/nominations';
import { recordHistory } from '../support/histories';

/**
 * Correcting a dossier before its first review, through the real API, worker, Temporal and
 * PostgreSQL: the clerk's correction is recorded as a step and the read model follows; after the
 * first review, corrections go through a supplement request.
 */
describe('correcting a dossier before its review', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, otherClerk: Session;
  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, otherClerk] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'vanthu.so-yte'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const lastSeq = async (id: string) => (await stack.ds.query(`SELECT last_seq FROM nomination WHERE id=$1`, [id]))[0].last_seq as number;

  it('the clerk corrects the text, position and files; the step is recorded and the dossier reads as corrected; the task keeps its deadline', async () => {
    const id = await submit(clerk, 'GK_DONVI', { achievements: 'Hoàn thành xuất sắc nhiệm vu.' });
    const before = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const report = await uploadDocument(clerk, stack.baseUrl, 'bao-cao-da-sua.pdf');
    const res = await clerk.post(`/nominations/${id}/amend`, { achievements: 'Hoàn thành xuất sắc nhiệm vụ.', position: 'Tổ trưởng chuyên môn', documents: [report], note: 'Sửa lỗi chính tả' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('IN_REVIEW');
    const after = (await reviewer.get(`/nominations/${id}`)).body;
    expect(after.dossier.achievements).toBe('Hoàn thành xuất sắc nhiệm vụ.');
    expect(after.dossier.documents.map((d: { name: string }) => d.name)).toEqual(['bao-cao-da-sua.pdf']);
    expect(after.nominee.position).toBe('Tổ trưởng chuyên môn');
    expect(after.steps.at(-1)).toMatchObject({ type: 'DossierAmended', actorId: 'vanthu.so-gddt', reason: 'Sửa lỗi chính tả' });
    // The same review task, with the same deadline: a correction does not buy time.
    const open = (n: { tasks: { status: string; kind: string; dueAt: string; key: string }[] }) => n.tasks.filter((t) => t.status === 'OPEN').map((t) => [t.kind, t.key, t.dueAt]);
    expect(open(after)).toEqual(open(before));
    // The reviewer then approves the corrected dossier as usual, and the unit head decides it.
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ đã sửa.' })).status).toBe(200);
    const head = await stack.login('thutruong.so-gddt');
    await waitForStatus(head, id, 'AWAITING_DECISION');
    expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
    await recordHistory(stack, `nomination-${id}`, 'nomination-amended-before-review');
  });

  it('is closed once the review has begun, is the clerk’s of the unit only, and refuses an empty or blank correction; nothing is recorded', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const seq = await lastSeq(id);
    const attempts = [
      [reviewer, { achievements: 'Sửa hộ' }, 403, 'ROLE_REQUIRED'],
      [otherClerk, { achievements: 'Sửa hộ' }, 404, 'NOMINATION_NOT_FOUND'],
      [clerk, {}, 400, 'NOTHING_TO_AMEND'],
      [clerk, { achievements: '   ' }, 400, 'ACHIEVEMENTS_REQUIRED'],
    ] as const;
    for (const [who, body, status, code] of attempts) {
      const res = await who.post(`/nominations/${id}/amend`, body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    expect(await lastSeq(id)).toBe(seq);
    // After a supplement request the dossier is corrected by supplementing it, not here.
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', reason: 'Thiếu biên bản', items: ['Biên bản họp'] })).status).toBe(200);
    await waitForStep(reviewer, id, 'SUPPLEMENT_REQUESTED');
    const late = await clerk.post(`/nominations/${id}/amend`, { achievements: 'Sửa muộn' });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'AMEND_CLOSED' });
    expect(late.body.messageVi).toMatch(/trước khi được thẩm định/);
  });

  it('keeps a dossier filed under components complete, and cites only the unit’s own files', async () => {
    const [a, b, c] = await Promise.all(['to-trinh.pdf', 'bao-cao.pdf', 'bien-ban.pdf'].map((n) => uploadDocument(clerk, stack.baseUrl, n)));
    const id = await submit(clerk, 'GK_DONVI', { documents: [{ ...a, component: 'TO_TRINH' }, { ...b, component: 'BAO_CAO_THANH_TICH' }, { ...c, component: 'BIEN_BAN_XET_KHEN' }] });
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const dropped = await clerk.post(`/nominations/${id}/amend`, { documents: [{ ...a, component: 'TO_TRINH' }, { ...b, component: 'BAO_CAO_THANH_TICH' }] });
    expect(dropped.body).toMatchObject({ code: 'MISSING_COMPONENTS', field: 'documents' });
    const foreignFile = await uploadDocument(otherClerk, stack.baseUrl, 'cua-don-vi-khac.pdf');
    const foreign = await clerk.post(`/nominations/${id}/amend`, { documents: [{ ...a, component: 'TO_TRINH' }, { ...b, component: 'BAO_CAO_THANH_TICH' }, { ...foreignFile, component: 'BIEN_BAN_XET_KHEN' }] });
    expect(foreign.body.code).toBe('DOCUMENT_NOT_AVAILABLE');
    expect((await clerk.get(`/nominations/${id}`)).body.dossier.documents.map((d: { name: string }) => d.name)).toEqual(['to-trinh.pdf', 'bao-cao.pdf', 'bien-ban.pdf']);
  });
});
