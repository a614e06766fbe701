import { readJsonSetting } from '../common/json-setting';
import type { Fraction, VotingRule } from './types';
import { AWARD_CODES } from '../catalogue/types';

/**
 * Default voting rules by key, and per-council / per-award overrides. The current decrees do not
 * settle thresholds (docs/law.md, open questions), so these are configuration, documented in
 * docs/council-voting.md. Override with
 * VOTING_RULES='{"rules":{"KEY":{…}},"councils":{"hd-x":{"*":"KEY","CSTD_TINH":"KEY"}}}'.
 */
const decree98Art47 = { vi: 'Nghị định 98/2023/NĐ-CP, Điều 47: họp khi có ít nhất 2/3 tổng số thành viên; quyết định theo đa số', en: 'Decree 98/2023 Art 47: quorum at least 2/3 of all members; decides by majority', source: 'S48' };

const majorityWithTwoThirdsQuorum = (ruleKey: string, note?: { vi: string; en: string }): VotingRule => ({
  ruleKey,
  quorum: { numerator: 2, denominator: 3 },
  threshold: { numerator: 1, denominator: 2, strict: true },
  basis: 'PRESENT',
  recusalReducesDenominator: true,
  abstainCountsAsPresent: true,
  secretBallot: true,
  citation: note ? [decree98Art47, note] : [decree98Art47],
});

export const DEFAULT_VOTING_RULES: Record<string, VotingRule> = {
  CENTRAL_DEFAULT: majorityWithTwoThirdsQuorum('CENTRAL_DEFAULT'),
  PROVINCE_DEFAULT: majorityWithTwoThirdsQuorum('PROVINCE_DEFAULT', { vi: 'Áp dụng tương tự cho Hội đồng cấp tỉnh (CHƯA XÁC ĐỊNH: quy chế tỉnh)', en: 'Applied by analogy to provincial councils (UNCERTAIN: provincial rules)' }),
  UNIT_DEFAULT: majorityWithTwoThirdsQuorum('UNIT_DEFAULT', { vi: 'Áp dụng tương tự cho Hội đồng cơ sở (CHƯA XÁC ĐỊNH)', en: 'Applied by analogy to unit councils (UNCERTAIN)' }),
  LEGACY_90: {
    ruleKey: 'LEGACY_90',
    quorum: { numerator: 9, denominator: 10 },
    threshold: { numerator: 9, denominator: 10, strict: false },
    basis: 'ALL_MEMBERS',
    recusalReducesDenominator: false,
    abstainCountsAsPresent: true,
    secretBallot: true,
    citation: [{ vi: 'Nghị định 91/2017/NĐ-CP, Điều 45(8) (đã hết hiệu lực): bỏ phiếu kín, ≥ 90% tổng số thành viên', en: 'Decree 91/2017 Art 45(8) (repealed): secret ballot, ≥ 90 % of all members', source: 'S52' }],
  },
};

const RULE_KEYS = ['ruleKey', 'quorum', 'threshold', 'basis', 'recusalReducesDenominator', 'abstainCountsAsPresent', 'secretBallot', 'citation'] as const;
const REQUIRED: (typeof RULE_KEYS)[number][] = ['quorum', 'threshold', 'basis'];

const isFraction = (v: unknown): v is Fraction => {
  const f = v as Fraction;
  return typeof f === 'object' && f !== null && Number.isInteger(f.numerator) && Number.isInteger(f.denominator) && f.denominator > 0 && f.numerator > 0 && f.numerator <= f.denominator;
};

function ruleProblems(key: string, raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [`VOTING_RULES: rules.${key} must be an object`];
  const r = raw as Record<string, unknown>;
  const problems = Object.keys(r).filter((k) => !(RULE_KEYS as readonly string[]).includes(k)).map((k) => `VOTING_RULES: rules.${key}.${k} is not a rule field (known: ${RULE_KEYS.join(', ')})`);
  for (const k of REQUIRED) if (!(k in r)) problems.push(`VOTING_RULES: rules.${key}.${k} is required`);
  if ('quorum' in r && !isFraction(r.quorum)) problems.push(`VOTING_RULES: rules.${key}.quorum must be {"numerator":n,"denominator":d} with 0 < n ≤ d`);
  if ('threshold' in r) {
    const t = r.threshold as { strict?: unknown };
    if (!isFraction(t) || typeof t.strict !== 'boolean') problems.push(`VOTING_RULES: rules.${key}.threshold must be {"numerator":n,"denominator":d,"strict":true|false}`);
  }
  if ('basis' in r && r.basis !== 'ALL_MEMBERS' && r.basis !== 'PRESENT') problems.push(`VOTING_RULES: rules.${key}.basis must be "ALL_MEMBERS" or "PRESENT"`);
  for (const k of ['recusalReducesDenominator', 'abstainCountsAsPresent', 'secretBallot'] as const) {
    if (k in r && typeof r[k] !== 'boolean') problems.push(`VOTING_RULES: rules.${key}.${k} must be true or false`);
  }
  if ('ruleKey' in r && r.ruleKey !== key) problems.push(`VOTING_RULES: rules.${key}.ruleKey must be "${key}" or absent`);
  return problems;
}

interface Overrides {
  rules: Record<string, VotingRule>;
  councils: Record<string, Record<string, string>>;
}

/**
 * Parses and checks a VOTING_RULES override: unknown keys, a rule without a quorum and a council
 * pointing at a rule that does not exist are all refused by name, never silently ignored.
 */
export function parseVotingRules(json: string | undefined): { overrides: Overrides; problems: string[] } {
  const empty = { rules: {}, councils: {} };
  const setting = readJsonSetting('VOTING_RULES', json, '{"rules":{…},"councils":{"<councilId>":{"*":"RULE","<AWARD>":"RULE"}}}');
  if (setting.kind !== 'value') return { overrides: empty, problems: setting.kind === 'invalid' ? [setting.problem] : [] };
  const parsed = setting.value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { overrides: empty, problems: ['VOTING_RULES must be a JSON object with "rules" and/or "councils"'] };
  const o = parsed as Record<string, unknown>;
  const problems = Object.keys(o).filter((k) => k !== 'rules' && k !== 'councils').map((k) => `VOTING_RULES: unknown key "${k}" (known: rules, councils)`);
  const rules: Record<string, VotingRule> = {};
  for (const [key, raw] of Object.entries((o.rules as Record<string, unknown>) ?? {})) {
    const p = ruleProblems(key, raw);
    problems.push(...p);
    if (!p.length) rules[key] = { recusalReducesDenominator: true, abstainCountsAsPresent: true, secretBallot: true, citation: [], ...(raw as object), ruleKey: key } as unknown as VotingRule;
  }
  const known = new Set([...Object.keys(DEFAULT_VOTING_RULES), ...Object.keys((o.rules as object) ?? {})]);
  const councils: Record<string, Record<string, string>> = {};
  for (const [councilId, map] of Object.entries((o.councils as Record<string, unknown>) ?? {})) {
    if (typeof map !== 'object' || map === null) {
      problems.push(`VOTING_RULES: councils.${councilId} must map award codes (or "*") to rule keys`);
      continue;
    }
    // Council ids are `hd-<unit>` (routing/route.ts); a misspelt one or a misspelt award code would
    // otherwise be ignored in silence, and the council would vote under the default rule.
    if (!/^hd-[a-z0-9-]+$/.test(councilId)) problems.push(`VOTING_RULES: councils.${councilId} is not a council id (hd-<unit>, e.g. hd-ubnd-tinh)`);
    for (const [award, key] of Object.entries(map)) {
      if (award !== '*' && !(AWARD_CODES as readonly string[]).includes(award)) problems.push(`VOTING_RULES: councils.${councilId}.${award} is not an award code (or "*")`);
      if (typeof key !== 'string' || !known.has(key)) problems.push(`VOTING_RULES: councils.${councilId}.${award} names rule "${String(key)}", which does not exist (known: ${[...known].join(', ')})`);
    }
    councils[councilId] = map as Record<string, string>;
  }
  return { overrides: { rules, councils }, problems };
}

/** The voting rules in force: defaults, overrides and the council/award mapping. */
export class VotingRules {
  private readonly rules: Record<string, VotingRule>;
  private readonly councils: Record<string, Record<string, string>>;

  constructor(json?: string) {
    const { overrides, problems } = parseVotingRules(json);
    if (problems.length) throw new Error(problems.join('; '));
    this.rules = { ...DEFAULT_VOTING_RULES, ...overrides.rules };
    this.councils = overrides.councils;
  }

  /** Award-level override wins over council-level (`*`) over the catalogue's rule key. */
  resolve(councilId: string, awardCode: string, catalogueRuleKey: string): VotingRule {
    const byCouncil = this.councils[councilId] ?? {};
    const key = byCouncil[awardCode] ?? byCouncil['*'] ?? catalogueRuleKey;
    const rule = this.rules[key];
    if (!rule) throw new Error(`no voting rule ${key}`);
    return rule;
  }
}
