import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, dossier, person, waitForStatus, waitForStep } from '../support/nominations';

describe("the nominee's record", () => {
  let stack: Stack;
  let clerk: Session, otherClerk: Session, reviewer: Session, head: Session, auditor: Session;
  beforeAll(async () => {
    stack = await startStack();
    [clerk, otherClerk, reviewer, head, auditor] = await Promise.all(['vanthu.so-gddt', 'vanthu.so-yte', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  it('keeps ratings, initiatives, disciplines and hand-entered awards, with validation', async () => {
    const binh = person('Lê Văn Bình', 1979);
    const reg = await clerk.post('/nominees', { ...binh, recruitedOn: '2010-09-01' });
    expect(reg.status).toBe(201);
    const id = reg.body.id;
    // The same person, however the name is typed: the personal identification number decides.
    const again = await clerk.post('/nominees', { ...binh, name: 'LÊ VĂN  BÌNH'.normalize('NFD') });
    expect(again.body.id).toBe(id);
    expect((await clerk.post('/nominees', { ...binh, personalId: undefined })).body.code).toBe('PERSONAL_ID_REQUIRED');
    for (const [year, rating] of [[2023, 'HTXSNV'], [2024, 'HTXSNV'], [2025, 'HTTNV']] as const) {
      expect((await clerk.post(`/nominees/${id}/ratings`, { year, rating })).status).toBe(200);
    }
    await clerk.post(`/nominees/${id}/initiatives`, { year: 2024, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'Số hoá hồ sơ học sinh', recognizedBy: '15/QĐ-SGDĐT' });
    await clerk.post(`/nominees/${id}/disciplines`, { from: '2019-03-01', to: '2019-09-01', level: 'KHIEN_TRACH' });
    const manual = await clerk.post(`/nominees/${id}/awards`, { awardCode: 'BK_TINH', year: 2018, decisionNumber: '1234/QĐ-UBND', decidedOn: '2018-12-20' });
    expect(manual.status).toBe(200);
    const rec = manual.body.record;
    expect(rec.ratings).toEqual([{ year: 2023, rating: 'HTXSNV' }, { year: 2024, rating: 'HTXSNV' }, { year: 2025, rating: 'HTTNV' }]);
    expect(rec.initiatives).toEqual([{ year: 2024, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'Số hoá hồ sơ học sinh' }]);
    expect(rec.disciplines).toEqual([{ from: '2019-03-01', to: '2019-09-01', level: 'KHIEN_TRACH', underReview: false }]);
    expect(rec.awards).toEqual([expect.objectContaining({ code: 'BK_TINH', year: 2018, decisionNumber: '1234/QĐ-UBND', source: 'MANUAL' })]);
    expect(rec.recruitedOn).toBe('2010-09-01');

    const bad = await clerk.post(`/nominees/${id}/awards`, { awardCode: 'BK_TINH', year: 2018, decisionNumber: 'QĐ 1234', decidedOn: '2018-12-20' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('decisionNumber');
    const reversed = await clerk.post(`/nominees/${id}/disciplines`, { from: '2020-03-01', to: '2019-09-01', level: 'KHIEN_TRACH' });
    expect(reversed.status).toBe(400);
    // Another unit learns nothing: the same 404 as for a nominee that does not exist.
    const foreign = await otherClerk.post(`/nominees/${id}/ratings`, { year: 2022, rating: 'HTXSNV' });
    expect(foreign.status).toBe(404);
    expect((await otherClerk.get(`/nominees/${id}/record`)).status).toBe(404);
    expect((await auditor.get(`/nominees/${id}/record`)).status).toBe(200);
  });

  it('collectives keep yearly member figures that cannot exceed the membership', async () => {
    const { body } = await clerk.post('/nominees', { kind: 'COLLECTIVE', name: 'Tổ Toán - Tin, Trường THPT Gia Nghĩa' });
    const ok = await clerk.post(`/nominees/${body.id}/collective-years`, { year: 2025, members: 10, membersCompletingTasks: 10, ldttCount: 7, cstdcsCount: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.record.collective).toEqual([{ year: 2025, members: 10, membersCompletingTasks: 10, ldttCount: 7, cstdcsCount: 1 }]);
    const tooMany = await clerk.post(`/nominees/${body.id}/collective-years`, { year: 2025, members: 10, ldttCount: 11 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.field).toBe('ldttCount');
  });

  it('a collective that led its emulation cluster can be judged for the provincial flag; one that did not, cannot win it', async () => {
    const nominee = { kind: 'COLLECTIVE', name: `Trường THPT Dẫn Đầu Cụm ${Date.now()}` };
    const { body } = await clerk.post('/nominees', nominee);
    const flag = async () => (await clerk.post('/eligibility/evaluate', { awardCode: 'CO_TINH', nominee, year: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' } })).body.criteria.find((c: { id: string }) => c.id === 'CO_TINH.leader');
    // Nothing recorded about the cluster yet: the engine cannot decide.
    expect((await flag()).outcome).toBe('UNKNOWN');
    const led = await clerk.post(`/nominees/${body.id}/collective-years`, { year: 2025, members: 40, clusterLedBy: 'PROVINCE' });
    expect(led.body.record.clusterLeadership).toEqual([{ year: 2025, organisedBy: 'PROVINCE' }]);
    expect((await flag()).outcome).toBe('MET');
    await clerk.post(`/nominees/${body.id}/collective-years`, { year: 2025, members: 40, clusterLedBy: 'NONE' });
    expect((await flag()).outcome).toBe('NOT_MET');
    expect((await clerk.post(`/nominees/${body.id}/collective-years`, { year: 2025, members: 40, clusterLedBy: 'DISTRICT' })).body.field).toBe('clusterLedBy');
  });

  it('awards issued through the ladder enter the same record', async () => {
    const body = dossier('GK_DONVI');
    const sub = await clerk.post('/nominations', body);
    await approveLevel(stack, reviewer, sub.body.id, 'UNIT');
    await waitForStep(head, sub.body.id, 'AWAITING_DECISION', 'UNIT');
    const decided = await head.post(`/nominations/${sub.body.id}/decide`, { action: 'CONFER' });
    await waitForStatus(clerk, sub.body.id, 'AWARDED');
    const rec = await clerk.get(`/nominees/${sub.body.nomineeId}/record`);
    expect(rec.body.record.awards).toEqual([expect.objectContaining({ code: 'GK_DONVI', source: 'REGISTER', decisionNumber: decided.body.decision.number })]);
  });
  it('lists the people a unit keeps, found by name without accents, with their latest rating; another unit sees none of them', async () => {
    const mark = `Hồ Thị Danh Sách ${Date.now()}`;
    const reg = await clerk.post('/nominees', person(mark, 1985));
    await clerk.post(`/nominees/${reg.body.id}/ratings`, { year: 2024, rating: 'HTTNV' });
    await clerk.post(`/nominees/${reg.body.id}/ratings`, { year: 2025, rating: 'HTXSNV' });
    await clerk.post(`/nominees/${reg.body.id}/awards`, { awardCode: 'GK_DONVI', year: 2024, decisionNumber: '77/QĐ-SGDĐT', decidedOn: '2024-12-15' });
    const found = await clerk.get(`/nominees?q=${encodeURIComponent('ho thi danh sach')}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ page: 1, total: 1 });
    expect(found.body.items[0]).toEqual({ id: reg.body.id, name: mark, kind: 'INDIVIDUAL', birthYear: 1985, latestRating: { year: 2025, rating: 'HTXSNV' }, awards: 1 });
    // Kept by its unit: another unit's clerk finds nothing, not even that the name exists.
    expect((await otherClerk.get(`/nominees?q=${encodeURIComponent('ho thi danh sach')}`)).body).toMatchObject({ total: 0, items: [] });
    expect((await clerk.get('/nominees?pageSize=0')).status).toBe(400);
    expect((await clerk.get('/nominees?kind=ROBOT')).status).toBe(400);
  });

  it('a dossier links to its nominee’s record, and warns when the same award was given the year before', async () => {
    const body = dossier('GK_DONVI');
    const { kind, name, birthYear, personalId } = body.nominee;
    const { body: nominee } = await clerk.post('/nominees', { kind, name, birthYear, personalId });
    await clerk.post(`/nominees/${nominee.id}/awards`, { awardCode: 'GK_DONVI', year: 2024, decisionNumber: '88/QĐ-SGDĐT', decidedOn: '2024-12-20' });
    const sub = await clerk.post('/nominations', body);
    const n = await waitForStep(reviewer, sub.body.id, 'IN_REVIEW', 'UNIT');
    expect(n).toMatchObject({ nomineeId: nominee.id, sameAwardYearBefore: { year: 2024, decisionNumber: '88/QĐ-SGDĐT' } });
    // Another award form, or none the year before: no warning.
    const other = await clerk.post('/nominations', dossier('GK_DONVI'));
    expect((await waitForStep(reviewer, other.body.id, 'IN_REVIEW', 'UNIT')).sameAwardYearBefore).toBeNull();
  });
});
