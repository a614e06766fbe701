import { commendationReport, type CountCell } from './commendation-report';

describe('the statistical report of commendation', () => {
  const cell = (awardCode: string, nomineeKind: CountCell['nomineeKind'], unitId: string, awarded: number, priority: number): CountCell => ({ awardCode, nomineeKind, unitId, unitNameVi: `Đơn vị ${unitId}`, unitNameEn: null, awarded, priority });
  const report = commendationReport([
    cell('GK_DONVI', 'INDIVIDUAL', 'so-gddt', 5, 3),
    cell('GK_DONVI', 'COLLECTIVE', 'so-gddt', 2, 2),
    cell('BK_TINH', 'INDIVIDUAL', 'so-yte', 4, 1),
    cell('HCLD3', 'INDIVIDUAL', 'so-yte', 1, 0),
    cell('GK_XA', 'HOUSEHOLD', 'xa-dak-ha', 1, 1),
  ], { from: '2025-01-01', to: '2025-12-31' });

  it('counts each award by recipient kind, largest first, with the priority groups', () => {
    expect(report.byAward.map((r) => [r.key, r.individuals, r.collectives, r.households, r.total, r.priority])).toEqual([
      ['GK_DONVI', 5, 2, 0, 7, 5],
      ['BK_TINH', 4, 0, 0, 4, 1],
      ['GK_XA', 0, 0, 1, 1, 1],
      ['HCLD3', 1, 0, 0, 1, 0],
    ]);
    expect(report.byAward[0].labelVi).toMatch(/^Giấy khen/);
  });

  it('groups by the level that decides each award, in the ladder’s order', () => {
    expect(report.byLevel.map((r) => [r.key, r.total])).toEqual([['UNIT', 8], ['PROVINCE', 4], ['CENTRAL', 1]]);
    expect(report.byLevel[2].labelVi).toContain('Chủ tịch nước');
  });

  it('groups by submitting unit, and totals everything once', () => {
    expect(report.byUnit.map((r) => [r.key, r.labelVi, r.labelEn, r.total])).toEqual([
      ['so-gddt', 'Đơn vị so-gddt', 'Đơn vị so-gddt', 7], ['so-yte', 'Đơn vị so-yte', 'Đơn vị so-yte', 5], ['xa-dak-ha', 'Đơn vị xa-dak-ha', 'Đơn vị xa-dak-ha', 1],
    ]);
    expect(report.total).toMatchObject({ individuals: 10, collectives: 2, households: 1, total: 13, priority: 7 });
  });

  it('names an award code it does not know by its code, under an unknown level', () => {
    const r = commendationReport([cell('NO_SUCH', 'INDIVIDUAL', 'u', 1, 0)], { from: '2025-01-01', to: '2025-12-31' });
    expect([r.byAward[0].labelVi, r.byLevel[0].key]).toEqual(['NO_SUCH', 'UNKNOWN']);
  });
});
