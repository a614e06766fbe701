import { readJsonSetting } from '../common/json-setting';
import type { RecipientKind } from '../common/levels';
import type { AwardDefinition, Citation } from '../catalogue/types';

/** Lương cơ sở: the base salary the bonus multiples apply to, by the date it took effect. */
export interface BaseSalaryStep {
  from: string;
  vnd: number;
  source: string;
}

/**
 * Decree 24/2023/NĐ-CP (1,800,000 from 01/07/2023) and Decree 73/2024/NĐ-CP (2,340,000 from
 * 01/07/2024). Configuration (BASE_SALARY) adds later steps without a release.
 */
export const DEFAULT_BASE_SALARY: BaseSalaryStep[] = [
  { from: '2019-07-01', vnd: 1_490_000, source: 'Nghị định 38/2019/NĐ-CP' },
  { from: '2023-07-01', vnd: 1_800_000, source: 'Nghị định 24/2023/NĐ-CP' },
  { from: '2024-07-01', vnd: 2_340_000, source: 'Nghị định 73/2024/NĐ-CP' },
];

export function parseBaseSalary(json: string | undefined): { table: BaseSalaryStep[]; problems: string[] } {
  const setting = readJsonSetting('BASE_SALARY', json, '[{"from":"YYYY-MM-DD","vnd":2340000,"source":"Nghị định …"}]');
  if (setting.kind !== 'value') return { table: DEFAULT_BASE_SALARY, problems: setting.kind === 'invalid' ? [setting.problem] : [] };
  const raw = setting.value;
  if (!Array.isArray(raw)) return { table: DEFAULT_BASE_SALARY, problems: ['BASE_SALARY must be a list of {"from","vnd","source"}'] };
  const problems: string[] = [];
  const steps = raw.map((s, i) => {
    const step = s as BaseSalaryStep;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(step?.from))) problems.push(`BASE_SALARY[${i}].from must be a date YYYY-MM-DD`);
    if (!Number.isInteger(step?.vnd) || step.vnd <= 0) problems.push(`BASE_SALARY[${i}].vnd must be a positive whole number of đồng`);
    if (typeof step?.source !== 'string' || !step.source.trim()) problems.push(`BASE_SALARY[${i}].source must name the instrument`);
    return step;
  });
  const merged = new Map(DEFAULT_BASE_SALARY.map((s) => [s.from, s]));
  for (const s of steps) merged.set(s.from, s);
  return { table: [...merged.values()].sort((a, b) => a.from.localeCompare(b.from)), problems };
}

export function baseSalaryOn(date: string, table: BaseSalaryStep[] = DEFAULT_BASE_SALARY): BaseSalaryStep {
  const step = [...table].reverse().find((s) => s.from <= date);
  if (!step) throw new Error(`no base salary before ${date}`);
  return step;
}

export interface Bonus {
  multiple: number;
  baseSalaryVnd: number;
  amountVnd: number;
  baseSalarySource: string;
  citation: Citation[];
  /** The multiple is from Decree 98 and not verified against Decree 152 (docs/law.md). */
  uncertain: boolean;
}

/**
 * Tiền thưởng for one recipient: the award's multiple for this kind of recipient times the base
 * salary in force on the decision date, in whole đồng. None when the law gives no bonus.
 */
export function bonusFor(award: Pick<AwardDefinition, 'bonus'>, kind: RecipientKind, decidedOn: string, table: BaseSalaryStep[] = DEFAULT_BASE_SALARY): Bonus | undefined {
  const b = award.bonus;
  const multiple = b && { INDIVIDUAL: b.individual, COLLECTIVE: b.collective, HOUSEHOLD: b.household }[kind];
  if (!b || !multiple) return undefined;
  const step = baseSalaryOn(decidedOn, table);
  // Multiples have one decimal: work in tenths so 0.3 × 2,340,000 is exactly 702,000.
  const amountVnd = (Math.round(multiple * 10) * step.vnd) / 10;
  return { multiple, baseSalaryVnd: step.vnd, amountVnd, baseSalarySource: step.source, citation: b.citation, uncertain: !!b.uncertain };
}
