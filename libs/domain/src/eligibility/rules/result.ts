import type { CriterionDefinition } from '../../catalogue/types';
import type { CriterionOutcome, CriterionResult } from '../types';

/** What a rule says about one criterion: its outcome, why in both languages, and the facts it used. */
export interface Finding {
  outcome: CriterionOutcome;
  vi: string;
  en: string;
  facts?: Record<string, unknown>;
}

/** One criterion's verdict, described and cited from the catalogue entry it checks. */
export function verdict(def: CriterionDefinition, f: Finding): CriterionResult {
  return {
    id: def.id,
    outcome: f.outcome,
    judgedBy: def.judgedBy,
    ...(def.oneOf ? { oneOf: def.oneOf } : {}),
    descriptionVi: def.vi,
    descriptionEn: def.en,
    reasonVi: f.vi,
    reasonEn: f.en,
    facts: f.facts ?? {},
    citation: def.citation,
  };
}

export const missing = (what: { vi: string; en: string }, facts: Record<string, unknown> = {}): Finding => ({ outcome: 'UNKNOWN', vi: `Thiếu dữ liệu: ${what.vi}.`, en: `Missing facts: ${what.en}.`, facts });

/** Folds several checks: any NOT_MET wins over UNKNOWN, which wins over the reviewer's judgement, then MET. */
export function all(...outcomes: CriterionOutcome[]): CriterionOutcome {
  if (outcomes.includes('NOT_MET')) return 'NOT_MET';
  if (outcomes.includes('UNKNOWN')) return 'UNKNOWN';
  if (outcomes.includes('REVIEWER_JUDGES')) return 'REVIEWER_JUDGES';
  return 'MET';
}

/** The best of several alternatives: MET, else UNKNOWN (facts may still meet one), else the reviewer's, else NOT_MET. */
export function any(...outcomes: CriterionOutcome[]): CriterionOutcome {
  for (const o of ['MET', 'UNKNOWN', 'REVIEWER_JUDGES'] as const) if (outcomes.includes(o)) return o;
  return 'NOT_MET';
}

export const list = (years: number[], none: string) => (years.length ? years.join(', ') : none);
