import { invalid } from '../common/errors';
import { awardsOf } from './awards';
import { D129, D152, D98, C01, LAW } from './citations';
import { AWARD_CODES, type AwardCode, type AwardDefinition, type CatalogueVersion } from './types';

/**
 * Catalogue versions: a change in the law is a new version with an effective date, not a code
 * edit. Criteria follow the version in force at the end of the achievement period; who decides,
 * the route and the councils follow the version in force when the nomination is submitted (the
 * authority that exists to decide it).
 */
const VERSIONS: CatalogueVersion[] = [
  {
    version: '2024.1',
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-06-30',
    basisVi: `${LAW}; ${D98}; ${C01}`,
    basisEn: 'Law 06/2022/QH15; Decree 98/2023; Circular 01/2024/TT-BNV',
    awards: awardsOf('2024.1'),
  },
  {
    version: '2025.2',
    effectiveFrom: '2025-07-01',
    basisVi: `${LAW}; ${D152}; ${D129} (chính quyền địa phương hai cấp)`,
    basisEn: 'Law 06/2022/QH15; Decree 152/2025; Decree 129/2025 (two-tier local government)',
    awards: awardsOf('2025.2'),
  },
];

export function catalogueVersions(): CatalogueVersion[] {
  return VERSIONS;
}

export function catalogueFor(date: string): CatalogueVersion {
  const found = VERSIONS.find((v) => v.effectiveFrom <= date && (!v.effectiveTo || date <= v.effectiveTo));
  if (!found) {
    throw invalid('NO_CATALOGUE', `Không có danh mục khen thưởng áp dụng cho ngày ${date} (từ 01/01/2024).`, `No award catalogue applies on ${date} (from 2024-01-01).`, 'achievementPeriod.to');
  }
  return found;
}

export function awardDefinition(code: AwardCode, date: string): AwardDefinition {
  const award = catalogueFor(date).awards[code];
  if (!award) {
    throw invalid('AWARD_NOT_IN_FORCE', `Hình thức ${code} không còn áp dụng vào ngày ${date} (bỏ cấp huyện từ 01/07/2025; dùng Giấy khen của Chủ tịch UBND cấp xã).`, `${code} is not in force on ${date} (districts were abolished on 01/07/2025; use the commune Chairman's Giấy khen).`, 'awardCode');
  }
  return award;
}

/**
 * The award as a nomination submitted on `submittedOn` for an achievement ending `periodEnd` is
 * handled: its criteria and documents from the achievement's version, its authority, route and
 * councils from the version in force at submission.
 */
export function awardForNomination(code: AwardCode, periodEnd: string, submittedOn: string): AwardDefinition & { criteriaVersion: string; authorityVersion: string } {
  const criteria = awardDefinition(code, periodEnd);
  const authority = awardDefinition(code, submittedOn);
  return {
    ...criteria,
    decidingLevel: authority.decidingLevel,
    decider: authority.decider,
    route: authority.route,
    council: authority.council,
    president: authority.president,
    decidedByDistrict: authority.decidedByDistrict,
    publicDisclosure: authority.publicDisclosure,
    centralConsultation: authority.centralConsultation,
    criteriaVersion: catalogueFor(periodEnd).version,
    authorityVersion: catalogueFor(submittedOn).version,
  };
}

/** An award's name in each language, from the newest catalogue version that has it; the code otherwise. */
export function awardNames(code: string): { vi: string; en: string } {
  const award = [...VERSIONS].reverse().map((v) => (v.awards as Record<string, AwardDefinition | undefined>)[code]).find(Boolean);
  return { vi: award?.nameVi ?? code, en: award?.nameEn ?? code };
}

/** Whether an award is a title (công nhận danh hiệu) or a form given (tặng), from the newest version that has it. */
export function awardKindOf(code: string): AwardDefinition['kind'] | undefined {
  return [...VERSIONS].reverse().map((v) => (v.awards as Record<string, AwardDefinition | undefined>)[code]).find(Boolean)?.kind;
}

export function isAwardCode(s: string): s is AwardCode {
  return (AWARD_CODES as readonly string[]).includes(s);
}
