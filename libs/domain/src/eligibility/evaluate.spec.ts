import { evaluateEligibility } from './evaluate';
import { ceilShare } from './policy';
import type { EvaluationRequest, NomineeRecord } from './types';

const person = (over: Partial<NomineeRecord> = {}): NomineeRecord => ({ kind: 'INDIVIDUAL', ratings: [], awards: [], initiatives: [], disciplines: [], ...over });
const collective = (over: Partial<NomineeRecord> = {}): NomineeRecord => person({ kind: 'COLLECTIVE', ...over });
const ratings = (from: number, to: number, rating = 'HTTNV') => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, rating }));
const title = (code: string, year: number) => ({ code, year, source: 'REGISTER' as const });
const ask = (award: EvaluationRequest['award'], record: NomineeRecord, over: Partial<EvaluationRequest> = {}) =>
  evaluateEligibility({ award, record, proposalYear: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' }, asOf: '2026-01-15', ...over });
const criterion = (r: ReturnType<typeof ask>, id: string) => r.criteria.find((c) => c.id === id)!;

describe('R-LDTT', () => {
  it('HTTNV is enough, HTNV is not, a missing rating cannot decide', () => {
    expect(ask('LDTT', person({ ratings: ratings(2025, 2025) })).outcome).toBe('ELIGIBLE');
    expect(ask('LDTT', person({ ratings: ratings(2025, 2025, 'HTNV') })).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('LDTT', person()).outcome).toBe('CANNOT_DECIDE');
  });
  it('recruited on 30 June counts six months; on 1 July it does not', () => {
    expect(ask('LDTT', person({ ratings: ratings(2025, 2025), recruitedOn: '2025-06-30' })).outcome).toBe('ELIGIBLE');
    expect(ask('LDTT', person({ ratings: ratings(2025, 2025), recruitedOn: '2025-07-01' })).outcome).toBe('NOT_ELIGIBLE');
  });
});

describe('R-CSTDCS', () => {
  it.each([
    ['HTXSNV', { ratings: ratings(2025, 2025, 'HTXSNV') }, 'Art 23(2) — HTXSNV'],
    ['an initiative', { ratings: ratings(2025, 2025), initiatives: [{ year: 2025, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'x' }] }, 'Art 23(2) — sáng kiến / initiative'],
    ['S&T work', { ratings: ratings(2025, 2025), initiatives: [{ year: 2025, level: 'PROVINCE', kind: 'SCIENCE_TECH', title: 'x' }] }, 'Art 23(2) — đề tài khoa học / S&T work'],
    ['combat ingenuity', { ratings: ratings(2025, 2025), initiatives: [{ year: 2025, level: 'GRASSROOTS', kind: 'COMBAT_INGENUITY', title: 'x' }] }, 'Art 23(2) — mưu trí, sáng tạo trong chiến đấu / combat ingenuity'],
  ])('is met through %s and says which alternative', (_, rec, alternative) => {
    const r = ask('CSTDCS', person(rec as Partial<NomineeRecord>));
    expect(r).toMatchObject({ outcome: 'ELIGIBLE', alternativeMet: alternative });
  });
  it('HTTNV without an initiative in the year is not enough; one from the previous year does not count', () => {
    expect(ask('CSTDCS', person({ ratings: ratings(2025, 2025), initiatives: [{ year: 2024, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'x' }] })).outcome).toBe('NOT_ELIGIBLE');
  });
});

describe('R-CSTD_TINH', () => {
  const initiative = [{ year: 2024, level: 'PROVINCE', kind: 'INITIATIVE', title: 'Số hoá' }];
  it('three consecutive CSTĐ cơ sở ending at the proposal year, with a province-wide initiative', () => {
    expect(ask('CSTD_TINH', person({ awards: [title('CSTDCS', 2023), title('CSTDCS', 2024), title('CSTDCS', 2025)], initiatives: initiative })).outcome).toBe('ELIGIBLE');
  });
  it('a gap in the three years fails, and a grassroots-only initiative fails', () => {
    const gap = ask('CSTD_TINH', person({ awards: [title('CSTDCS', 2022), title('CSTDCS', 2024), title('CSTDCS', 2025)], initiatives: initiative }));
    expect(criterion(gap, 'CSTD_TINH.cstdcs3')).toMatchObject({ outcome: 'NOT_MET', facts: { held: [2024, 2025] } });
    const local = ask('CSTD_TINH', person({ awards: [title('CSTDCS', 2023), title('CSTDCS', 2024), title('CSTDCS', 2025)], initiatives: [{ ...initiative[0], level: 'GRASSROOTS' }] }));
    expect(local.outcome).toBe('NOT_ELIGIBLE');
  });
});

describe('R-CSTD_TQ', () => {
  it('two provincial titles and a national initiative; one title is not enough', () => {
    const national = [{ year: 2025, level: 'NATIONAL', kind: 'SCIENCE_TECH', title: 'x' }];
    expect(ask('CSTD_TQ', person({ awards: [title('CSTD_TINH', 2022), title('CSTD_TINH', 2025)], initiatives: national })).outcome).toBe('ELIGIBLE');
    expect(ask('CSTD_TQ', person({ awards: [title('CSTD_TINH', 2025)], initiatives: national })).outcome).toBe('NOT_ELIGIBLE');
  });
});

describe('R-TTLDXS and R-TTLDTT: 70 % of members, exactly', () => {
  it('computes ceil(70 %) with integers', () => {
    expect([ceilShare(10, { numerator: 7, denominator: 10 }), ceilShare(9, { numerator: 7, denominator: 10 }), ceilShare(7, { numerator: 7, denominator: 10 })]).toEqual([7, 7, 5]);
  });
  const year = (ldttCount: number, extra = {}) => ({ year: 2025, members: 10, membersCompletingTasks: 10, ldttCount, cstdcsCount: 1, membersDisciplinedWarningOrAbove: 0, ...extra });
  it('TTLĐXS: 7 of 10 LĐTT passes, 6 of 10 fails; all must complete tasks; one CSTĐ cơ sở needed', () => {
    const rated = ratings(2025, 2025, 'HTXSNV');
    expect(ask('TTLDXS', collective({ ratings: rated, collective: [year(7)] })).outcome).toBe('ELIGIBLE');
    expect(criterion(ask('TTLDXS', collective({ ratings: rated, collective: [year(6)] })), 'TTLDXS.ldtt70')).toMatchObject({ outcome: 'NOT_MET', facts: { needed: 7 } });
    expect(ask('TTLDXS', collective({ ratings: rated, collective: [year(7, { membersCompletingTasks: 9 })] })).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('TTLDXS', collective({ ratings: rated, collective: [year(7, { cstdcsCount: 0 })] })).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('TTLDXS', collective({ ratings: ratings(2025, 2025), collective: [year(7)] })).outcome).toBe('NOT_ELIGIBLE');
  });
  it('TTLĐTT: the share is configuration (old law: more than half)', () => {
    const rec = collective({ ratings: ratings(2025, 2025), collective: [year(6)] });
    expect(ask('TTLDTT', rec).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('TTLDTT', rec, { policy: { ttldttLdttShare: { numerator: 51, denominator: 100 } } }).outcome).toBe('ELIGIBLE');
    expect(ask('TTLDTT', collective({ ratings: ratings(2025, 2025), collective: [year(8, { membersDisciplinedWarningOrAbove: 1 })] })).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('TTLDTT', collective({ ratings: ratings(2025, 2025) })).outcome).toBe('CANNOT_DECIDE');
  });
});

describe('R-BK_TINH(d)', () => {
  it('two consecutive CSTĐ cơ sở, or two HTXSNV years with two initiatives; otherwise the reviewer judges', () => {
    expect(ask('BK_TINH', person({ awards: [title('CSTDCS', 2024), title('CSTDCS', 2025)] }))).toMatchObject({ outcome: 'ELIGIBLE', alternativeMet: expect.stringContaining('CSTĐ cơ sở') });
    const twoInitiatives = person({ ratings: ratings(2024, 2025, 'HTXSNV'), initiatives: [{ year: 2024, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'a' }, { year: 2025, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'b' }] });
    expect(ask('BK_TINH', twoInitiatives)).toMatchObject({ outcome: 'ELIGIBLE', alternativeMet: expect.stringContaining('sáng kiến') });
    const oneInitiative = person({ ratings: ratings(2024, 2025, 'HTXSNV'), initiatives: [{ year: 2025, level: 'GRASSROOTS', kind: 'INITIATIVE', title: 'b' }] });
    const r = ask('BK_TINH', oneInitiative);
    expect(r.outcome).toBe('CANNOT_DECIDE');
    expect(r.criteria[0].reasonEn).toMatch(/not encoded/);
  });
});

describe('R-BK_TTG(b): a 5-year window up to the proposal', () => {
  const base = { awards: [title('BK_TINH', 2019), title('CSTDCS', 2021), title('CSTDCS', 2023), title('CSTDCS', 2025)] };
  it('five good years with three CSTĐ cơ sở passes; four years of ratings cannot decide', () => {
    expect(ask('BK_TTG', person({ ...base, ratings: ratings(2021, 2025) }))).toMatchObject({ outcome: 'ELIGIBLE', alternativeMet: 'Art 73(1)(b)' });
    expect(ask('BK_TTG', person({ ...base, ratings: ratings(2022, 2025) })).outcome).toBe('CANNOT_DECIDE');
  });
  it('the window-after-prerequisite reading is configurable (open question 7)', () => {
    const rec = person({ awards: [title('BK_TINH', 2022), title('CSTDCS', 2021), title('CSTDCS', 2023), title('CSTDCS', 2025)], ratings: ratings(2021, 2025) });
    expect(ask('BK_TTG', rec).outcome).toBe('ELIGIBLE');
    expect(ask('BK_TTG', rec, { policy: { bkTtgWindowAfterPrerequisite: true } }).outcome).toBe('CANNOT_DECIDE');
  });
});

describe('R-HCLD', () => {
  it('third class: PM Bằng khen, then five years HTTNV+ with one HTXSNV and three CSTĐ cơ sở', () => {
    const rec = person({ awards: [title('BK_TTG', 2020), title('CSTDCS', 2021), title('CSTDCS', 2022), title('CSTDCS', 2025)], ratings: [...ratings(2021, 2024), { year: 2025, rating: 'HTXSNV' }] });
    expect(ask('HCLD3', rec)).toMatchObject({ outcome: 'ELIGIBLE', alternativeMet: 'Art 44(1)(e)' });
    const tooRecent = person({ ...rec, awards: [title('BK_TTG', 2021), ...rec.awards.slice(1)] });
    expect(ask('HCLD3', tooRecent).outcome).toBe('CANNOT_DECIDE');
  });
  it('second class: third class, then five years with two HTXSNV and a provincial title', () => {
    const rec = person({ awards: [title('HCLD3', 2019), title('CSTD_TINH', 2024)], ratings: [...ratings(2021, 2023), ...ratings(2024, 2025, 'HTXSNV')] });
    expect(ask('HCLD2', rec).outcome).toBe('ELIGIBLE');
    expect(ask('HCLD2', person({ ...rec, ratings: [...ratings(2021, 2024), ...ratings(2025, 2025, 'HTXSNV')] })).outcome).toBe('CANNOT_DECIDE');
  });
});

describe('guards', () => {
  const eligible = person({ ratings: ratings(2025, 2025) });
  it('blocks a nominee under review or sanction, and counts achievements only after a sanction ends', () => {
    expect(ask('GK_DONVI', person({ ...eligible, disciplines: [{ from: '2025-10-01', level: 'KHIEN_TRACH', underReview: true }] })).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('GK_DONVI', person({ ...eligible, disciplines: [{ from: '2025-03-01', to: '2026-03-01', level: 'KHIEN_TRACH' }] })).outcome).toBe('NOT_ELIGIBLE');
    const ended = ask('BK_TINH', person({ awards: [title('CSTDCS', 2024), title('CSTDCS', 2025)], disciplines: [{ from: '2023-06-01', to: '2024-06-01', level: 'KHIEN_TRACH' }] }));
    expect(ended.outcome).toBe('CANNOT_DECIDE');
    expect(ended.guards[0].facts).toMatchObject({ countFromYear: 2025 });
  });
  it('an achievement already rewarded cannot back a second award; sudden awards do not count toward merit', () => {
    const rec = person({ ...eligible, awards: [{ ...title('GK_DONVI', 2025), achievementRef: 'cuu-nguoi-2025' }] });
    expect(ask('BK_TINH', rec, { achievementRef: 'cuu-nguoi-2025' }).guards.find((g) => g.id === 'GUARD.onceOnly')!.outcome).toBe('NOT_MET');
    const sudden = person({ awards: [{ ...title('CSTDCS', 2024), basis: 'SUDDEN' }, title('CSTDCS', 2025)] });
    expect(ask('BK_TINH', sudden).outcome).toBe('CANNOT_DECIDE');
  });
  it('the simplified procedure only for its five cases and awards that allow it', () => {
    expect(ask('GK_DONVI', eligible, { simplifiedProcedureCase: 2 }).outcome).toBe('ELIGIBLE');
    expect(ask('GK_DONVI', eligible, { simplifiedProcedureCase: 6 }).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('CSTD_TINH', eligible, { simplifiedProcedureCase: 2 }).guards.find((g) => g.id === 'GUARD.simplified')!.outcome).toBe('NOT_MET');
  });
});

describe('versions and citations', () => {
  it('judges under the version in force at the end of the achievement period and cites every criterion', () => {
    const r = ask('GK_DONVI', person({ ratings: ratings(2025, 2025) }), { achievementPeriod: { from: '2025-01-01', to: '2025-06-30' } });
    expect(r.catalogueVersion).toBe('2024.1');
    expect(ask('GK_DONVI', person({ ratings: ratings(2025, 2025) })).catalogueVersion).toBe('2025.2');
    for (const c of [...r.criteria, ...r.guards]) expect(c.citation.length).toBeGreaterThan(0);
    expect(r.summaryVi).toMatch(/^Đủ điều kiện xét Giấy khen/);
  });
});
