import type { CriterionDefinition } from '../../catalogue/types';
import type { CriterionOutcome, CriterionResult } from '../types';

/** One criterion's verdict, described and cited from the catalogue entry it checks. */
export function verdict(
  def: CriterionDefinition,
  outcome: CriterionOutcome,
  reason: { vi: string; en: string },
  facts: Record<string, unknown>,
  alternative?: string,
): CriterionResult {
  return {
    id: def.id,
    outcome,
    descriptionVi: def.vi,
    descriptionEn: def.en,
    reasonVi: reason.vi,
    reasonEn: reason.en,
    facts,
    citation: def.citation,
    ...(alternative ? { alternative } : {}),
  };
}

export const missing = (what: { vi: string; en: string }) => ({ vi: `Thiếu dữ liệu: ${what.vi}`, en: `Missing facts: ${what.en}` });

/** Folds several yes/no/unknown checks: any NOT_MET wins over UNKNOWN, which wins over MET. */
export function all(...outcomes: CriterionOutcome[]): CriterionOutcome {
  if (outcomes.includes('NOT_MET')) return 'NOT_MET';
  if (outcomes.includes('UNKNOWN')) return 'UNKNOWN';
  return 'MET';
}
