import { startStack, type Session, type Stack } from '../support/stack';
import { councilDecides, dossier, waitForStatus, waitForStep } from '../support/nominations';

/**
 * Councils' membership administered in the product (docs/council-voting.md, "Membership"), through
 * the real API, Temporal and PostgreSQL: an administrator appoints a new member, who then takes a
 * ballot and votes in the next session; a member whose term ended does not; every act is on the chain.
 */
describe('council membership', () => {
  let stack: Stack;
  let admin: Session, clerk: Session, unitReviewer: Session, provinceReviewer: Session, secretary: Session;
  const council = 'hd-ubnd-tinh';

  beforeAll(async () => {
    stack = await startStack();
    [admin, clerk, unitReviewer, provinceReviewer, secretary] = await Promise.all(['quantri', 'vanthu.so-gddt', 'thamdinh.so-gddt', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  async function toCouncil(): Promise<string> {
    const res = await clerk.post('/nominations', dossier('CSTD_TINH'));
    expect(res.status).toBe(201);
    for (const [level, reviewer] of [['UNIT', unitReviewer], ['PROVINCE', provinceReviewer]] as const) {
      await waitForStep(reviewer, res.body.id, 'IN_REVIEW', level);
      expect((await reviewer.post(`/nominations/${res.body.id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' })).status).toBe(200);
    }
    await waitForStatus(clerk, res.body.id, 'AWAITING_COUNCIL');
    return res.body.id;
  }

  it('a member appointed today votes in the next session; one whose term ended yesterday does not', async () => {
    const before = await admin.get(`/councils/${council}/members`);
    expect(before.status).toBe(200);
    const today: string = before.body.today;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    // A reviewer becomes a council member: the account role first, then the seat.
    const notYet = await admin.post(`/councils/${council}/members`, { userId: 'thamdinh2.so-noi-vu', role: 'MEMBER', reason: 'Quyết định 25/QĐ-UBND kiện toàn Hội đồng' });
    expect(notYet.body.code).toBe('COUNCIL_ROLE_NOT_ON_ACCOUNT');
    expect((await admin.request('PATCH', '/accounts/thamdinh2.so-noi-vu', { roles: ['REVIEWER', 'COUNCIL_MEMBER'], reason: 'Ủy viên Hội đồng theo Quyết định 25/QĐ-UBND' })).status).toBe(200);
    const appointed = await admin.post(`/councils/${council}/members`, { userId: 'thamdinh2.so-noi-vu', role: 'MEMBER', reason: 'Quyết định 25/QĐ-UBND kiện toàn Hội đồng' });
    expect(appointed.status).toBe(201);
    expect(appointed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ userId: 'thamdinh2.so-noi-vu', role: 'MEMBER', fromDate: today, toDate: null, current: true })]));
    const ended = await admin.post(`/councils/${council}/members/uyvien7.hoidong-tinh/end`, { lastDay: yesterday, reason: 'Nghỉ hưu; Quyết định 26/QĐ-UBND' });
    expect(ended.status).toBe(200);
    expect(ended.body.items.find((t: { userId: string }) => t.userId === 'uyvien7.hoidong-tinh')).toMatchObject({ toDate: yesterday, current: false });

    // The new member sees the council among theirs before any session.
    const newcomer = await stack.login('thamdinh2.so-noi-vu');
    expect((await newcomer.get('/councils/mine')).body.councils.map((c: { councilId?: string; id?: string }) => c.councilId ?? c.id)).toContain(council);

    const id = await toCouncil();
    await councilDecides(stack, clerk, id);
    // The session that decided took the members of the day it opened.
    const [session] = await stack.ds.query(`SELECT id FROM council_session WHERE council_id=$1 AND items @> $2::jsonb`, [council, JSON.stringify([{ nominationId: id }])]);
    const view = await secretary.get(`/councils/sessions/${session.id}`);
    expect(view.body.membersTotal).toBe(9);
    expect(view.body.turnoutUserIds).toContain('thamdinh2.so-noi-vu');
    expect(view.body.turnoutUserIds).not.toContain('uyvien7.hoidong-tinh');
    // The old member cannot take a ballot for it.
    const former = await stack.login('uyvien7.hoidong-tinh');
    expect((await former.get(`/councils/sessions/${session.id}/ballot`)).status).toBe(404);
    // Nine sat (chair, secretary, six members, the newcomer) and all agreed: the nomination moved on.
    const after = await clerk.get(`/nominations/${id}`);
    expect(after.body.status).not.toBe('AWAITING_COUNCIL');
    expect(after.body.status).not.toBe('REJECTED');

    const audit = await stack.ds.query(`SELECT event_type, actor_id, payload FROM audit_log WHERE stream=$1 ORDER BY stream_seq`, [`council-members:${council}`]);
    expect(audit).toEqual([
      { event_type: 'MemberAppointed', actor_id: 'quantri', payload: { userId: 'thamdinh2.so-noi-vu', role: 'MEMBER', fromDate: today, reason: 'Quyết định 25/QĐ-UBND kiện toàn Hội đồng' } },
      { event_type: 'MemberTermEnded', actor_id: 'quantri', payload: { userId: 'uyvien7.hoidong-tinh', lastDay: yesterday, reason: 'Nghỉ hưu; Quyết định 26/QĐ-UBND' } },
    ]);
    expect((await admin.get('/audit/verify')).body.ok).toBe(true);
  });

  it('refuses what a council cannot have, each with its reason; only administrators appoint', async () => {
    const { today } = (await admin.get(`/councils/${council}/members`)).body;
    const cases: [Record<string, unknown>, string][] = [
      [{ userId: 'quantri', role: 'MEMBER' }, 'ADMIN_WITH_WORKFLOW_ROLE'],
      [{ userId: 'thuky.hoidong-tw', role: 'SECRETARY' }, 'COUNCIL_ROLE_HELD'],
      [{ userId: 'uyvien1.hoidong-tw', role: 'CHAIR' }, 'COUNCIL_ROLE_HELD'],
      [{ userId: 'chutich.ubnd-tinh', role: 'MEMBER' }, 'ALREADY_MEMBER'],
      [{ userId: 'uyvien1.hoidong-tw', role: 'MEMBER', fromDate: '2020-01-01' }, 'DATE_IN_THE_PAST'],
      [{ userId: 'khong-co-ai', role: 'MEMBER' }, 'UNKNOWN_ACCOUNT'],
      [{ userId: 'thamdinh.so-gddt', role: 'MEMBER' }, 'COUNCIL_ROLE_NOT_ON_ACCOUNT'],
      [{ userId: 'uyvien1.hoidong-tw', role: 'SECRETARY' }, 'COUNCIL_ROLE_NOT_ON_ACCOUNT'],
      // Days only as YYYY-MM-DD: other ISO 8601 spellings would slip past the comparisons or reach the database.
      [{ userId: 'uyvien1.hoidong-tw', role: 'MEMBER', fromDate: '20261201' }, 'VALIDATION_FAILED'],
      [{ userId: 'uyvien1.hoidong-tw', role: 'MEMBER', fromDate: '2027' }, 'VALIDATION_FAILED'],
      [{ userId: 'uyvien1.hoidong-tw', role: 'MEMBER', fromDate: '2026-W50' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await admin.post(`/councils/${council}/members`, { reason: 'Thử bổ nhiệm sai', ...body });
      expect([body, res.body.code]).toEqual([body, code]);
      expect(res.body.messageVi).toBeTruthy();
    }
    expect((await admin.post('/councils/khong-co/members', { userId: 'thamdinh.so-gddt', role: 'MEMBER', reason: 'Hội đồng không có' })).status).toBe(404);
    expect((await admin.post(`/councils/${council}/members/thamdinh.so-gddt/end`, { lastDay: today, reason: 'Không phải thành viên' })).body.code).toBe('NOT_A_MEMBER');
    expect((await admin.post(`/councils/${council}/members/uyvien1.hoidong-tinh/end`, { lastDay: '20201201', reason: 'Lùi ngày' })).status).toBe(400);
    // A clerk neither appoints nor reads the membership; an auditor reads it.
    expect((await clerk.post(`/councils/${council}/members`, { userId: 'vanthu.so-gddt', role: 'MEMBER', reason: 'Tự bổ nhiệm' })).status).toBe(403);
    expect((await clerk.get(`/councils/${council}/members`)).status).toBe(404);
    const auditor = await stack.login('thanhtra');
    expect((await auditor.get(`/councils/${council}/members`)).status).toBe(200);
    expect((await auditor.get('/councils')).body.items.map((c: { id: string }) => c.id)).toContain(council);
    expect((await clerk.get('/councils')).status).toBe(403);
  });
  it('a new unit’s council is formed under the id routing gives it, and its members appointed; audited', async () => {
    const unitId = `so-moi-${Date.now() % 100000}`;
    expect((await admin.post('/org/units', { id: unitId, parentId: 'ubnd-tinh', kind: 'DEPARTMENT', level: 'UNIT', nameVi: 'Sở Mới Thành Lập', nameEn: 'New Department', issuerCode: 'SM' })).status).toBe(201);
    const formed = await admin.post('/councils', { unitId, nameVi: 'Hội đồng Thi đua – Khen thưởng Sở Mới', nameEn: 'New Department Council', reason: 'Quyết định 1/QĐ-SM thành lập Hội đồng' });
    expect(formed.status).toBe(201);
    expect(formed.body).toEqual({ id: `hd-${unitId}`, unitId, level: 'UNIT', nameVi: 'Hội đồng Thi đua – Khen thưởng Sở Mới', nameEn: 'New Department Council' });
    expect((await admin.post('/councils', { unitId, nameVi: 'Lần nữa thì sao', nameEn: 'Once more then', reason: 'Thử thành lập lại' })).body.code).toBe('COUNCIL_EXISTS');
    expect((await admin.post('/councils', { unitId: 'khong-co', nameVi: 'Không có đơn vị', nameEn: 'No such unit', reason: 'Thử đơn vị sai' })).body.code).toBe('UNKNOWN_UNIT');
    expect((await clerk.post('/councils', { unitId, nameVi: 'Tự lập Hội đồng', nameEn: 'Self-made council', reason: 'Tự thành lập' })).status).toBe(403);
    for (const [userId, role] of [['uyvien4.hoidong-tw', 'CHAIR'], ['thuky.hoidong-tw', 'SECRETARY'], ['uyvien5.hoidong-tw', 'MEMBER']]) {
      expect((await admin.post(`/councils/hd-${unitId}/members`, { userId, role, reason: 'Quyết định 2/QĐ-SM kiện toàn' })).status).toBe(201);
    }
    const members = await admin.get(`/councils/hd-${unitId}/members`);
    expect(members.body.items.map((t: { role: string }) => t.role).sort()).toEqual(['CHAIR', 'MEMBER', 'SECRETARY']);
    const audit = await stack.ds.query(`SELECT event_type FROM audit_log WHERE stream=$1 ORDER BY stream_seq`, [`council-members:hd-${unitId}`]);
    expect(audit.map((r: { event_type: string }) => r.event_type)).toEqual(['CouncilFormed', 'MemberAppointed', 'MemberAppointed', 'MemberAppointed']);
  });
});
