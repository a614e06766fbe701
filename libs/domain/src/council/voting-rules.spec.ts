import { DEFAULT_VOTING_RULES, parseVotingRules, VotingRules } from './voting-rules';

const STRICT = { quorum: { numerator: 3, denominator: 4 }, threshold: { numerator: 2, denominator: 3, strict: false }, basis: 'ALL_MEMBERS' };

describe('voting rules', () => {
  it('unset means the defaults, each citing its decree', () => {
    const rules = new VotingRules(undefined);
    expect(rules.resolve('hd-x', 'CSTD_TINH', 'PROVINCE_DEFAULT')).toBe(DEFAULT_VOTING_RULES.PROVINCE_DEFAULT);
    expect(DEFAULT_VOTING_RULES.PROVINCE_DEFAULT.citation[0].vi).toContain('Nghị định 98/2023/NĐ-CP, Điều 47');
  });

  it('an award-level override beats the council’s "*", which beats the catalogue’s key', () => {
    const rules = new VotingRules(JSON.stringify({ rules: { STRICT }, councils: { 'hd-a': { '*': 'LEGACY_90', CSTD_TINH: 'STRICT' } } }));
    expect(rules.resolve('hd-a', 'CSTD_TINH', 'PROVINCE_DEFAULT').ruleKey).toBe('STRICT');
    expect(rules.resolve('hd-a', 'BK_TINH', 'PROVINCE_DEFAULT').ruleKey).toBe('LEGACY_90');
    expect(rules.resolve('hd-b', 'CSTD_TINH', 'PROVINCE_DEFAULT').ruleKey).toBe('PROVINCE_DEFAULT');
  });

  it('an override gets the safe defaults for what it leaves out: recusal reduces the base, abstention is presence, the ballot is secret', () => {
    const rule = new VotingRules(JSON.stringify({ rules: { STRICT }, councils: { 'hd-a': { '*': 'STRICT' } } })).resolve('hd-a', 'X', 'UNIT_DEFAULT');
    expect(rule).toMatchObject({ ruleKey: 'STRICT', recusalReducesDenominator: true, abstainCountsAsPresent: true, secretBallot: true, citation: [] });
  });

  it('refuses by name, never ignores: unknown keys, missing fields, bad fractions and a council naming no rule', () => {
    const { problems } = parseVotingRules(
      JSON.stringify({
        extra: 1,
        rules: {
          A: { ...STRICT, colour: 'red' },
          B: { threshold: { numerator: 1, denominator: 2 } },
          C: { ...STRICT, quorum: { numerator: 5, denominator: 4 }, basis: 'SOME', secretBallot: 'yes', ruleKey: 'Z' },
          D: [1],
        },
        councils: { 'hd-a': { '*': 'NOPE' }, 'hd-b': 3 },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'VOTING_RULES: unknown key "extra" (known: rules, councils)',
        expect.stringContaining('rules.A.colour is not a rule field'),
        'VOTING_RULES: rules.B.quorum is required',
        'VOTING_RULES: rules.B.basis is required',
        expect.stringContaining('rules.B.threshold must be'),
        expect.stringContaining('rules.C.quorum must be'),
        'VOTING_RULES: rules.C.basis must be "ALL_MEMBERS" or "PRESENT"',
        'VOTING_RULES: rules.C.secretBallot must be true or false',
        'VOTING_RULES: rules.C.ruleKey must be "C" or absent',
        'VOTING_RULES: rules.D must be an object',
        expect.stringContaining('councils.hd-a.* names rule "NOPE", which does not exist'),
        expect.stringContaining('councils.hd-b must map award codes'),
      ]),
    );
    expect(() => new VotingRules(JSON.stringify({ councils: { 'hd-a': { '*': 'NOPE' } } }))).toThrow(/NOPE/);
  });

  it('refuses a misspelt award code or council id instead of ignoring it', () => {
    const { problems } = parseVotingRules(JSON.stringify({ councils: { 'hd-ubnd-tinh': { CSTD_TIHN: 'PROVINCE_DEFAULT', CSTD_TINH: 'PROVINCE_DEFAULT' }, 'HD UBND': { '*': 'PROVINCE_DEFAULT' } } }));
    expect(problems).toEqual([
      'VOTING_RULES: councils.hd-ubnd-tinh.CSTD_TIHN is not an award code (or "*")',
      'VOTING_RULES: councils.HD UBND is not a council id (hd-<unit>, e.g. hd-ubnd-tinh)',
    ]);
  });

  it('refuses what is not a JSON object, and names the setting', () => {
    expect(parseVotingRules('[1]').problems).toEqual(['VOTING_RULES must be a JSON object with "rules" and/or "councils"']);
    expect(parseVotingRules('{oops').problems[0]).toMatch(/^VOTING_RULES/);
  });

  it('a rule the configuration does not hold is an error, not a silent default', () => {
    expect(() => new VotingRules(undefined).resolve('hd-a', 'X', 'MISSING')).toThrow('no voting rule MISSING');
  });
});
