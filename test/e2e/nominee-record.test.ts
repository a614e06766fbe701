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
});
