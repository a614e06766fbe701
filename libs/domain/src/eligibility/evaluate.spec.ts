import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKED_CASES, requestOf } from '../../test/eligibility-cases';
import { TABLE_END, TABLE_START, workedCasesTable } from '../../test/worked-cases-table';
import { evaluateEligibility } from './evaluate';
import { AWARD_CODES } from '../catalogue/types';
import { ceilShare, validateEligibilityPolicy } from './policy';
import type { EvaluationRequest, NomineeRecord } from './types';

const person = (over: Partial<NomineeRecord> = {}): NomineeRecord => ({ kind: 'INDIVIDUAL', ratings: [], awards: [], initiatives: [], disciplines: [], ...over });
const ratings = (from: number, to: number, rating = 'HTTNV') => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, rating }));
const titles = (code: string, ...years: number[]) => years.map((year) => ({ code, year, source: 'MANUAL' as const }));
const title = (code: string, year: number) => ({ code, year, source: 'REGISTER' as const });
const ask = (award: EvaluationRequest['award'], record: NomineeRecord, over: Partial<EvaluationRequest> = {}) =>
  evaluateEligibility({ award, record, proposalYear: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' }, asOf: '2026-01-15', ...over });

describe('worked cases (docs/eligibility.md)', () => {
  it.each(WORKED_CASES.map((c) => [c.id, c.shows, c] as const))('%s: %s', (_id, _shows, c) => {
    const result = evaluateEligibility(requestOf(c));
    expect(result.outcome).toBe(c.expect.outcome);
    if (c.expect.criterion) {
      const criterion = [...result.guards, ...result.criteria].find((x) => x.id === c.expect.criterion);
      expect(criterion?.outcome).toBe(c.expect.criterionOutcome);
      expect(criterion!.citation.length).toBeGreaterThan(0);
    }
  });

  it('the table in docs/eligibility.md is the one the engine computes (npm run docs:eligibility)', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/eligibility.md'), 'utf8');
    const section = doc.slice(doc.indexOf(TABLE_START), doc.indexOf(TABLE_END) + TABLE_END.length);
    expect(section).toBe(workedCasesTable());
  });
});

describe('explanations', () => {
  const results = WORKED_CASES.map((c) => evaluateEligibility(requestOf(c)));

  it('every verdict, ELIGIBLE included, gives the reasons that carried it', () => {
    for (const r of results) {
      expect(r.summaryVi).toMatch(/: \S/);
      expect(r.summaryEn).toMatch(/: \S/);
    }
    const alternative = ask('CSTDCS', person({ ratings: ratings(2025, 2025, 'HTXSNV') }));
    expect(alternative.summaryEn).toMatch(/^The reviewer must judge for Grassroots emulation fighter \(catalogue 2025\.2\): Advanced-worker standard: self-reliance.*Rated excellent/);
    expect(alternative.reviewerJudges).toEqual(['CSTDCS.ldttSpirit']);
    expect(alternative.alternativeMet).toEqual({ vi: 'Điều 23(2), hoàn thành xuất sắc nhiệm vụ', en: 'Art 23(2), rated ‘excellent’' });
    const eligible = ask('BK_TINH', person({ awards: titles('CSTDCS', 2024, 2025) }));
    expect(eligible.outcome).toBe('ELIGIBLE');
    expect(eligible.summaryEn).toMatch(/^Eligible for /);
  });

  it('English texts carry neither Vietnamese rating labels nor raw codes', () => {
    // Every award code of the catalogue, and the rating codes: an English reader sees names.
    const raw = new RegExp(`\\b(HTTNV|HTXSNV|HTNV|KHTNV|${AWARD_CODES.join('|')})\\b|LĐTT|CSTĐ`);
    for (const r of results) {
      expect(r.summaryEn).not.toMatch(raw);
      for (const c of [...r.criteria, ...r.guards]) {
        expect(`${c.descriptionEn} ${c.reasonEn}`).not.toMatch(raw);
      }
      if (r.alternativeMet) expect(r.alternativeMet.en).not.toMatch(raw);
    }
  });

  it('names the criteria left to the reviewer, in the result and in the summary', () => {
    const r = ask('LDTT', person({ ratings: ratings(2025, 2025) }));
    expect(r.outcome).toBe('REVIEWER_JUDGES');
    expect(r.reviewerJudges).toEqual(['LDTT.spirit']);
    expect(r.summaryEn).toContain('Self-reliance, solidarity, active part in emulation — for the reviewer to judge.');
    expect(r.summaryVi).toContain('thẩm định viên đánh giá');
  });

  it('a plainly failed alternative is NOT_MET, not UNKNOWN', () => {
    const r = ask('BK_TTG', person({ awards: [title('BK_TINH', 2019), title('CSTDCS', 2025)], ratings: ratings(2018, 2025) }));
    expect(r.criteria.find((c) => c.id === 'BK_TTG.b')).toMatchObject({ outcome: 'NOT_MET', facts: { titles: [2025] } });
  });
});

describe('R-TTLDXS and R-TTLDTT: shares with integers', () => {
  it('computes ceil(70 %) exactly', () => {
    expect([ceilShare(10, { numerator: 7, denominator: 10 }), ceilShare(9, { numerator: 7, denominator: 10 }), ceilShare(7, { numerator: 7, denominator: 10 })]).toEqual([7, 7, 5]);
  });
  it('the TTLĐTT share is configuration (old law: more than half)', () => {
    const rec = person({ kind: 'COLLECTIVE', ratings: ratings(2025, 2025), collective: [{ year: 2025, members: 10, ldttCount: 6, membersDisciplinedWarningOrAbove: 0 }] });
    expect(ask('TTLDTT', rec).outcome).toBe('NOT_ELIGIBLE');
    expect(ask('TTLDTT', rec, { policy: { ttldttLdttShare: { numerator: 51, denominator: 100 } } }).outcome).toBe('REVIEWER_JUDGES');
  });
  it('the BK TTg window-after-prerequisite reading is configurable', () => {
    const rec = person({ awards: [title('BK_TINH', 2022), title('CSTDCS', 2021), title('CSTDCS', 2023), title('CSTDCS', 2025)], ratings: ratings(2021, 2025) });
    expect(ask('BK_TTG', rec).outcome).toBe('ELIGIBLE');
    expect(ask('BK_TTG', rec, { policy: { bkTtgWindowAfterPrerequisite: true } }).criteria.find((c) => c.id === 'BK_TTG.b')!.outcome).toBe('NOT_MET');
  });
});

describe('ELIGIBILITY_POLICY is validated', () => {
  it('refuses 13 months, an unknown key and a share above one, each by name', () => {
    expect(validateEligibilityPolicy({ recruitedMinMonths: 13 })).toEqual(['ELIGIBILITY_POLICY: recruitedMinMonths=13 must be a whole number of months from 1 to 12']);
    expect(validateEligibilityPolicy({ recruitedMonths: 6 })[0]).toMatch(/unknown key "recruitedMonths"/);
    expect(validateEligibilityPolicy({ ttldxsLdttShare: { numerator: 11, denominator: 10 } })[0]).toMatch(/ttldxsLdttShare/);
    expect(validateEligibilityPolicy({ recruitedMinMonths: 12, giayKhenMinRating: 'HTXSNV' })).toEqual([]);
  });
  it('12 months gives the cutoff 1 January, never month 00', () => {
    const r = ask('LDTT', person({ ratings: ratings(2025, 2025), recruitedOn: '2024-12-31' }), { policy: { recruitedMinMonths: 12 } });
    expect(r.criteria.find((c) => c.id === 'LDTT.recruited')!.facts).toMatchObject({ cutoff: '2025-01-01' });
  });
});

describe('registration, where the province requires it for a title', () => {
  const policy = { registrationRequiredFor: ['CSTDCS'] };
  const guard = (r: ReturnType<typeof ask>) => r.guards.find((g) => g.id === 'GUARD.registered');
  it('is not asked for unless configured', () => {
    expect(guard(ask('CSTDCS', person()))).toBeUndefined();
  });
  it('blocks a title nobody registered for that year, and passes one registered (saying when it was late)', () => {
    const none = ask('CSTDCS', person({ registrations: [{ year: 2024, code: 'CSTDCS', late: false }] }), { policy });
    expect(guard(none)).toMatchObject({ outcome: 'NOT_MET' });
    expect(none.outcome).toBe('NOT_ELIGIBLE');
    const late = guard(ask('CSTDCS', person({ registrations: [{ year: 2025, code: 'CSTDCS', late: true }] }), { policy }))!;
    expect(late).toMatchObject({ outcome: 'MET', facts: { year: 2025, late: true } });
    expect(late.reasonVi).toContain('gửi sau hạn');
  });
  it('takes title codes only in ELIGIBILITY_POLICY', () => {
    expect(validateEligibilityPolicy({ registrationRequiredFor: ['CSTDCS', 'LDTT'] })).toEqual([]);
    expect(validateEligibilityPolicy({ registrationRequiredFor: ['BK_TINH'] })[0]).toMatch(/registrationRequiredFor/);
    expect(validateEligibilityPolicy({ registrationRequiredFor: 'CSTDCS' })[0]).toMatch(/list of title codes/);
  });
});
