import { tallyItem } from './tally';
import { countChoices, type Choice, type SessionItem, type SessionMember, type VotingRule } from './types';

const members: SessionMember[] = Array.from({ length: 9 }, (_, i) => ({ userId: `m${i + 1}`, fullName: `Member ${i + 1}`, role: i === 0 ? 'SECRETARY' : 'MEMBER' }));
const item: SessionItem = { nominationId: 'n1', workflowId: 'w1', awardCode: 'CSTD_TINH', nomineeName: 'A', ruleKey: 'R' };
const twoThirdsOfAll: VotingRule = {
  ruleKey: 'R',
  quorum: { numerator: 2, denominator: 3 },
  threshold: { numerator: 2, denominator: 3, strict: false },
  basis: 'ALL_MEMBERS',
  recusalReducesDenominator: false,
  abstainCountsAsPresent: true,
  secretBallot: true,
  citation: [],
};

function ballots(agree: number, disagree: number, abstain = 0): { voted: string[]; ballots: ReturnType<typeof countChoices> } {
  const choices: Choice[] = [...Array(agree).fill('AGREE'), ...Array(disagree).fill('DISAGREE'), ...Array(abstain).fill('ABSTAIN')];
  return { voted: choices.map((_, i) => `m${i + 1}`), ballots: countChoices(choices) };
}

describe('tallyItem', () => {
  it('2/3 of 9 members: 6 in favour passes, 5 fails', () => {
    const six = ballots(6, 3);
    expect(tallyItem(item, twoThirdsOfAll, members, [], six.voted, six.ballots).result).toBe('PASSED');
    const five = ballots(5, 4);
    const record = tallyItem(item, twoThirdsOfAll, members, [], five.voted, five.ballots);
    expect(record.result).toBe('FAILED');
    expect(record.reasonVi).toMatch(/^Không đạt: 5\/9 phiếu đồng ý/);
  });

  it('strict majority of those present: exactly half fails', () => {
    const rule = { ...twoThirdsOfAll, basis: 'PRESENT' as const, threshold: { numerator: 1, denominator: 2, strict: true } };
    const half = ballots(3, 3);
    expect(tallyItem(item, rule, members, [], half.voted, half.ballots).result).toBe('FAILED');
    const more = ballots(4, 3);
    expect(tallyItem(item, rule, members, [], more.voted, more.ballots).result).toBe('PASSED');
  });

  it('quorum: 5 of 9 voting is below two thirds', () => {
    const five = ballots(5, 0);
    const record = tallyItem(item, twoThirdsOfAll, members, [], five.voted, five.ballots);
    expect(record).toMatchObject({ result: 'NO_QUORUM', quorum: { base: 9, counted: 5, met: false } });
  });

  it('recusal reduces the denominator only when configured', () => {
    const conflicts = [{ userId: 'm9', nominationId: 'n1', reason: 'Người thân' }, { userId: 'm8', nominationId: 'n1', reason: 'Cùng tổ' }, { userId: 'm7', nominationId: 'n1', reason: 'x' }];
    const five = ballots(5, 1);
    expect(tallyItem(item, twoThirdsOfAll, members, conflicts, five.voted, five.ballots)).toMatchObject({ result: 'FAILED', threshold: { denominator: 9 } });
    const reduced = tallyItem(item, { ...twoThirdsOfAll, recusalReducesDenominator: true }, members, conflicts, five.voted, five.ballots);
    expect(reduced).toMatchObject({ result: 'PASSED', threshold: { denominator: 6 }, eligibleMembers: 6 });
    expect(reduced.recused.map((r) => r.reason)).toEqual(['x', 'Cùng tổ', 'Người thân']);
  });

  it('abstentions count toward quorum only if the rule says so', () => {
    const mixed = ballots(5, 0, 1);
    expect(tallyItem(item, twoThirdsOfAll, members, [], mixed.voted, mixed.ballots).quorum.met).toBe(true);
    expect(tallyItem(item, { ...twoThirdsOfAll, abstainCountsAsPresent: false }, members, [], mixed.voted, mixed.ballots).quorum.met).toBe(false);
  });
});
