import type { Level, RecipientKind } from '../common/levels';

/** A legal citation: instrument, article, clause, point, and the source tag of law.md §0. */
export interface Citation {
  instrument: string;
  article?: string;
  clause?: string;
  point?: string;
  source?: string;
  textVi?: string;
  textEn?: string;
}

export const AWARD_CODES = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TQ',
  'TTLDTT',
  'TTLDXS',
  'GK_DONVI',
  'GK_XA',
  'BK_TINH',
  'BK_TTG',
  'HCLD3',
  'HCLD2',
] as const;
export type AwardCode = (typeof AWARD_CODES)[number];

export interface CriterionDefinition {
  id: string;
  vi: string;
  en: string;
  citation: Citation[];
}

export interface AwardDefinition {
  code: AwardCode;
  nameVi: string;
  nameEn: string;
  tier: 'GIAY_KHEN' | 'BANG_KHEN_TINH' | 'STATE' | 'EMULATION_TITLE';
  recipientKinds: RecipientKind[];
  /** Level whose decision maker confers it. */
  decidingLevel: Level;
  decider: { vi: string; en: string; citation: Citation[] };
  /** Levels the nomination climbs, from UNIT to the deciding level. */
  route: Level[];
  /** Councils that vote; ruleKey selects the voting rule (apps/api/src/councils/voting-rules.ts). */
  council: { level: Level; required: boolean; ruleKey: string }[];
  publicDisclosure?: { workingDays: number; level: Level; citation: Citation[] };
  requiredDocuments: { code: string; vi: string; en: string; citation: Citation[] }[];
  criteria: CriterionDefinition[];
  simplifiedProcedureAllowed: boolean;
}

export interface CatalogueVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo?: string;
  basisVi: string;
  basisEn: string;
  awards: Record<AwardCode, AwardDefinition>;
}
