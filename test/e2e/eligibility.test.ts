import { startStack, type Session, type Stack } from '../support/stack';
import { dossier, person, waitForStep } from '../support/nominations';

describe('eligibility in the review step', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session;
  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer] = await Promise.all(['vanthu.xa-dak-ha', 'thamdinh.xa-dak-ha'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  it('evaluates a hypothetical nomination against the record, with citations', async () => {
    const lan = person(`Phạm Thị Lan ${Date.now()}`, 1990);
    const { body: n } = await clerk.post('/nominees', lan);
    await clerk.post(`/nominees/${n.id}/awards`, { awardCode: 'CSTDCS', year: 2024, decisionNumber: '12/QĐ-UBND', decidedOn: '2024-12-20' });
    await clerk.post(`/nominees/${n.id}/awards`, { awardCode: 'CSTDCS', year: 2025, decisionNumber: '30/QĐ-UBND', decidedOn: '2025-12-20' });
    const res = await clerk.post('/eligibility/evaluate', { awardCode: 'BK_TINH', nominee: lan, year: 2025, achievementPeriod: { from: '2024-01-01', to: '2025-12-31' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'ELIGIBLE', catalogueVersion: '2025.2', alternativeMet: { vi: expect.stringContaining('Điều 74(1), điểm d'), en: expect.stringContaining('Art 74(1), point (d)') } });
    expect(res.body.criteria.find((c: any) => c.id === 'BK_TINH.d.titles').citation[0]).toMatchObject({ article: '74', clause: '1', point: 'd' });
    const movements = await clerk.get('/movements');
    expect(movements.body[0]).toMatchObject({ documentNumber: '823/KH-UBND' });
    const withMovement = await clerk.post('/nominations', dossier('GK_DONVI', { movementId: 'ke-hoach-823-kh-ubnd-2022' }));
    expect(withMovement.status).toBe(201);
    const unknownMovement = await clerk.post('/nominations', dossier('GK_DONVI', { movementId: 'khong-co' }));
    expect(unknownMovement.body).toMatchObject({ code: 'UNKNOWN_MOVEMENT', field: 'movementId' });
    const catalogue = await clerk.get('/catalogue');
    expect(catalogue.body.map((v: any) => v.version)).toEqual(['2024.1', '2025.2']);
  });

  it('shows the reviewer the explanation; approving against it needs a recorded justification', async () => {
    const sub = await clerk.post('/nominations', dossier('GK_DONVI'));
    await clerk.post(`/nominees/${sub.body.nomineeId}/ratings`, { year: 2025, rating: 'HTNV' });
    const n = await waitForStep(reviewer, sub.body.id, 'IN_REVIEW', 'UNIT');
    expect(n.eligibility).toMatchObject({ award: 'GK_DONVI', catalogueVersion: '2025.2' });
    expect(['NOT_ELIGIBLE', 'CANNOT_DECIDE']).toContain(n.eligibility.outcome);
    expect(n.eligibility.criteria[0].citation.length).toBeGreaterThan(0);
    const refused = await reviewer.post(`/nominations/${sub.body.id}/review`, { action: 'APPROVE' });
    expect(refused.body.code).toBe('JUSTIFICATION_REQUIRED');
  });

  it('an eligible nominee is appraised ELIGIBLE and can be approved without justification', async () => {
    // Bằng khen of the provincial Chairman, point (d), is rules only: two consecutive grassroots
    // emulation-fighter titles meet it outright.
    const body = dossier('BK_TINH');
    const { kind, name, birthYear, personalId } = body.nominee;
    const { body: nominee } = await clerk.post('/nominees', { kind, name, birthYear, personalId });
    for (const year of [2024, 2025]) {
      expect((await clerk.post(`/nominees/${nominee.id}/awards`, { awardCode: 'CSTDCS', year, decisionNumber: `${year - 2000}/QĐ-SGDĐT`, decidedOn: `${year}-12-20` })).status).toBe(200);
    }
    const sub = await clerk.post('/nominations', body);
    expect(sub.body.nomineeId).toBe(nominee.id);
    const n = await waitForStep(reviewer, sub.body.id, 'IN_REVIEW', 'UNIT');
    expect(n.eligibility.outcome).toBe('ELIGIBLE');
    expect(n.eligibility.summaryVi).toMatch(/^Đủ điều kiện/);
    expect((await reviewer.post(`/nominations/${sub.body.id}/review`, { action: 'APPROVE' })).status).toBe(200);
  });
});
