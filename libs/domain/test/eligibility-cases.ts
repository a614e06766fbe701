import type { AwardCode } from '../src/catalogue/types';
import type { CriterionOutcome, EvaluationRequest, NomineeRecord, Outcome } from '../src/eligibility/types';

/**
 * Worked cases of the eligibility rules: each is an input, the verdict the law gives, and the
 * criterion that carries it. The specs run them (evaluate.spec.ts) and docs/eligibility.md shows
 * them as a table generated from this list (npm run docs:eligibility), so the two cannot drift.
 */
export interface WorkedCase {
  id: string;
  /** What the case shows, in English (the table's first column). */
  shows: string;
  award: AwardCode;
  record: NomineeRecord;
  request?: Partial<Omit<EvaluationRequest, 'award' | 'record'>>;
  expect: { outcome: Outcome; criterion?: string; criterionOutcome?: CriterionOutcome };
}

const person = (over: Partial<NomineeRecord> = {}): NomineeRecord => ({ kind: 'INDIVIDUAL', ratings: [], awards: [], initiatives: [], disciplines: [], ...over });
const collective = (over: Partial<NomineeRecord> = {}): NomineeRecord => person({ kind: 'COLLECTIVE', ...over });
const household = (over: Partial<NomineeRecord> = {}): NomineeRecord => person({ kind: 'HOUSEHOLD', ...over });
const ratings = (from: number, to: number, rating = 'HTTNV') => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, rating }));
const title = (code: string, year: number, extra: Partial<NomineeRecord['awards'][number]> = {}) => ({ code, year, source: 'REGISTER' as const, ...extra });
const titles = (code: string, ...years: number[]) => years.map((y) => title(code, y));
const initiative = (year: number, level = 'GRASSROOTS', kind = 'INITIATIVE') => ({ year, level, kind, title: `Sáng kiến ${year}` });
const members = (extra: Record<string, number> = {}) => [{ year: 2025, members: 10, membersCompletingTasks: 10, ldttCount: 7, cstdcsCount: 1, membersDisciplinedWarningOrAbove: 0, ...extra }];
const in2024 = { proposalYear: 2024, achievementPeriod: { from: '2024-01-01', to: '2024-12-31' }, asOf: '2025-01-15' };

export const WORKED_CASES: WorkedCase[] = [
  // R-LDTT
  { id: 'LDTT-1', shows: 'Rated good in the year; the reviewer judges the spirit criterion', award: 'LDTT', record: person({ ratings: ratings(2025, 2025) }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'LDTT.rating', criterionOutcome: 'MET' } },
  { id: 'LDTT-2', shows: 'Rated adequate only', award: 'LDTT', record: person({ ratings: ratings(2025, 2025, 'HTNV') }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'LDTT.rating', criterionOutcome: 'NOT_MET' } },
  { id: 'LDTT-3', shows: 'No rating on record', award: 'LDTT', record: person(), expect: { outcome: 'CANNOT_DECIDE', criterion: 'LDTT.rating', criterionOutcome: 'UNKNOWN' } },
  { id: 'LDTT-4', shows: 'Recruited 30 June: six months by year end', award: 'LDTT', record: person({ ratings: ratings(2025, 2025), recruitedOn: '2025-06-30' }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'LDTT.recruited', criterionOutcome: 'MET' } },
  { id: 'LDTT-5', shows: 'Recruited 1 July: under six months', award: 'LDTT', record: person({ ratings: ratings(2025, 2025), recruitedOn: '2025-07-01' }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'LDTT.recruited', criterionOutcome: 'NOT_MET' } },
  // R-CSTDCS
  { id: 'CSTDCS-1', shows: 'Excellent rating is one of the four alternatives; the reviewer judges the advanced-worker spirit (Art 24(1)(b))', award: 'CSTDCS', record: person({ ratings: ratings(2025, 2025, 'HTXSNV') }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'CSTDCS.excellent', criterionOutcome: 'MET' } },
  { id: 'CSTDCS-2', shows: 'Good rating with an initiative in the year', award: 'CSTDCS', record: person({ ratings: ratings(2025, 2025), initiatives: [initiative(2025)] }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'CSTDCS.initiative', criterionOutcome: 'MET' } },
  { id: 'CSTDCS-3', shows: 'Initiative of the previous year does not count', award: 'CSTDCS', record: person({ ratings: ratings(2025, 2025), initiatives: [initiative(2024)] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CSTDCS.initiative', criterionOutcome: 'NOT_MET' } },
  { id: 'CSTDCS-4', shows: 'Recruited under six months: the advanced-worker standard inside it fails', award: 'CSTDCS', record: person({ ratings: ratings(2025, 2025, 'HTXSNV'), recruitedOn: '2025-09-01' }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CSTDCS.ldtt', criterionOutcome: 'NOT_MET' } },
  // R-CSTD_TINH
  { id: 'CSTD_TINH-1', shows: 'Three consecutive grassroots titles and a province-wide initiative', award: 'CSTD_TINH', record: person({ awards: titles('CSTDCS', 2023, 2024, 2025), initiatives: [initiative(2024, 'PROVINCE')] }), expect: { outcome: 'ELIGIBLE', criterion: 'CSTD_TINH.cstdcs3', criterionOutcome: 'MET' } },
  { id: 'CSTD_TINH-2', shows: 'A gap in the three years', award: 'CSTD_TINH', record: person({ awards: titles('CSTDCS', 2022, 2024, 2025), initiatives: [initiative(2024, 'PROVINCE')] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CSTD_TINH.cstdcs3', criterionOutcome: 'NOT_MET' } },
  { id: 'CSTD_TINH-3', shows: 'Initiative of grassroots influence only', award: 'CSTD_TINH', record: person({ awards: titles('CSTDCS', 2023, 2024, 2025), initiatives: [initiative(2024)] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CSTD_TINH.initiative', criterionOutcome: 'NOT_MET' } },
  // R-CSTD_TQ
  { id: 'CSTD_TQ-1', shows: 'Provincial titles of two consecutive cycles and a national initiative between them', award: 'CSTD_TQ', record: person({ awards: titles('CSTD_TINH', 2022, 2025), initiatives: [initiative(2024, 'NATIONAL', 'SCIENCE_TECH')] }), expect: { outcome: 'ELIGIBLE', criterion: 'CSTD_TQ.tinh2', criterionOutcome: 'MET' } },
  { id: 'CSTD_TQ-2', shows: 'Two provincial titles that are not consecutive', award: 'CSTD_TQ', record: person({ awards: titles('CSTD_TINH', 2019, 2025), initiatives: [initiative(2024, 'NATIONAL')] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CSTD_TQ.tinh2', criterionOutcome: 'NOT_MET' } },
  { id: 'CSTD_TQ-3', shows: 'National initiative from before the two titles', award: 'CSTD_TQ', record: person({ awards: titles('CSTD_TINH', 2022, 2025), initiatives: [initiative(2020, 'NATIONAL')] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CSTD_TQ.initiative', criterionOutcome: 'NOT_MET' } },
  // R-TTLDXS, R-TTLDTT
  { id: 'TTLDXS-1', shows: 'Exactly 7 of 10 members advanced workers', award: 'TTLDXS', record: collective({ ratings: ratings(2025, 2025, 'HTXSNV'), collective: members() }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'TTLDXS.ldtt70', criterionOutcome: 'MET' } },
  { id: 'TTLDXS-2', shows: '6 of 10 members advanced workers', award: 'TTLDXS', record: collective({ ratings: ratings(2025, 2025, 'HTXSNV'), collective: members({ ldttCount: 6 }) }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'TTLDXS.ldtt70', criterionOutcome: 'NOT_MET' } },
  { id: 'TTLDXS-3', shows: 'No grassroots emulation fighter among members', award: 'TTLDXS', record: collective({ ratings: ratings(2025, 2025, 'HTXSNV'), collective: members({ cstdcsCount: 0 }) }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'TTLDXS.cstdcs', criterionOutcome: 'NOT_MET' } },
  { id: 'TTLDTT-1', shows: 'A member disciplined with a warning', award: 'TTLDTT', record: collective({ ratings: ratings(2025, 2025), collective: members({ membersDisciplinedWarningOrAbove: 1 }) }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'TTLDTT.discipline', criterionOutcome: 'NOT_MET' } },
  { id: 'TTLDTT-2', shows: 'Member counts missing', award: 'TTLDTT', record: collective({ ratings: ratings(2025, 2025) }), expect: { outcome: 'CANNOT_DECIDE', criterion: 'TTLDTT.ldtt70', criterionOutcome: 'UNKNOWN' } },
  // R-BK_TINH(d)
  { id: 'BK_TINH-1', shows: 'Two consecutive grassroots titles meet point (d)', award: 'BK_TINH', record: person({ awards: titles('CSTDCS', 2024, 2025) }), expect: { outcome: 'ELIGIBLE', criterion: 'BK_TINH.d.titles', criterionOutcome: 'MET' } },
  { id: 'BK_TINH-2', shows: 'Three consecutive titles: "two or more" is met', award: 'BK_TINH', record: person({ awards: titles('CSTDCS', 2023, 2024, 2025) }), expect: { outcome: 'ELIGIBLE', criterion: 'BK_TINH.d.titles', criterionOutcome: 'MET' } },
  { id: 'BK_TINH-3', shows: 'Three excellent years with two initiatives in the first', award: 'BK_TINH', record: person({ ratings: ratings(2023, 2025, 'HTXSNV'), initiatives: [initiative(2023), { ...initiative(2023), title: 'Sáng kiến thứ hai' }] }), expect: { outcome: 'ELIGIBLE', criterion: 'BK_TINH.d.initiatives', criterionOutcome: 'MET' } },
  { id: 'BK_TINH-4', shows: 'Point (d) plainly failed: the reviewer judges (a)–(c)', award: 'BK_TINH', record: person({ ratings: ratings(2024, 2025, 'HTXSNV'), initiatives: [initiative(2025)] }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'BK_TINH.d.initiatives', criterionOutcome: 'NOT_MET' } },
  { id: 'BK_TINH-5', shows: 'A household: the reviewer judges the household criteria', award: 'BK_TINH', record: household(), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'BK_TINH.collective', criterionOutcome: 'REVIEWER_JUDGES' } },
  // R-BK_TTG(b)
  { id: 'BK_TTG-1', shows: 'Provincial Bằng khen, five good years, three grassroots titles', award: 'BK_TTG', record: person({ awards: [title('BK_TINH', 2019), ...titles('CSTDCS', 2021, 2023, 2025)], ratings: ratings(2021, 2025) }), expect: { outcome: 'ELIGIBLE', criterion: 'BK_TTG.b', criterionOutcome: 'MET' } },
  { id: 'BK_TTG-2', shows: 'Seven good years, a title in the sixth year back counts', award: 'BK_TTG', record: person({ awards: [title('BK_TINH', 2018), ...titles('CSTDCS', 2019, 2023, 2025)], ratings: ratings(2019, 2025) }), expect: { outcome: 'ELIGIBLE', criterion: 'BK_TTG.b', criterionOutcome: 'MET' } },
  { id: 'BK_TTG-3', shows: 'Provincial Bằng khen of the proposal year is not the prerequisite', award: 'BK_TTG', record: person({ awards: [title('BK_TINH', 2025), ...titles('CSTDCS', 2021, 2023, 2025)], ratings: ratings(2021, 2025) }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'BK_TTG.b', criterionOutcome: 'NOT_MET' } },
  { id: 'BK_TTG-4', shows: 'Only four years rated: the run is short', award: 'BK_TTG', record: person({ awards: [title('BK_TINH', 2019), ...titles('CSTDCS', 2022, 2023, 2025)], ratings: ratings(2022, 2025) }), expect: { outcome: 'CANNOT_DECIDE', criterion: 'BK_TTG.b', criterionOutcome: 'UNKNOWN' } },
  { id: 'BK_TTG-5', shows: 'A rating below good breaks the run', award: 'BK_TTG', record: person({ awards: [title('BK_TINH', 2019), ...titles('CSTDCS', 2023, 2024, 2025)], ratings: [...ratings(2020, 2021), { year: 2022, rating: 'HTNV' }, ...ratings(2023, 2025)] }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'BK_TTG.b', criterionOutcome: 'NOT_MET' } },
  { id: 'BK_TTG-6', shows: 'A collective is judged on the collective criteria, not the individual rule', award: 'BK_TTG', record: collective({ ratings: ratings(2021, 2025) }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'BK_TTG.collective', criterionOutcome: 'REVIEWER_JUDGES' } },
  // R-HCLD
  { id: 'HCLD3-1', shows: 'PM Bằng khen, then five good years with one excellent and three grassroots titles', award: 'HCLD3', record: person({ awards: [title('BK_TTG', 2020), ...titles('CSTDCS', 2021, 2022, 2025)], ratings: [...ratings(2021, 2024), { year: 2025, rating: 'HTXSNV' }] }), expect: { outcome: 'ELIGIBLE', criterion: 'HCLD3.e', criterionOutcome: 'MET' } },
  { id: 'HCLD3-2', shows: 'Five years after the PM Bằng khen not yet run', award: 'HCLD3', record: person({ awards: [title('BK_TTG', 2022), ...titles('CSTDCS', 2023, 2024, 2025)], ratings: ratings(2018, 2025, 'HTXSNV') }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'HCLD3.e', criterionOutcome: 'NOT_MET' } },
  { id: 'HCLD2-1', shows: 'Third class, then five years with two excellent and a provincial title', award: 'HCLD2', record: person({ awards: [title('HCLD3', 2019), title('CSTD_TINH', 2024)], ratings: [...ratings(2020, 2023), ...ratings(2024, 2025, 'HTXSNV')] }), expect: { outcome: 'ELIGIBLE', criterion: 'HCLD2.merit', criterionOutcome: 'MET' } },
  { id: 'HCLD1-1', shows: 'First class: the criteria text was not retrieved, the reviewer judges', award: 'HCLD1', record: person(), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'HCLD1.criteria', criterionOutcome: 'REVIEWER_JUDGES' } },
  // New awards
  { id: 'CO_TINH-1', shows: 'Led a provincial cluster in the year', award: 'CO_TINH', record: collective({ clusterLeadership: [{ year: 2025, organisedBy: 'PROVINCE' }] }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'CO_TINH.leader', criterionOutcome: 'MET' } },
  { id: 'CO_TINH-2', shows: 'Did not lead its cluster', award: 'CO_TINH', record: collective({ clusterLeadership: [{ year: 2024, organisedBy: 'PROVINCE' }] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'CO_TINH.leader', criterionOutcome: 'NOT_MET' } },
  { id: 'CO_CP-1', shows: 'Led a cluster of the Central Council (clause 2)', award: 'CO_CP', record: collective({ clusterLeadership: [{ year: 2025, organisedBy: 'CENTRAL' }] }), expect: { outcome: 'ELIGIBLE', criterion: 'CO_CP.2', criterionOutcome: 'MET' } },
  { id: 'AHLD-1', shows: 'Hero of Labour: qualitative, the reviewer judges', award: 'AHLD', record: person(), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'AHLD.criteria', criterionOutcome: 'REVIEWER_JUDGES' } },
  { id: 'GDVH-1', shows: 'Cultured family: provincial criteria, the reviewer judges', award: 'GDVH', record: household(), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'GDVH.criteria', criterionOutcome: 'REVIEWER_JUDGES' } },
  { id: 'GK_HUYEN-1', shows: 'District Giấy khen under the 2024 catalogue', award: 'GK_HUYEN', record: person({ ratings: ratings(2024, 2024) }), request: in2024, expect: { outcome: 'REVIEWER_JUDGES', criterion: 'GK.rating', criterionOutcome: 'MET' } },
  // Guards
  { id: 'GUARD-1', shows: 'Under disciplinary review (2025 catalogue)', award: 'GK_DONVI', record: person({ ratings: ratings(2025, 2025), disciplines: [{ from: '2025-10-01', level: 'KHIEN_TRACH', underReview: true }] }), expect: { outcome: 'NOT_ELIGIBLE', criterion: 'GUARD.discipline', criterionOutcome: 'NOT_MET' } },
  { id: 'GUARD-2', shows: 'The Decree 152 discipline guard does not run on a 2024 case', award: 'GK_DONVI', record: person({ ratings: ratings(2024, 2024), disciplines: [{ from: '2024-10-01', level: 'KHIEN_TRACH', underReview: true }] }), request: in2024, expect: { outcome: 'REVIEWER_JUDGES', criterion: 'GK.rating', criterionOutcome: 'MET' } },
  { id: 'GUARD-3', shows: 'The achievement was already rewarded', award: 'BK_TINH', record: person({ awards: [title('GK_DONVI', 2025, { achievementRef: 'cuu-nguoi-2025' })] }), request: { achievementRef: 'cuu-nguoi-2025' }, expect: { outcome: 'NOT_ELIGIBLE', criterion: 'GUARD.onceOnly', criterionOutcome: 'NOT_MET' } },
  { id: 'GUARD-4', shows: 'A sudden-achievement title does not count toward merit (2025)', award: 'BK_TINH', record: person({ awards: [title('CSTDCS', 2024, { basis: 'SUDDEN' }), title('CSTDCS', 2025)], ratings: ratings(2024, 2025) }), expect: { outcome: 'REVIEWER_JUDGES', criterion: 'BK_TINH.d.titles', criterionOutcome: 'NOT_MET' } },
  { id: 'GUARD-5', shows: 'Simplified procedure, case 2 (a brave rescue)', award: 'BK_TINH', record: person({ ratings: ratings(2025, 2025) }), request: { simplifiedProcedureCase: 2 }, expect: { outcome: 'REVIEWER_JUDGES', criterion: 'GUARD.simplified', criterionOutcome: 'MET' } },
  { id: 'GUARD-6', shows: 'Simplified procedure for a title that does not allow it', award: 'CSTD_TINH', record: person(), request: { simplifiedProcedureCase: 2 }, expect: { outcome: 'NOT_ELIGIBLE', criterion: 'GUARD.simplified', criterionOutcome: 'NOT_MET' } },
  { id: 'GUARD-7', shows: 'Posthumous Labour Order is allowed', award: 'HCLD3', record: person(), request: { posthumous: true }, expect: { outcome: 'REVIEWER_JUDGES', criterion: 'GUARD.posthumous', criterionOutcome: 'MET' } },
  { id: 'GUARD-8', shows: 'A collective title is never posthumous', award: 'TTLDTT', record: collective(), request: { posthumous: true }, expect: { outcome: 'NOT_ELIGIBLE', criterion: 'GUARD.posthumous', criterionOutcome: 'NOT_MET' } },
  { id: 'GUARD-9', shows: 'Posthumous emulation title: the sources are silent, the reviewer judges', award: 'LDTT', record: person({ ratings: ratings(2025, 2025) }), request: { posthumous: true }, expect: { outcome: 'REVIEWER_JUDGES', criterion: 'GUARD.posthumous', criterionOutcome: 'REVIEWER_JUDGES' } },
];

/** The request a case stands for: proposal year 2025 and its calendar year, unless the case says otherwise. */
export function requestOf(c: WorkedCase): EvaluationRequest {
  return { award: c.award, record: c.record, proposalYear: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' }, asOf: '2026-01-15', ...c.request };
}
