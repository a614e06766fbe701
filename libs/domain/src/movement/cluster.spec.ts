import { rankCluster, rotation, weightedTotal, type ClusterDefinition, type ScoreSheet } from './cluster';

const cluster: ClusterDefinition = {
  id: 'c', nameVi: 'Cụm', nameEn: 'Cluster', kind: 'CUM', members: ['a', 'b', 'c', 'd'], firstYear: 2023,
  criteria: [{ code: 'K1', nameVi: 'Nhiệm vụ', nameEn: 'Tasks', weight: 3, maxScore: 10 }, { code: 'K2', nameVi: 'Phong trào', nameEn: 'Movement', weight: 1, maxScore: 10 }],
  quotas: { flag: 1, certificate: 2 }, pledgeVi: 'Giao ước',
};
const same = (k1: number, k2: number) => ({ K1: k1, K2: k2 });
const sheet = (scores: Record<string, [number, number]>): ScoreSheet => Object.fromEntries(Object.entries(scores).map(([u, [k1, k2]]) => [u, same(k1, k2)]));

describe('emulation clusters', () => {
  it('rotates the leader and the deputy through the members, year by year', () => {
    expect([2023, 2024, 2026, 2027].map((y) => rotation(cluster, y))).toEqual([
      { leaderUnitId: 'a', deputyUnitId: 'b' }, { leaderUnitId: 'b', deputyUnitId: 'c' }, { leaderUnitId: 'd', deputyUnitId: 'a' }, { leaderUnitId: 'a', deputyUnitId: 'b' },
    ]);
    expect(rotation(cluster, 2022)).toEqual({ leaderUnitId: 'd', deputyUnitId: 'a' });
  });

  it('weighs criteria and caps a score at the criterion’s maximum', () => {
    expect(weightedTotal(cluster.criteria, same(10, 10))).toBe(100);
    expect(weightedTotal(cluster.criteria, same(10, 0))).toBe(75);
    expect(weightedTotal(cluster.criteria, same(15, -2))).toBe(75);
    expect(weightedTotal(cluster.criteria, undefined)).toBeNull();
    expect(weightedTotal([], same(1, 1))).toBeNull();
  });

  it('ranks by what the others gave, never by a unit’s own sheet, and proposes within the quotas', () => {
    const r = rankCluster(cluster, {
      a: sheet({ a: [10, 10], b: [8, 8], c: [6, 6], d: [4, 4] }),
      b: sheet({ a: [9, 9], b: [10, 10], c: [7, 7], d: [5, 5] }),
      c: sheet({ a: [9, 9], b: [8, 8], c: [10, 10], d: [5, 5] }),
      d: sheet({ a: [8, 8], b: [9, 9], c: [7, 7], d: [10, 10] }),
    });
    expect(r.map((x) => [x.unitId, x.rank, x.peerScore, x.selfScore, x.proposal])).toEqual([
      ['a', 1, 86.67, 100, 'CO_TINH'], ['b', 2, 83.33, 100, 'BK_TINH'], ['c', 3, 66.67, 100, 'BK_TINH'], ['d', 4, 46.67, 100, null],
    ]);
  });

  it('marks a tie, and proposes neither award to a tie across a quota’s edge', () => {
    const r = rankCluster({ ...cluster, quotas: { flag: 1, certificate: 1 } }, {
      a: sheet({ b: [8, 8], c: [8, 8], d: [5, 5] }),
      b: sheet({ a: [9, 9], c: [8, 8], d: [5, 5] }),
      c: sheet({ a: [9, 9], b: [8, 8], d: [5, 5] }),
      d: sheet({ a: [9, 9], b: [8, 8], c: [8, 8] }),
    });
    expect(r.map((x) => [x.unitId, x.rank, x.tied, x.proposal])).toEqual([['a', 1, false, 'CO_TINH'], ['b', 2, true, null], ['c', 2, true, null], ['d', 4, false, null]]);
  });

  it('proposes nothing for a unit nobody scored', () => {
    const r = rankCluster(cluster, { a: sheet({ a: [10, 10] }) });
    expect(r.every((x) => x.proposal === null && x.scoredBy === 0)).toBe(true);
  });
});

describe('phase reviews', () => {
  it('adds up the units’ figures and counts who reported, late, or not at all', async () => {
    const { aggregateReports } = await import('./phase-review');
    const f = (n: number) => ({ collectivesCommended: n, individualsCommended: 2 * n, frontLineCommended: n, modelsFound: 1, initiatives: 0 });
    expect(aggregateReports([
      { unitId: 'a', status: 'SUBMITTED', late: false, figures: f(1) },
      { unitId: 'b', status: 'SUBMITTED', late: true, figures: f(2) },
      { unitId: 'c', status: 'MISSING', late: false },
    ])).toEqual({ units: 3, submitted: 2, late: 1, missing: 1, figures: { collectivesCommended: 3, individualsCommended: 6, frontLineCommended: 3, modelsFound: 2, initiatives: 0 } });
  });
});
