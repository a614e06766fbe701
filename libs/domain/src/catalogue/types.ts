import type { Level, RecipientKind } from '../common/levels';

/** A legal citation: instrument, article, clause, point, and the source tag of docs/law.md. */
export interface Citation {
  instrument: string;
  /** Absent only where the article could not be verified; `note` then says so. */
  article?: string;
  clause?: string;
  point?: string;
  source?: string;
  note?: { vi: string; en: string };
}

export const AWARD_CODES = [
  'LDTT',
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TQ',
  'TTLDTT',
  'TTLDXS',
  'CO_TINH',
  'CO_CP',
  'GK_DONVI',
  'GK_XA',
  'GK_HUYEN',
  'BK_TINH',
  'BK_TTG',
  'HCLD3',
  'HCLD2',
  'HCLD1',
  'AHLD',
  'GDVH',
  'THON_VH',
  'XA_TIEUBIEU',
] as const;
export type AwardCode = (typeof AWARD_CODES)[number];

/**
 * One criterion of an award. `RULE`: the engine decides it from the record. `REVIEWER`: the law is
 * qualitative there, or its text could not be verified; the engine names it, cites it, and leaves
 * it to the reviewer's written judgement.
 *
 * Criteria with `oneOf` are alternatives of the law ("one of the following"): criteria sharing a
 * group and an option are all needed for that option; any one option meets the group. Criteria
 * without `oneOf` are always needed.
 */
export interface CriterionDefinition {
  id: string;
  vi: string;
  en: string;
  citation: Citation[];
  judgedBy: 'RULE' | 'REVIEWER';
  oneOf?: { group: string; option: string; label: { vi: string; en: string } };
  /** Only for these recipients (e.g. collectives' criteria of an article). */
  appliesTo?: RecipientKind[];
}

export interface Authority {
  vi: string;
  en: string;
  citation: Citation[];
}

export interface AwardDefinition {
  code: AwardCode;
  nameVi: string;
  nameEn: string;
  tier: 'GIAY_KHEN' | 'BANG_KHEN_TINH' | 'STATE' | 'EMULATION_TITLE' | 'LOCAL_TITLE';
  /** A title is recognised (công nhận danh hiệu); a form is given (tặng). Decisions word them so. */
  kind: 'TITLE' | 'FORM';
  recipientKinds: RecipientKind[];
  /** Level whose decision maker confers it. */
  decidingLevel: Level;
  decider: Authority;
  /** Levels the nomination climbs, from UNIT to the deciding level. */
  route: Level[];
  /**
   * State awards decided by the President (Law Art 83(2)): after the central level the Government
   * submits a proposal (tờ trình), the President's Office reviews it, the President decides (QĐ-CTN).
   */
  president?: boolean;
  /** The decision maker's unit at this local level is the commune's former district (2024 only). */
  decidedByDistrict?: boolean;
  /** Councils that vote; ruleKey selects the voting rule (docs/council-voting.md). */
  council: { level: Level; required: boolean; ruleKey: string }[];
  /** Public posting before the council at that level may meet. */
  publicDisclosure?: { days: number; unit: 'WORKING_DAYS' | 'DAYS'; level: Level; citation: Citation[] };
  /** Central public consultation (Ban TĐKT Trung ương's portal) before the central council. */
  centralConsultation?: { workingDays: number; citation: Citation[] };
  requiredDocuments: { code: string; vi: string; en: string; citation: Citation[] }[];
  criteria: CriterionDefinition[];
  simplifiedProcedureAllowed: boolean;
  /** What the dossier holds under the simplified procedure (Law Art 85): one set, instead of requiredDocuments. */
  simplifiedDocuments?: { code: string; vi: string; en: string; citation: Citation[] }[];
  /** Truy tặng: given after death. UNCERTAIN where the sources are silent. */
  posthumous: 'ALLOWED' | 'NOT_ALLOWED' | 'UNCERTAIN';
  /** Tiền thưởng: multiples of the base salary (lương cơ sở) in force on the decision date. */
  bonus?: { individual?: number; collective?: number; household?: number; citation: Citation[]; uncertain?: boolean };
}

export interface CatalogueVersion {
  version: string;
  effectiveFrom: string;
  effectiveTo?: string;
  basisVi: string;
  basisEn: string;
  awards: Partial<Record<AwardCode, AwardDefinition>>;
}
