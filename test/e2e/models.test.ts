import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, submit, waitForStatus } from '../support/nominations';
import { recordHistory } from '../support/histories';
import { modelWorkflowId } from '@vinhdanh/domain/movement/exemplary-model';

/**
 * An exemplary model (điển hình tiên tiến) through the real stack: registered by a unit, taken
 * through its four stages, linked to the award it won, published by the unit head, and read by the
 * public without an account; every step audited.
 */
describe('exemplary models', () => {
  let stack: Stack;
  let clerk: Session, head: Session, reviewer: Session, otherClerk: Session;
  beforeAll(async () => {
    stack = await startStack();
    [clerk, head, reviewer, otherClerk] = await Promise.all(['vanthu.so-gddt', 'thutruong.so-gddt', 'thamdinh.so-gddt', 'vanthu.so-yte'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  it('goes from found to replicated, is linked to its award, published, and read by the public', async () => {
    const created = await clerk.post('/models', { kind: 'COLLECTIVE', subjectName: 'Trường Tiểu học Krông Nô', titleVi: 'Mô hình “Trường học số”', descriptionVi: 'Ứng dụng học liệu số trong mọi tiết học, 100% học sinh có tài khoản học tập.' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ stage: 'PHAT_HIEN', published: false, unitNameVi: 'Sở Giáo dục và Đào tạo' });
    expect((await head.get(`/models/${id}`)).body).toMatchObject({ id, titleVi: 'Mô hình “Trường học số”', stages: [expect.objectContaining({ stage: 'PHAT_HIEN' })] });
    expect((await otherClerk.get(`/models/${id}`)).body).toMatchObject({ code: 'MODEL_NOT_FOUND' });
    expect((await head.post(`/models/${id}/publish`)).body).toMatchObject({ code: 'NOT_SUMMED_UP' });
    expect((await otherClerk.post(`/models/${id}/advance`, { note: 'Một đơn vị khác thử chuyển giai đoạn.' })).body).toMatchObject({ code: 'MODEL_NOT_FOUND' });
    for (const note of ['Bồi dưỡng: tập huấn giáo viên về học liệu số.', 'Tổng kết: hội thảo cấp tỉnh, báo cáo kinh nghiệm.']) {
      expect((await clerk.post(`/models/${id}/advance`, { note })).status).toBe(200);
    }
    expect((await clerk.post(`/models/${id}/publish`)).body).toMatchObject({ code: 'HEAD_REQUIRED' });

    // The award the school's teacher won, linked; an award not yet decided is refused.
    const awarded = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, awarded, 'UNIT');
    await waitForStatus(head, awarded, 'AWAITING_DECISION');
    await head.post(`/nominations/${awarded}/decide`, { action: 'CONFER' });
    await waitForStatus(head, awarded, 'AWARDED');
    const pending = await submit(clerk, 'GK_DONVI');
    expect((await clerk.post(`/models/${id}/awards`, { nominationId: pending })).body).toMatchObject({ code: 'NOT_AWARDED' });
    const linked = await clerk.post(`/models/${id}/awards`, { nominationId: awarded });
    expect(linked.body.awards).toEqual([expect.objectContaining({ nominationId: awarded, awardCode: 'GK_DONVI', decisionNumber: expect.stringMatching(/\/QĐ-/) })]);
    expect((await clerk.post(`/models/${id}/awards`, { nominationId: awarded })).body).toMatchObject({ code: 'AWARD_ALREADY_LINKED' });

    expect((await head.post(`/models/${id}/publish`)).body).toMatchObject({ published: true, publishedAt: expect.any(String) });
    const pub = await fetch(`${stack.baseUrl}/public/models`).then((r) => r.json()) as { items: Record<string, unknown>[] };
    const mine = pub.items.find((m) => m.id === id)!;
    expect(mine).toMatchObject({ titleVi: 'Mô hình “Trường học số”', stage: 'TONG_KET', awards: [{ awardCode: 'GK_DONVI', decisionNumber: expect.any(String) }] });
    // The public reads no account names.
    expect(JSON.stringify(mine)).not.toContain('vanthu.so-gddt');

    expect((await clerk.post(`/models/${id}/advance`, { note: 'Nhân rộng: 40 trường trong tỉnh áp dụng.' })).body.stage).toBe('NHAN_RONG');
    // Replicated and published: the model is no longer followed.
    expect((await clerk.post(`/models/${id}/advance`, { note: 'Sau khi đã kết thúc theo dõi.' })).status).toBe(409);
    const trail = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`model:${id}`]);
    expect(trail.map((t: { event_type: string }) => t.event_type)).toEqual(['ModelRegistered', 'ModelAdvanced', 'ModelAdvanced', 'ModelAwardLinked', 'ModelPublished', 'ModelAdvanced']);
    expect((await otherClerk.get('/models')).body.items.map((m: { id: string }) => m.id)).not.toContain(id);
    expect((await reviewer.post('/models', { kind: 'COLLECTIVE', subjectName: 'X', titleVi: 'Mô hình X', descriptionVi: 'Mô tả đủ dài của mô hình.' })).body).toMatchObject({ code: 'UNIT_STAFF_REQUIRED' });
    await recordHistory(stack, modelWorkflowId(id), 'exemplary-model-replicated-and-published');
  });
});
