import type { VotingRule } from '@vinhdanh/workflows/council/types';

/**
 * Default voting rules by key, and per-council / per-award overrides. The current decrees do not
 * settle thresholds (law.md §2.4, open question 1), so these are configuration, documented in
 * docs/council-voting.md. Override with VOTING_RULES='{"rules":{…},"councils":{"hd-x":{"*":"KEY","CSTD_TINH":"KEY"}}}'.
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

interface Overrides {
  rules?: Record<string, VotingRule>;
  councils?: Record<string, Record<string, string>>;
}

export class VotingRules {
  private readonly rules: Record<string, VotingRule>;
  private readonly councils: Record<string, Record<string, string>>;

  constructor(json?: string) {
    const overrides: Overrides = json ? JSON.parse(json) : {};
    this.rules = { ...DEFAULT_VOTING_RULES, ...overrides.rules };
    this.councils = overrides.councils ?? {};
  }

  /** Award-level override wins over council-level (`*`) over the catalogue's rule key. */
  resolve(councilId: string, awardCode: string, catalogueRuleKey: string): VotingRule {
    const byCouncil = this.councils[councilId] ?? {};
    const key = byCouncil[awardCode] ?? byCouncil['*'] ?? catalogueRuleKey;
    const rule = this.rules[key] ?? this.rules[catalogueRuleKey];
    if (!rule) throw new Error(`no voting rule ${key}`);
    return rule;
  }
}
