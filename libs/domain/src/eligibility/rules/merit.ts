import type { AwardDefinition } from '../../catalogue/types';
import { AT_OR_ABOVE_GRASSROOTS, Facts } from '../facts';
import type { CriterionResult, EligibilityPolicy } from '../types';
import { missing, verdict } from './result';

type Ctx = { award: AwardDefinition; facts: Facts; year: number; policy: EligibilityPolicy };
const def = (award: AwardDefinition, id: string) => award.criteria.find((c) => c.id === id)!;
const NOT_ENCODED = { vi: 'Các phương án khác của điều luật chưa được mã hoá (nội dung chưa xác minh); thẩm định viên xem xét.', en: 'Other alternatives of the article are not encoded (text unverified); the reviewer judges.' };

/** A window of n years ending at `year`, all rated HTTNV+; UNKNOWN where a rating is missing. */
function goodYears(facts: Facts, years: number[]) {
  const missingYears = years.filter((y) => !facts.hasRating(y));
  const bad = years.filter((y) => facts.hasRating(y) && !facts.good(y));
  return { missingYears, bad, excellent: years.filter((y) => facts.excellent(y)) };
}

/** Giấy khen: criteria delegated to provinces (Art 75(2)); the configured minimum rating applies. */
export function giayKhen({ award, facts, year, policy }: Ctx): CriterionResult[] {
  const rating = facts.rating(year);
  const ok = policy.giayKhenMinRating === 'HTXSNV' ? facts.excellent(year) : facts.good(year);
  return [verdict(def(award, 'GK.rating'), rating === undefined ? 'UNKNOWN' : ok ? 'MET' : 'NOT_MET', rating === undefined ? missing({ vi: `xếp loại năm ${year}`, en: `the ${year} rating` }) : { vi: `Năm ${year} xếp loại ${rating} (tối thiểu ${policy.giayKhenMinRating}).`, en: `Rated ${rating} in ${year} (minimum ${policy.giayKhenMinRating}).` }, { year, rating: rating ?? null })];
}

/** R-BK_TINH(d): 2 consecutive CSTĐ cơ sở, or 2 consecutive HTXSNV years with 2 grassroots initiatives. */
export function bkTinh({ award, facts, year }: Ctx): CriterionResult[] {
  const window = Facts.window(year, 2);
  const cstdcs = window.filter((y) => facts.hasAward('CSTDCS', y));
  const excellent = window.filter((y) => facts.excellent(y));
  const initiatives = facts.initiatives(window[0], year, AT_OR_ABOVE_GRASSROOTS).filter((i) => i.kind !== 'COMBAT_INGENUITY');
  const viaTitles = cstdcs.length === 2;
  const viaInitiatives = excellent.length === 2 && initiatives.length >= 2;
  const met = viaTitles ? 'Art 74(1)(d) — 2 lần liên tục CSTĐ cơ sở / two consecutive CSTĐ cơ sở' : viaInitiatives ? 'Art 74(1)(d) — 2 năm HTXSNV và 2 sáng kiến / two HTXSNV years with two initiatives' : undefined;
  if (facts.record.kind !== 'INDIVIDUAL') return [verdict(def(award, 'BK_TINH.d'), 'UNKNOWN', { vi: 'Tiêu chuẩn cho tập thể, hộ gia đình (Điều 74 khoản 2, 3) chưa được mã hoá.', en: 'Criteria for collectives and households (Art 74(2),(3)) are not encoded.' }, {})];
  return [verdict(def(award, 'BK_TINH.d'), met ? 'MET' : 'UNKNOWN', met ? { vi: `Đạt theo ${met}.`, en: `Met by ${met}.` } : { vi: `Không đạt điểm d (CSTĐ cơ sở: ${cstdcs.join(', ') || 'không'}; HTXSNV: ${excellent.join(', ') || 'không'}; sáng kiến: ${initiatives.length}). ${NOT_ENCODED.vi}`, en: `Point (d) not met (CSTĐ cơ sở: ${cstdcs.join(', ') || 'none'}; HTXSNV: ${excellent.join(', ') || 'none'}; initiatives: ${initiatives.length}). ${NOT_ENCODED.en}` }, { window, cstdcs, excellent, initiatives: initiatives.map((i) => i.title) }, met)];
}

/** R-BK_TTG(b): holds Bằng khen tỉnh; ≥ 5 consecutive years HTTNV+ up to the proposal, with 3 CSTĐ cơ sở. */
export function bkTtg({ award, facts, year, policy }: Ctx): CriterionResult[] {
  const prerequisite = facts.meritAwards('BK_TINH').map((a) => a.year).sort((a, b) => a - b);
  const window = Facts.window(year, 5);
  const held = policy.bkTtgWindowAfterPrerequisite ? prerequisite.filter((y) => y < window[0]) : prerequisite.filter((y) => y <= year);
  const { missingYears, bad } = goodYears(facts, window);
  const cstdcs = window.filter((y) => facts.hasAward('CSTDCS', y));
  const met = held.length > 0 && bad.length === 0 && missingYears.length === 0 && cstdcs.length >= 3;
  // Points (a) and (c) are not encoded, so a failed (b) leaves the decision to the reviewer.
  const outcome = met ? 'MET' : 'UNKNOWN';
  const reasonVi = `Bằng khen tỉnh: ${held.join(', ') || 'chưa có'}; các năm ${window.join(', ')}: ${bad.length ? `không đạt ${bad.join(', ')}` : missingYears.length ? `thiếu xếp loại ${missingYears.join(', ')}` : 'đều HTTNV trở lên'}; CSTĐ cơ sở: ${cstdcs.length}/3.`;
  const reasonEn = `Provincial Bằng khen: ${held.join(', ') || 'none'}; years ${window.join(', ')}: ${bad.length ? `below HTTNV in ${bad.join(', ')}` : missingYears.length ? `no rating for ${missingYears.join(', ')}` : 'all HTTNV+'}; CSTĐ cơ sở: ${cstdcs.length} of 3.`;
  return [verdict(def(award, 'BK_TTG.b'), outcome, met ? { vi: reasonVi, en: reasonEn } : { vi: `${reasonVi} ${NOT_ENCODED.vi}`, en: `${reasonEn} ${NOT_ENCODED.en}` }, { prerequisite: held, window, cstdcs, missingYears, bad }, met ? 'Art 73(1)(b)' : undefined)];
}

/**
 * R-HCLD: the order of the class below (or the PM's Bằng khen for the third class), then at least
 * five consecutive years HTTNV+ after it, with enough HTXSNV years and titles within them.
 */
export function labourOrder(ctx: Ctx, spec: { id: string; prerequisite: string; excellentYears: number; title: string; titles: number; alternative: string }): CriterionResult[] {
  const { award, facts, year } = ctx;
  const before = facts.meritAwards(spec.prerequisite).map((a) => a.year).filter((y) => y <= year - 5).sort((a, b) => b - a);
  const window = Facts.window(year, 5);
  const { missingYears, bad, excellent } = goodYears(facts, window);
  const titles = window.filter((y) => facts.hasAward(spec.title, y));
  const checks = { prerequisite: before.length > 0, good: bad.length === 0, excellent: excellent.length >= spec.excellentYears, titles: titles.length >= spec.titles };
  const met = Object.values(checks).every(Boolean) && missingYears.length === 0;
  // The other alternatives of Art 43 / Art 44 (long service, workers, sudden achievements) are not
  // encoded, so a failed merit alternative leaves the decision to the reviewer.
  const outcome = met ? 'MET' : 'UNKNOWN';
  const vi = `${spec.prerequisite} trước giai đoạn: ${before.join(', ') || 'chưa có'}; ${window[0]}–${year}: ${bad.length ? `không đạt ${bad.join(', ')}` : missingYears.length ? `thiếu xếp loại ${missingYears.join(', ')}` : 'đều HTTNV trở lên'}, HTXSNV ${excellent.length}/${spec.excellentYears}, ${spec.title} ${titles.length}/${spec.titles}.`;
  const en = `${spec.prerequisite} before the window: ${before.join(', ') || 'none'}; ${window[0]}–${year}: ${bad.length ? `below HTTNV in ${bad.join(', ')}` : missingYears.length ? `no rating for ${missingYears.join(', ')}` : 'all HTTNV+'}, HTXSNV ${excellent.length} of ${spec.excellentYears}, ${spec.title} ${titles.length} of ${spec.titles}.`;
  return [
    verdict(
      def(award, spec.id),
      outcome,
      met ? { vi, en } : { vi: `${vi} ${NOT_ENCODED.vi}`, en: `${en} ${NOT_ENCODED.en}` },
      { prerequisite: before, window, excellent, titles, missingYears, bad },
      met ? spec.alternative : undefined,
    ),
  ];
}
