import type { AwardDefinition } from '../../catalogue/types';
import { AT_OR_ABOVE_GRASSROOTS, AT_OR_ABOVE_PROVINCE, Facts } from '../facts';
import type { CriterionResult, EligibilityPolicy } from '../types';
import { all, missing, verdict } from './result';

type Ctx = { award: AwardDefinition; facts: Facts; year: number; policy: EligibilityPolicy };
const def = (award: AwardDefinition, id: string) => award.criteria.find((c) => c.id === id)!;

/** R-LDTT: rated HTTNV or better; not recruited less than 6 months before the year ends. */
export function ldttChecks({ award, facts, year, policy }: Ctx, prefix = 'LDTT'): CriterionResult[] {
  const rating = facts.rating(year);
  const ratingDef = def(award, `${prefix}.rating`) ?? { id: 'LDTT.rating', vi: 'Xếp loại HTTNV trở lên', en: 'Rated HTTNV or better', citation: [] };
  const results = [
    verdict(
      ratingDef,
      rating === undefined ? 'UNKNOWN' : facts.good(year) ? 'MET' : 'NOT_MET',
      rating === undefined ? missing({ vi: `xếp loại năm ${year}`, en: `the ${year} rating` }) : { vi: `Năm ${year} xếp loại ${rating}.`, en: `Rated ${rating} in ${year}.` },
      { year, rating: rating ?? null },
    ),
  ];
  const recruitedDef = award.criteria.find((c) => c.id === 'LDTT.recruited');
  if (recruitedDef) {
    const recruited = facts.record.recruitedOn;
    const cutoff = `${year}-${String(12 - policy.recruitedMinMonths + 1).padStart(2, '0')}-01`;
    results.push(
      verdict(
        recruitedDef,
        !recruited ? 'MET' : recruited < cutoff ? 'MET' : 'NOT_MET',
        !recruited
          ? { vi: 'Chưa ghi ngày tuyển dụng; coi là đủ thời gian công tác.', en: 'No recruitment date recorded; assumed long enough.' }
          : { vi: `Tuyển dụng ngày ${recruited} (cần trước ${cutoff}).`, en: `Recruited on ${recruited} (needs before ${cutoff}).` },
        { recruitedOn: recruited ?? null, cutoff },
      ),
    );
  }
  return results;
}

/** R-CSTDCS: LĐTT, and HTXSNV or a grassroots initiative / S&T work / combat ingenuity (Art 23). */
export function cstdcs(ctx: Ctx): CriterionResult[] {
  const { award, facts, year } = ctx;
  const ldtt = ldttChecks({ ...ctx, award: { ...award, criteria: [] } });
  const ldttOutcome = all(...ldtt.map((r) => r.outcome));
  const ldttResult = verdict(def(award, 'CSTDCS.ldtt'), ldttOutcome, { vi: ldtt.map((r) => r.reasonVi).join(' '), en: ldtt.map((r) => r.reasonEn).join(' ') }, { year });
  const found = facts.initiatives(year, year, AT_OR_ABOVE_GRASSROOTS);
  const alternatives: [boolean, string][] = [
    [facts.excellent(year), 'Art 23(2) — HTXSNV'],
    [found.some((i) => i.kind === 'INITIATIVE'), 'Art 23(2) — sáng kiến / initiative'],
    [found.some((i) => i.kind === 'SCIENCE_TECH'), 'Art 23(2) — đề tài khoa học / S&T work'],
    [found.some((i) => i.kind === 'COMBAT_INGENUITY'), 'Art 23(2) — mưu trí, sáng tạo trong chiến đấu / combat ingenuity'],
  ];
  const met = alternatives.find(([ok]) => ok)?.[1];
  const unknown = !met && !facts.hasRating(year);
  return [
    ldttResult,
    verdict(
      def(award, 'CSTDCS.alternative'),
      met ? 'MET' : unknown ? 'UNKNOWN' : 'NOT_MET',
      met ? { vi: `Đạt theo: ${met}.`, en: `Met by ${met}.` } : unknown ? missing({ vi: `xếp loại năm ${year}`, en: `the ${year} rating` }) : { vi: 'Không HTXSNV và không có sáng kiến/đề tài được công nhận trong năm.', en: 'Neither HTXSNV nor a recognised initiative or S&T work in the year.' },
      { rating: facts.rating(year) ?? null, initiatives: found.map((i) => i.title) },
      met,
    ),
  ];
}

/** R-CSTD_TINH: CSTĐ cơ sở in 3 consecutive years ending at the proposal year; province-wide initiative. */
export function cstdTinh({ award, facts, year }: Ctx): CriterionResult[] {
  const window = Facts.window(year, 3);
  const held = window.filter((y) => facts.hasAward('CSTDCS', y));
  const initiatives = facts.initiatives(window[0], year, AT_OR_ABOVE_PROVINCE);
  return [
    verdict(def(award, 'CSTD_TINH.cstdcs3'), held.length === 3 ? 'MET' : 'NOT_MET', { vi: `CSTĐ cơ sở trong các năm ${window.join(', ')}: có ${held.length}/3 (${held.join(', ') || 'không'}).`, en: `CSTĐ cơ sở in ${window.join(', ')}: ${held.length} of 3 (${held.join(', ') || 'none'}).` }, { window, held }),
    verdict(def(award, 'CSTD_TINH.initiative'), initiatives.length ? 'MET' : 'NOT_MET', initiatives.length ? { vi: `Sáng kiến cấp tỉnh: ${initiatives[0].title}.`, en: `Province-level initiative: ${initiatives[0].title}.` } : { vi: 'Không có sáng kiến/đề tài ảnh hưởng cấp tỉnh trong giai đoạn.', en: 'No province-wide initiative or S&T work in the period.' }, { initiatives: initiatives.map((i) => i.title) }),
  ];
}

/** R-CSTD_TQ: two consecutive provincial emulation-fighter titles; an initiative of national influence. */
export function cstdTq({ award, facts, year }: Ctx): CriterionResult[] {
  const titles = facts.meritAwards('CSTD_TINH').map((a) => a.year).sort();
  const national = facts.initiatives(year - 5, year, ['NATIONAL']);
  return [
    verdict(def(award, 'CSTD_TQ.tinh2'), titles.length >= 2 ? 'MET' : 'NOT_MET', { vi: `Số lần CSTĐ cấp tỉnh: ${titles.length} (${titles.join(', ') || 'không'}).`, en: `Provincial emulation-fighter titles: ${titles.length} (${titles.join(', ') || 'none'}).` }, { titles }),
    verdict(def(award, 'CSTD_TQ.initiative'), national.length ? 'MET' : 'NOT_MET', national.length ? { vi: `Sáng kiến toàn quốc: ${national[0].title}.`, en: `Nationwide initiative: ${national[0].title}.` } : { vi: 'Không có sáng kiến ảnh hưởng toàn quốc.', en: 'No initiative of nationwide influence.' }, { initiatives: national.map((i) => i.title) }),
  ];
}
