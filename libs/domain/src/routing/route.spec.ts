import { awardDefinition } from '../catalogue/catalogue';
import { councilIdFor, currentUnit, planRoute, postingAt, type OrgUnit } from './route';

/** A province with a ceased predecessor merged into it, and the central bodies. */
const ORG: OrgUnit[] = [
  { id: 'gov', parentId: null, kind: 'GOVERNMENT', level: 'CENTRAL' },
  { id: 'board', parentId: 'gov', kind: 'CENTRAL_BOARD', level: 'CENTRAL' },
  { id: 'office', parentId: null, kind: 'PRESIDENT_OFFICE', level: 'CENTRAL' },
  { id: 'president', parentId: null, kind: 'PRESIDENT', level: 'CENTRAL' },
  { id: 'pc', parentId: 'gov', kind: 'PROVINCE_PC', level: 'PROVINCE' },
  { id: 'home', parentId: 'pc', kind: 'HOME_AFFAIRS', level: 'PROVINCE' },
  { id: 'old-pc', parentId: 'gov', kind: 'PROVINCE_PC', level: 'PROVINCE', validTo: '2025-06-30', successorId: 'pc' },
  { id: 'old-home', parentId: 'old-pc', kind: 'HOME_AFFAIRS', level: 'PROVINCE', validTo: '2025-06-30', successorId: 'home' },
  { id: 'school', parentId: 'pc', kind: 'DEPARTMENT', level: 'UNIT' },
  { id: 'old-school', parentId: 'old-pc', kind: 'DEPARTMENT', level: 'UNIT', validTo: '2025-06-30', successorId: 'school' },
  { id: 'old-unit', parentId: 'old-pc', kind: 'DEPARTMENT', level: 'UNIT' },
];
const ON = { date: '2025-09-01' };

describe('planRoute', () => {
  it('a title the district Chairman gave (2024 catalogue) is proposed by the commune and decided by its district; with no district it is refused', () => {
    const withDistrict: OrgUnit[] = [...ORG, { id: 'district', parentId: 'pc', kind: 'DISTRICT_PC', level: 'UNIT' }, { id: 'commune', parentId: 'district', kind: 'COMMUNE', level: 'UNIT' }, { id: 'lone-commune', parentId: 'pc', kind: 'COMMUNE', level: 'UNIT' }];
    const in2024 = { date: '2024-12-10' };
    for (const code of ['THON_VH', 'XA_TIEUBIEU', 'GK_HUYEN'] as const) {
      expect(planRoute(withDistrict, 'commune', awardDefinition(code, '2024-12-31'), in2024)).toEqual([{ level: 'UNIT', reviewUnitId: 'commune', decisionUnitId: 'district' }]);
    }
    expect(() => planRoute(withDistrict, 'lone-commune', awardDefinition('THON_VH', '2024-12-31'), in2024)).toThrow(expect.objectContaining({ code: 'NO_DISTRICT', field: 'awardCode' }));
    // From 01/07/2025 the commune Chairman gives it: the unit decides.
    expect(planRoute(withDistrict, 'commune', awardDefinition('THON_VH', ON.date), ON)[0].decisionUnitId).toBe('commune');
  });

  it('a Giấy khen stays in the unit: its reviewers and its head, no council', () => {
    expect(planRoute(ORG, 'school', awardDefinition('GK_DONVI', ON.date), ON)).toEqual([{ level: 'UNIT', reviewUnitId: 'school', decisionUnitId: 'school' }]);
  });

  it('a provincial Bằng khen goes from the unit to Sở Nội vụ and the Chairman', () => {
    const route = planRoute(ORG, 'school', awardDefinition('BK_TINH', ON.date), ON);
    expect(route.map((s) => [s.level, s.reviewUnitId, s.decisionUnitId])).toEqual([
      ['UNIT', 'school', 'school'],
      ['PROVINCE', 'home', 'pc'],
    ]);
  });

  it('a provincial title goes to the provincial council with its rule, unless the procedure is simplified', () => {
    const award = awardDefinition('CSTD_TINH', ON.date);
    const province = planRoute(ORG, 'school', award, ON).find((s) => s.level === 'PROVINCE')!;
    expect(province.council).toEqual({ councilId: councilIdFor('PROVINCE', 'pc'), ruleKey: 'PROVINCE_DEFAULT' });
    const overridden = planRoute(ORG, 'school', award, { ...ON, ruleKeyFor: (councilId, key) => `${councilId}:${key}:X` }).find((s) => s.level === 'PROVINCE')!;
    expect(overridden.council!.ruleKey).toBe('hd-pc:PROVINCE_DEFAULT:X');
    expect(planRoute(ORG, 'school', award, { ...ON, simplified: true }).some((s) => s.council)).toBe(false);
  });

  it('a Labour Order ends with the Government proposing, the President’s Office and the President', () => {
    const route = planRoute(ORG, 'school', awardDefinition('HCLD3', ON.date), ON);
    const central = route.find((s) => s.level === 'CENTRAL')!;
    expect(central).toMatchObject({ reviewUnitId: 'board', decisionUnitId: 'gov', president: { proposerUnitId: 'gov', officeUnitId: 'office', presidentUnitId: 'president' } });
    expect(route.find((s) => s.level === 'PROVINCE')!.posting).toMatchObject({ kind: 'PUBLIC_POSTING', days: 10, unit: 'WORKING_DAYS' });
  });

  it('after a merger, a surviving unit of the old province is routed to the successor province', () => {
    const route = planRoute(ORG, 'old-unit', awardDefinition('BK_TINH', ON.date), ON);
    expect(route.find((s) => s.level === 'PROVINCE')).toMatchObject({ reviewUnitId: 'home', decisionUnitId: 'pc' });
  });

  it('refuses a ceased unit by name of its successor, an unknown unit, and a non-grassroots submitter', () => {
    expect(() => planRoute(ORG, 'old-school', awardDefinition('GK_DONVI', ON.date), ON)).toThrow(expect.objectContaining({ code: 'UNIT_CEASED', messageEn: expect.stringContaining('successor school') }));
    expect(() => planRoute(ORG, 'nowhere', awardDefinition('GK_DONVI', ON.date), ON)).toThrow(expect.objectContaining({ code: 'UNKNOWN_UNIT', field: 'unitId' }));
    expect(() => planRoute(ORG, 'home', awardDefinition('GK_DONVI', ON.date), ON)).toThrow(expect.objectContaining({ code: 'NOT_GRASSROOTS' }));
  });

  it('refuses a route whose bodies are not configured', () => {
    const noPresident = ORG.filter((u) => u.kind !== 'PRESIDENT');
    expect(() => planRoute(noPresident, 'school', awardDefinition('HCLD3', ON.date), ON)).toThrow(expect.objectContaining({ code: 'ROUTE_INCOMPLETE' }));
    const noHomeAffairs = ORG.filter((u) => u.id !== 'home');
    expect(() => planRoute(noHomeAffairs, 'school', awardDefinition('BK_TINH', ON.date), ON)).toThrow(expect.objectContaining({ code: 'ROUTE_INCOMPLETE' }));
  });
});

describe('currentUnit and postingAt', () => {
  it('follows successors only once a unit has ceased', () => {
    const byId = new Map(ORG.map((u) => [u.id, u]));
    expect(currentUnit(byId, 'old-pc', '2025-06-30')!.id).toBe('old-pc');
    expect(currentUnit(byId, 'old-pc', '2025-07-01')!.id).toBe('pc');
    expect(currentUnit(byId, 'missing', '2025-07-01')).toBeUndefined();
  });

  it('the central consultation applies at the central level of an award that has it', () => {
    const award = awardDefinition('CSTD_TQ', ON.date);
    expect(postingAt(award, 'CENTRAL')).toMatchObject({ kind: 'CENTRAL_CONSULTATION', unit: 'WORKING_DAYS' });
    expect(postingAt(awardDefinition('GK_DONVI', ON.date), 'UNIT')).toBeUndefined();
  });
});
