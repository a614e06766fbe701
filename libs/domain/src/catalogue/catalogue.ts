import { invalid } from '../common/errors';
import { AWARDS_2024 } from './awards-2024';
import { art, D129, D152 } from './citations';
import { AWARD_CODES, type AwardCode, type AwardDefinition, type CatalogueVersion } from './types';

/**
 * Catalogue versions: a change in the law is a new version with an effective date, not a code
 * edit. A nomination is judged under the version in force at the end of its achievement period.
 */
const communeChair = {
  vi: 'Thủ trưởng đơn vị; với đơn vị do xã quản lý: Chủ tịch UBND cấp xã (Nghị định 129/2025, từ 01/07/2025)',
  en: 'Unit head; for commune-managed units the commune Chairman (Decree 129/2025, from 01/07/2025)',
  citation: [art('80', '3', undefined, 'S2'), art('—', undefined, undefined, 'S41', D129)],
};

function with2025Authority(awards: Record<AwardCode, AwardDefinition>): Record<AwardCode, AwardDefinition> {
  const next = { ...awards };
  for (const code of ['LDTT', 'CSTDCS', 'TTLDTT', 'GK_XA'] as const) next[code] = { ...awards[code], decider: communeChair };
  return next;
}

const VERSIONS: CatalogueVersion[] = [
  {
    version: '2024.1',
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-06-30',
    basisVi: 'Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP; Thông tư 01/2024/TT-BNV',
    basisEn: 'Law 06/2022/QH15; Decree 98/2023; Circular 01/2024/TT-BNV',
    awards: AWARDS_2024,
  },
  {
    version: '2025.2',
    effectiveFrom: '2025-07-01',
    basisVi: `Luật Thi đua, khen thưởng 06/2022/QH15; ${D152}; ${D129} (chính quyền hai cấp)`,
    basisEn: 'Law 06/2022/QH15; Decree 152/2025; Decree 129/2025 (two-tier local government)',
    awards: with2025Authority(AWARDS_2024),
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
  return catalogueFor(date).awards[code];
}

export function isAwardCode(s: string): s is AwardCode {
  return (AWARD_CODES as readonly string[]).includes(s);
}
