import { startStack, type Session, type Stack } from '../support/stack';
import { person } from '../support/nominations';

/**
 * Drafts (hồ sơ nháp) through the real API and PostgreSQL: kept by the unit for its clerks, and
 * never holding a personal identification number, which is kept nowhere in clear.
 */
describe('drafts', () => {
  let stack: Stack;
  let clerk: Session, colleague: Session, otherUnitClerk: Session, reviewer: Session;
  beforeAll(async () => {
    stack = await startStack();
    [clerk, otherUnitClerk, reviewer] = await Promise.all(['vanthu.so-gddt', 'vanthu.so-yte', 'thamdinh.so-gddt'].map((u) => stack.login(u)));
    colleague = await stack.login('vanthu.so-gddt');
  });
  afterAll(() => stack?.close());

  const form = (over: Record<string, unknown> = {}) => ({ kind: 'INDIVIDUAL', name: 'Vũ Thị Nháp', birthYear: '1984', position: 'Giáo viên', awardCode: 'GK_DONVI', year: '2025', achievements: 'Đang soạn…', ...over });

  it('saves, lists, reopens, updates and discards a draft; the unit’s clerks share it', async () => {
    const { personalId } = person('Vũ Thị Nháp', 1984);
    const created = await clerk.post('/drafts', { body: form({ personalId }), awardCode: 'GK_DONVI' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Vũ Thị Nháp', awardCode: 'GK_DONVI', createdBy: 'vanthu.so-gddt', body: form() });
    // The personal identification number was dropped, and is nowhere in the database.
    expect(created.body.body.personalId).toBeUndefined();
    const [stored] = await stack.ds.query(`SELECT body::text AS body FROM nomination_draft WHERE id = $1`, [created.body.id]);
    expect(stored.body).not.toContain(personalId);

    const listed = await colleague.get('/drafts');
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(created.body.id);
    const updated = await colleague.request('PUT', `/drafts/${created.body.id}`, { body: form({ achievements: 'Hoàn thành xuất sắc nhiệm vụ.' }) });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ updatedBy: 'vanthu.so-gddt', body: { achievements: 'Hoàn thành xuất sắc nhiệm vụ.' } });
    expect((await clerk.get(`/drafts/${created.body.id}`)).body.body.achievements).toBe('Hoàn thành xuất sắc nhiệm vụ.');

    const discarded = await clerk.post(`/drafts/${created.body.id}/discard`);
    expect(discarded.status).toBe(200);
    expect(discarded.body.items.map((d: { id: string }) => d.id)).not.toContain(created.body.id);
    expect((await clerk.get(`/drafts/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a personal identification number typed anywhere else in the form, and a draft too large to be a form', async () => {
    const { personalId } = person();
    for (const body of [form({ achievements: `CCCD ${personalId}` }), form({ notes: { id: personalId } })]) {
      const res = await clerk.post('/drafts', { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'PERSONAL_ID_IN_DRAFT', messageVi: expect.stringMatching(/số định danh/) });
    }
    // A file's SHA-256 is not typed: a hash whose hex holds a run of twelve digits is no personal number.
    const hashed = await clerk.post('/drafts', { body: form({ documents: [{ name: 'Báo cáo thành tích.pdf', sha256: `abcdef${'123456789012'}ab${'0'.repeat(44)}`.slice(0, 64), component: 'BAO_CAO_THANH_TICH' }] }) });
    expect(hashed.status).toBe(201);
    // A number typed as a file's name is still refused.
    expect((await clerk.post('/drafts', { body: form({ documents: [{ name: `CCCD ${personalId}.pdf`, sha256: 'f'.repeat(64) }] }) })).body.code).toBe('PERSONAL_ID_IN_DRAFT');
    const large = await clerk.post('/drafts', { body: form({ achievements: 'x'.repeat(70_000) }) });
    expect(large.body.code).toBe('DRAFT_TOO_LARGE');
    expect((await clerk.post('/drafts', { body: 'not an object' })).status).toBe(400);
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM nomination_draft WHERE body::text LIKE $1`, [`%${personalId}%`]))[0].n).toBe(0);
  });

  it('keeps a unit’s drafts from everyone else: another unit reads the 404 of a missing draft, a reviewer is refused', async () => {
    const mine = (await clerk.post('/drafts', { body: form({ name: 'Bản nháp riêng' }) })).body;
    expect((await otherUnitClerk.get(`/drafts/${mine.id}`)).status).toBe(404);
    expect((await otherUnitClerk.request('PUT', `/drafts/${mine.id}`, { body: form() })).status).toBe(404);
    expect((await otherUnitClerk.post(`/drafts/${mine.id}/discard`)).status).toBe(404);
    expect((await otherUnitClerk.get('/drafts')).body.items.map((d: { id: string }) => d.id)).not.toContain(mine.id);
    expect((await reviewer.get('/drafts')).body.code).toBe('CLERK_REQUIRED');
    expect((await reviewer.get(`/drafts/${mine.id}`)).status).toBe(403);
    expect((await clerk.get(`/drafts/${mine.id}`)).body.title).toBe('Bản nháp riêng');
  });
});
