import type { AwardDefinition } from '../../catalogue/types';
import type { Facts } from '../facts';
import { ceilShare } from '../policy';
import type { CriterionResult, EligibilityPolicy } from '../types';
import { missing, verdict } from './result';

type Ctx = { award: AwardDefinition; facts: Facts; year: number; policy: EligibilityPolicy };
const def = (award: AwardDefinition, id: string) => award.criteria.find((c) => c.id === id)!;
const count = (n: number | undefined) => (n === undefined ? 'UNKNOWN' : undefined);

function ldttShare(award: AwardDefinition, id: string, c: ReturnType<Facts['collectiveYear']>, share: EligibilityPolicy['ttldttLdttShare']): CriterionResult {
  if (!c || c.ldttCount === undefined) return verdict(def(award, id), 'UNKNOWN', missing({ vi: 'số thành viên đạt LĐTT', en: 'the number of LĐTT members' }), {});
  const needed = ceilShare(c.members, share);
  return verdict(
    def(award, id),
    c.ldttCount >= needed ? 'MET' : 'NOT_MET',
    { vi: `${c.ldttCount}/${c.members} thành viên đạt LĐTT; cần ít nhất ${needed} (${share.numerator}/${share.denominator}).`, en: `${c.ldttCount} of ${c.members} members are LĐTT; needs at least ${needed} (${share.numerator}/${share.denominator}).` },
    { members: c.members, ldttCount: c.ldttCount, needed },
  );
}

function collectiveRating(award: AwardDefinition, id: string, facts: Facts, year: number, ok: (r: string) => boolean): CriterionResult {
  const rating = facts.rating(year);
  return verdict(def(award, id), rating === undefined ? 'UNKNOWN' : ok(rating) ? 'MET' : 'NOT_MET', rating === undefined ? missing({ vi: `xếp loại tập thể năm ${year}`, en: `the collective's ${year} rating` }) : { vi: `Tập thể xếp loại ${rating} năm ${year}.`, en: `The collective was rated ${rating} in ${year}.` }, { year, rating: rating ?? null });
}

/** R-TTLDTT (Art 28(1)): HTTNV or better; ≥ 70 % LĐTT (configurable); nobody disciplined at warning or above. */
export function ttldtt({ award, facts, year, policy }: Ctx): CriterionResult[] {
  const c = facts.collectiveYear(year);
  const disciplined = c?.membersDisciplinedWarningOrAbove;
  return [
    collectiveRating(award, 'TTLDTT.rating', facts, year, (r) => r === 'HTXSNV' || r === 'HTTNV'),
    ldttShare(award, 'TTLDTT.ldtt70', c, policy.ttldttLdttShare),
    verdict(def(award, 'TTLDTT.discipline'), count(disciplined) ?? (disciplined === 0 ? 'MET' : 'NOT_MET'), disciplined === undefined ? missing({ vi: 'số thành viên bị kỷ luật', en: 'disciplined members' }) : { vi: `${disciplined} thành viên bị kỷ luật từ cảnh cáo trở lên.`, en: `${disciplined} member(s) disciplined at warning or above.` }, { disciplined: disciplined ?? null }),
  ];
}

/** R-TTLDXS (Art 27(1)): HTXSNV; all members complete tasks; ≥ 70 % LĐTT; at least one CSTĐ cơ sở. */
export function ttldxs({ award, facts, year, policy }: Ctx): CriterionResult[] {
  const c = facts.collectiveYear(year);
  const completing = c?.membersCompletingTasks;
  const cstdcs = c?.cstdcsCount;
  return [
    collectiveRating(award, 'TTLDXS.rating', facts, year, (r) => r === 'HTXSNV'),
    verdict(def(award, 'TTLDXS.all'), !c || completing === undefined ? 'UNKNOWN' : completing === c.members ? 'MET' : 'NOT_MET', !c || completing === undefined ? missing({ vi: 'số thành viên hoàn thành nhiệm vụ', en: 'members completing tasks' }) : { vi: `${completing}/${c.members} thành viên hoàn thành nhiệm vụ.`, en: `${completing} of ${c.members} members completed their tasks.` }, { members: c?.members ?? null, completing: completing ?? null }),
    ldttShare(award, 'TTLDXS.ldtt70', c, policy.ttldxsLdttShare),
    verdict(def(award, 'TTLDXS.cstdcs'), cstdcs === undefined ? 'UNKNOWN' : cstdcs >= 1 ? 'MET' : 'NOT_MET', cstdcs === undefined ? missing({ vi: 'số CSTĐ cơ sở', en: 'CSTĐ cơ sở count' }) : { vi: `${cstdcs} thành viên đạt CSTĐ cơ sở.`, en: `${cstdcs} member(s) are CSTĐ cơ sở.` }, { cstdcsCount: cstdcs ?? null }),
  ];
}
