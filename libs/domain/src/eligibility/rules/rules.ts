import { ratingName } from '../../common/levels';
import { AT_OR_ABOVE_GRASSROOTS, AT_OR_ABOVE_PROVINCE, type Facts } from '../facts';
import { ceilShare } from '../policy';
import type { EligibilityPolicy } from '../types';
import { all, list, missing, type Finding } from './result';

/** What every rule reads: the nominee's facts, the proposal year, the policy. */
export interface RuleContext {
  facts: Facts;
  year: number;
  policy: EligibilityPolicy;
}

type Rule = (ctx: RuleContext) => Finding;

const NAME: Record<string, { vi: string; en: string }> = {
  CSTDCS: { vi: 'Chiến sĩ thi đua cơ sở', en: 'grassroots emulation-fighter title' },
  CSTD_TINH: { vi: 'Chiến sĩ thi đua cấp tỉnh', en: 'provincial emulation-fighter title' },
  BK_TINH: { vi: 'Bằng khen cấp tỉnh', en: 'provincial certificate of merit' },
  BK_TTG: { vi: 'Bằng khen của Thủ tướng', en: 'the Prime Minister’s certificate of merit' },
  HCLD3: { vi: 'Huân chương Lao động hạng Ba', en: 'the third-class Labour Order' },
};

const rated = (ctx: RuleContext, year: number): Finding | undefined =>
  ctx.facts.rating(year) === undefined ? missing({ vi: `xếp loại năm ${year}`, en: `the ${year} rating` }, { year }) : undefined;

/** LĐTT, the rating half: HTTNV or better in the year (Art 24(1)(a)). */
const ldttRating: Rule = (ctx) => {
  const rating = ctx.facts.rating(ctx.year);
  return rated(ctx, ctx.year) ?? {
    outcome: ctx.facts.good(ctx.year) ? 'MET' : 'NOT_MET',
    vi: `Năm ${ctx.year} xếp loại ${ratingName(rating, 'vi')} (cần hoàn thành tốt nhiệm vụ trở lên).`,
    en: `Rated ${ratingName(rating, 'en')} in ${ctx.year} (‘good’ or better needed).`,
    facts: { year: ctx.year, rating },
  };
};

/** LĐTT, the service half: recruited at least `recruitedMinMonths` before the year ends (Circular 01/2024). */
const ldttRecruited: Rule = ({ facts, year, policy }) => {
  const recruited = facts.record.recruitedOn;
  const cutoff = `${year}-${String(13 - policy.recruitedMinMonths).padStart(2, '0')}-01`;
  if (!recruited) return { outcome: 'MET', vi: 'Không ghi ngày tuyển dụng: coi là đã công tác đủ thời gian.', en: 'No recruitment date on record: taken as long enough in service.', facts: { cutoff } };
  return {
    outcome: recruited < cutoff ? 'MET' : 'NOT_MET',
    vi: `Tuyển dụng ngày ${recruited}; cần trước ${cutoff} (đủ ${policy.recruitedMinMonths} tháng trong năm).`,
    en: `Recruited on ${recruited}; needs to be before ${cutoff} (${policy.recruitedMinMonths} months in the year).`,
    facts: { recruitedOn: recruited, cutoff },
  };
};

const initiativeOfKind = (kind: string, vi: string, en: string): Rule => ({ facts, year }) => {
  const found = facts.initiatives(year, year, AT_OR_ABOVE_GRASSROOTS, [kind]);
  return found.length
    ? { outcome: 'MET', vi: `${vi} năm ${year}: ${found[0].title}.`, en: `${en} in ${year}: ${found[0].title}.`, facts: { titles: found.map((i) => i.title) } }
    : { outcome: 'NOT_MET', vi: `Không có ${vi.toLowerCase()} năm ${year} trong hồ sơ.`, en: `No ${en.toLowerCase()} in ${year} on record.`, facts: { titles: [] } };
};

/**
 * "n consecutive titles or more, the last in the proposal year": the run of titles back from the
 * proposal year, one every `cycle` years (CSTĐ cơ sở is yearly; CSTĐ cấp tỉnh comes in three-year
 * cycles, so two consecutive ones are this cycle's and the previous cycle's).
 */
function consecutiveTitles(ctx: RuleContext, code: string, n: number, cycle = 1): Finding {
  const run: number[] = [];
  for (let y = ctx.year; ctx.facts.hasAward(code, y); y -= cycle) run.unshift(y);
  const name = NAME[code];
  const expected = Array.from({ length: n }, (_, i) => ctx.year - (n - 1 - i) * cycle);
  return {
    outcome: run.length >= n ? 'MET' : 'NOT_MET',
    vi: run.length >= n
      ? `${name.vi} liên tục ${run.length} lần (${run.join(', ')}), lần cuối năm đề nghị; cần từ ${n} lần.`
      : `${name.vi} liên tục đến năm ${ctx.year}: ${run.length} lần (${list(run, 'không có')}); cần từ ${n} lần (${expected.join(', ')}).`,
    en: run.length >= n
      ? `${run.length} consecutive ${name.en}s (${run.join(', ')}), the last in the proposal year; ${n} or more needed.`
      : `Consecutive ${name.en}s up to ${ctx.year}: ${run.length} (${list(run, 'none')}); ${n} or more needed (${expected.join(', ')}).`,
    facts: { needed: expected, held: run },
  };
}

/**
 * "n consecutive years or more up to the proposal": the longest run of qualifying years ending at
 * the proposal year (after a prerequisite, when there is one). A longer run is as good as n.
 */
function run(ctx: RuleContext, n: number, holds: (y: number) => boolean, labelVi: string, labelEn: string, after?: number) {
  const r = ctx.facts.runEndingAt(ctx.year, holds, after);
  const long = r.years.length >= n;
  const finding: Finding | undefined = long
    ? undefined
    : r.stoppedBy?.why === 'MISSING'
      ? missing({ vi: `xếp loại năm ${r.stoppedBy.year} (chuỗi ${labelVi} mới được ${r.years.length}/${n} năm)`, en: `the ${r.stoppedBy.year} rating (the run of ${labelEn} has ${r.years.length} of ${n} years)` }, { run: r.years })
      : {
          outcome: 'NOT_MET',
          vi: `Chuỗi năm liên tục ${labelVi} đến năm ${ctx.year} chỉ có ${r.years.length} năm (${list(r.years, 'không có')}); cần từ ${n} năm${r.stoppedBy ? `, năm ${r.stoppedBy.year} không đạt` : ''}.`,
          en: `The run of consecutive ${labelEn} years up to ${ctx.year} has ${r.years.length} (${list(r.years, 'none')}); ${n} or more are needed${r.stoppedBy ? `, ${r.stoppedBy.year} fails` : ''}.`,
          facts: { run: r.years },
        };
  return { years: r.years, finding };
}

/** "Holds award X, then n or more years…": the prerequisite, strictly before the proposal year. */
function prerequisite(ctx: RuleContext, code: string): { year?: number; finding?: Finding } {
  const year = ctx.facts.latestBefore(code, ctx.year);
  if (year !== undefined) return { year };
  const name = NAME[code];
  return { finding: { outcome: 'NOT_MET', vi: `Chưa có ${name.vi} trước năm đề nghị ${ctx.year}.`, en: `No ${name.en} before the proposal year ${ctx.year}.`, facts: { prerequisite: code } } };
}

function count(ctx: RuleContext, years: number[], need: { excellent?: number; titles?: { code: string; n: number } }): Finding {
  const excellent = years.filter((y) => ctx.facts.excellent(y));
  const titles = need.titles ? years.filter((y) => ctx.facts.hasAward(need.titles!.code, y)) : [];
  const okExcellent = excellent.length >= (need.excellent ?? 0);
  const okTitles = !need.titles || titles.length >= need.titles.n;
  const title = need.titles ? NAME[need.titles.code] : undefined;
  const partsVi = [need.excellent ? `hoàn thành xuất sắc nhiệm vụ ${excellent.length}/${need.excellent} năm (${list(excellent, 'không có')})` : '', title ? `${title.vi} ${titles.length}/${need.titles!.n} lần (${list(titles, 'không có')})` : ''].filter(Boolean);
  const partsEn = [need.excellent ? `‘excellent’ in ${excellent.length} of ${need.excellent} years (${list(excellent, 'none')})` : '', title ? `${title.en} ${titles.length} of ${need.titles!.n} times (${list(titles, 'none')})` : ''].filter(Boolean);
  return {
    outcome: okExcellent && okTitles ? 'MET' : 'NOT_MET',
    vi: `Trong các năm ${years[0]}–${years[years.length - 1]}: ${partsVi.join('; ')}.`,
    en: `In ${years[0]}–${years[years.length - 1]}: ${partsEn.join('; ')}.`,
    facts: { years, excellent, titles },
  };
}

function merit(ctx: RuleContext, spec: { prerequisite?: string; afterPrerequisite: boolean; years: number; excellent?: number; titles?: { code: string; n: number } }): Finding {
  const pre = spec.prerequisite ? prerequisite(ctx, spec.prerequisite) : {};
  if (pre.finding) return pre.finding;
  const good = run(ctx, spec.years, (y) => ctx.facts.good(y), 'hoàn thành tốt nhiệm vụ trở lên', '‘good’-or-better', spec.afterPrerequisite ? pre.year : undefined);
  if (good.finding) return { ...good.finding, facts: { ...good.finding.facts, prerequisiteYear: pre.year ?? null } };
  const counted = count(ctx, good.years, spec);
  const preVi = pre.year !== undefined ? `${NAME[spec.prerequisite!].vi} năm ${pre.year}; ` : '';
  const preEn = pre.year !== undefined ? `${NAME[spec.prerequisite!].en} in ${pre.year}; ` : '';
  return {
    ...counted,
    vi: `${preVi}${good.years.length} năm liên tục hoàn thành tốt nhiệm vụ trở lên (${good.years[0]}–${ctx.year}). ${counted.vi}`,
    en: `${preEn}${good.years.length} consecutive years rated ‘good’ or better (${good.years[0]}–${ctx.year}). ${counted.en}`,
    facts: { ...counted.facts, prerequisiteYear: pre.year ?? null },
  };
}

function ldttShare(ctx: RuleContext, share: EligibilityPolicy['ttldttLdttShare']): Finding {
  const c = ctx.facts.collectiveYear(ctx.year);
  if (!c || c.ldttCount === undefined) return missing({ vi: `số thành viên đạt Lao động tiên tiến năm ${ctx.year}`, en: `the number of members with the advanced-worker title in ${ctx.year}` });
  const needed = ceilShare(c.members, share);
  return {
    outcome: c.ldttCount >= needed ? 'MET' : 'NOT_MET',
    vi: `${c.ldttCount}/${c.members} thành viên đạt Lao động tiên tiến; cần ít nhất ${needed} (${share.numerator}/${share.denominator}).`,
    en: `${c.ldttCount} of ${c.members} members are advanced workers; at least ${needed} needed (${share.numerator}/${share.denominator}).`,
    facts: { members: c.members, ldttCount: c.ldttCount, needed },
  };
}

const collectiveRating = (accepted: string[], labelVi: string, labelEn: string): Rule => (ctx) => {
  const rating = ctx.facts.rating(ctx.year);
  if (rating === undefined) return missing({ vi: `xếp loại tập thể năm ${ctx.year}`, en: `the collective's ${ctx.year} rating` });
  return { outcome: accepted.includes(rating) ? 'MET' : 'NOT_MET', vi: `Tập thể xếp loại ${ratingName(rating, 'vi')} năm ${ctx.year} (cần ${labelVi}).`, en: `The collective was rated ${ratingName(rating, 'en')} in ${ctx.year} (${labelEn} needed).`, facts: { year: ctx.year, rating } };
};

function ledCluster(ctx: RuleContext, organisers: string[], vi: string, en: string): Finding {
  const led = ctx.facts.record.clusterLeadership;
  if (!led) return missing({ vi: 'kết quả chấm điểm, xếp hạng cụm, khối thi đua', en: 'the cluster or block ranking' });
  const hit = led.find((l) => l.year === ctx.year && organisers.includes(l.organisedBy));
  return hit
    ? { outcome: 'MET', vi: `Dẫn đầu ${vi} năm ${ctx.year}.`, en: `Led ${en} in ${ctx.year}.`, facts: { year: ctx.year } }
    : { outcome: 'NOT_MET', vi: `Không dẫn đầu ${vi} năm ${ctx.year}.`, en: `Did not lead ${en} in ${ctx.year}.`, facts: { year: ctx.year } };
}

/** Every criterion the engine decides, by its catalogue id. */
export const RULES: Record<string, Rule> = {
  'LDTT.rating': ldttRating,
  'LDTT.recruited': ldttRecruited,
  'CSTDCS.ldtt': (ctx) => {
    const parts = [ldttRating(ctx), ldttRecruited(ctx)];
    return { outcome: all(...parts.map((p) => p.outcome)), vi: parts.map((p) => p.vi).join(' '), en: parts.map((p) => p.en).join(' '), facts: Object.assign({}, ...parts.map((p) => p.facts)) };
  },
  'CSTDCS.excellent': (ctx) =>
    rated(ctx, ctx.year) ?? { outcome: ctx.facts.excellent(ctx.year) ? 'MET' : 'NOT_MET', vi: `Năm ${ctx.year} xếp loại ${ratingName(ctx.facts.rating(ctx.year), 'vi')}.`, en: `Rated ${ratingName(ctx.facts.rating(ctx.year), 'en')} in ${ctx.year}.`, facts: { rating: ctx.facts.rating(ctx.year) } },
  'CSTDCS.initiative': initiativeOfKind('INITIATIVE', 'Sáng kiến được công nhận', 'A recognised initiative'),
  'CSTDCS.scienceTech': initiativeOfKind('SCIENCE_TECH', 'Đề tài khoa học được nghiệm thu', 'An accepted S&T work'),
  'CSTDCS.combat': initiativeOfKind('COMBAT_INGENUITY', 'Mưu trí, sáng tạo trong chiến đấu', 'Combat ingenuity'),
  'CSTD_TINH.cstdcs3': (ctx) => consecutiveTitles(ctx, 'CSTDCS', 3),
  'CSTD_TINH.initiative': ({ facts, year }) => {
    const found = facts.initiatives(year - 2, year, AT_OR_ABOVE_PROVINCE);
    return found.length
      ? { outcome: 'MET', vi: `Có ảnh hưởng cấp tỉnh: ${found[0].title} (${found[0].year}).`, en: `Province-wide influence: ${found[0].title} (${found[0].year}).`, facts: { titles: found.map((i) => i.title) } }
      : { outcome: 'NOT_MET', vi: `Không có sáng kiến, đề tài ảnh hưởng cấp tỉnh trong các năm ${year - 2}–${year}.`, en: `No initiative or S&T work of province-wide influence in ${year - 2}–${year}.`, facts: { titles: [] } };
  },
  'CSTD_TQ.tinh2': (ctx) => consecutiveTitles(ctx, 'CSTD_TINH', 2, 3),
  // "Within the period of the two titles": from the earlier title's year to the proposal year.
  'CSTD_TQ.initiative': ({ facts, year }) => {
    const from = year - 3;
    const found = facts.initiatives(from, year, ['NATIONAL']);
    return found.length
      ? { outcome: 'MET', vi: `Có ảnh hưởng toàn quốc: ${found[0].title} (${found[0].year}).`, en: `Nationwide influence: ${found[0].title} (${found[0].year}).`, facts: { titles: found.map((i) => i.title), window: [from, year] } }
      : { outcome: 'NOT_MET', vi: `Không có sáng kiến, đề tài ảnh hưởng toàn quốc trong thời gian hai danh hiệu (${from}–${year}).`, en: `No initiative or S&T work of nationwide influence within the period of the two titles (${from}–${year}).`, facts: { titles: [], window: [from, year] } };
  },
  'TTLDTT.rating': collectiveRating(['HTXSNV', 'HTTNV'], 'hoàn thành tốt nhiệm vụ trở lên', '‘good’ or better'),
  'TTLDTT.ldtt70': (ctx) => ldttShare(ctx, ctx.policy.ttldttLdttShare),
  'TTLDTT.discipline': ({ facts, year }) => {
    const d = facts.collectiveYear(year)?.membersDisciplinedWarningOrAbove;
    if (d === undefined) return missing({ vi: `số thành viên bị kỷ luật năm ${year}`, en: `the members disciplined in ${year}` });
    return { outcome: d === 0 ? 'MET' : 'NOT_MET', vi: `${d} thành viên bị kỷ luật từ cảnh cáo trở lên.`, en: `${d} member(s) disciplined at warning or above.`, facts: { disciplined: d } };
  },
  'TTLDXS.rating': collectiveRating(['HTXSNV'], 'hoàn thành xuất sắc nhiệm vụ', '‘excellent’'),
  'TTLDXS.all': ({ facts, year }) => {
    const c = facts.collectiveYear(year);
    if (!c || c.membersCompletingTasks === undefined) return missing({ vi: `số thành viên hoàn thành nhiệm vụ năm ${year}`, en: `the members completing their tasks in ${year}` });
    return { outcome: c.membersCompletingTasks === c.members ? 'MET' : 'NOT_MET', vi: `${c.membersCompletingTasks}/${c.members} thành viên hoàn thành nhiệm vụ.`, en: `${c.membersCompletingTasks} of ${c.members} members completed their tasks.`, facts: { members: c.members, completing: c.membersCompletingTasks } };
  },
  'TTLDXS.ldtt70': (ctx) => ldttShare(ctx, ctx.policy.ttldxsLdttShare),
  'TTLDXS.cstdcs': ({ facts, year }) => {
    const n = facts.collectiveYear(year)?.cstdcsCount;
    if (n === undefined) return missing({ vi: `số Chiến sĩ thi đua cơ sở năm ${year}`, en: `the number of grassroots emulation fighters in ${year}` });
    return { outcome: n >= 1 ? 'MET' : 'NOT_MET', vi: `${n} thành viên đạt Chiến sĩ thi đua cơ sở.`, en: `${n} member(s) are grassroots emulation fighters.`, facts: { cstdcsCount: n } };
  },
  'CO_TINH.leader': (ctx) => ledCluster(ctx, ['PROVINCE'], 'cụm, khối thi đua của tỉnh', 'a provincial cluster or block'),
  'CO_CP.1.leader': (ctx) => ledCluster(ctx, ['PROVINCE', 'MINISTRY'], 'cụm, khối thi đua do bộ, tỉnh tổ chức', 'a cluster or block of a ministry or province'),
  'CO_CP.2': (ctx) => ledCluster(ctx, ['CENTRAL'], 'cụm, khối thi đua do Hội đồng Trung ương tổ chức', 'a cluster or block of the Central Council'),
  'GK.rating': (ctx) => {
    const rating = ctx.facts.rating(ctx.year);
    const ok = ctx.policy.giayKhenMinRating === 'HTXSNV' ? ctx.facts.excellent(ctx.year) : ctx.facts.good(ctx.year);
    return rated(ctx, ctx.year) ?? { outcome: ok ? 'MET' : 'NOT_MET', vi: `Năm ${ctx.year} xếp loại ${ratingName(rating, 'vi')} (tối thiểu ${ratingName(ctx.policy.giayKhenMinRating, 'vi')}).`, en: `Rated ${ratingName(rating, 'en')} in ${ctx.year} (minimum ${ratingName(ctx.policy.giayKhenMinRating, 'en')}).`, facts: { year: ctx.year, rating } };
  },
  'BK_TINH.d.titles': (ctx) => consecutiveTitles(ctx, 'CSTDCS', 2),
  'BK_TINH.d.initiatives': (ctx) => {
    const excellent = run(ctx, 2, (y) => ctx.facts.excellent(y), 'hoàn thành xuất sắc nhiệm vụ', '‘excellent’');
    if (excellent.finding) return excellent.finding;
    const from = excellent.years[0];
    const initiatives = ctx.facts.initiatives(from, ctx.year, AT_OR_ABOVE_GRASSROOTS, ['INITIATIVE']);
    const works = ctx.facts.initiatives(from, ctx.year, AT_OR_ABOVE_GRASSROOTS, ['SCIENCE_TECH']);
    const ok = initiatives.length >= 2 || works.length >= 2;
    return {
      outcome: ok ? 'MET' : 'NOT_MET',
      vi: `${excellent.years.length} năm liên tục hoàn thành xuất sắc nhiệm vụ (${from}–${ctx.year}); trong đó ${initiatives.length} sáng kiến, ${works.length} đề tài được công nhận (cần 2).`,
      en: `${excellent.years.length} consecutive ‘excellent’ years (${from}–${ctx.year}); within them ${initiatives.length} initiative(s), ${works.length} S&T work(s) recognised (2 needed).`,
      facts: { run: excellent.years, initiatives: initiatives.map((i) => i.title), works: works.map((i) => i.title) },
    };
  },
  'BK_TTG.b': (ctx) => merit(ctx, { prerequisite: 'BK_TINH', afterPrerequisite: ctx.policy.bkTtgWindowAfterPrerequisite, years: 5, titles: { code: 'CSTDCS', n: 3 } }),
  'HCLD3.e': (ctx) => merit(ctx, { prerequisite: 'BK_TTG', afterPrerequisite: true, years: 5, excellent: 1, titles: { code: 'CSTDCS', n: 3 } }),
  'HCLD2.merit': (ctx) => merit(ctx, { prerequisite: 'HCLD3', afterPrerequisite: true, years: 5, excellent: 2, titles: { code: 'CSTD_TINH', n: 1 } }),
};
