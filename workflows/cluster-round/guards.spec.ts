import { refusal as code } from '../../test/support/refusal';
import type { ClusterRoundInput, ClusterRoundView } from '@vinhdanh/domain/movement/cluster';
import { validateCloseRound, validateSignPledge, validateSubmitScores } from './guards';

const head = (unitId: string) => ({ userId: `thutruong.${unitId}`, fullName: 'Thủ trưởng', unitId, roles: ['DECISION_MAKER' as const] });
const input: ClusterRoundInput = {
  roundId: 'r', year: 2025, leaderUnitId: 'b', deputyUnitId: 'c', openedBy: head('b'),
  cluster: { id: 'c', nameVi: 'Cụm', nameEn: 'Cluster', kind: 'CUM', members: ['a', 'b'], firstYear: 2024, criteria: [{ code: 'K', nameVi: 'K', nameEn: 'K', weight: 1, maxScore: 10 }], quotas: { flag: 1, certificate: 0 }, pledgeVi: 'Giao ước' },
};
const view = (over: Partial<ClusterRoundView> = {}): ClusterRoundView => ({ roundId: 'r', clusterId: 'c', year: 2025, status: 'SCORING', leaderUnitId: 'b', deputyUnitId: 'c', scoredBy: [], pledgeSignedBy: [], ranking: null, seq: 1, ...over });

describe('cluster round guards', () => {
  it('takes a full sheet from a member’s head, every score in range', () => {
    expect(code(() => validateSubmitScores(input, view(), { sheet: { a: { K: 8 }, b: { K: 10 } }, actor: head('a') }))).toBe('ACCEPTED');
    expect(code(() => validateSubmitScores(input, view(), { sheet: { a: { K: 8 }, b: { K: 10 } }, actor: head('z') }))).toBe('MEMBER_HEAD_REQUIRED');
    expect(code(() => validateSubmitScores(input, view(), { sheet: { a: { K: 8 }, b: { K: 10 } }, actor: { ...head('a'), roles: ['CLERK'] } }))).toBe('MEMBER_HEAD_REQUIRED');
    expect(code(() => validateSubmitScores(input, view(), { sheet: { a: { K: 8 } }, actor: head('a') }))).toBe('BAD_SCORE');
    expect(code(() => validateSubmitScores(input, view(), { sheet: { a: { K: 8 }, b: { K: 11 } }, actor: head('a') }))).toBe('BAD_SCORE');
    expect(code(() => validateSubmitScores(input, view(), { sheet: { a: { K: 8 }, b: { K: 9 }, z: { K: 1 } }, actor: head('a') }))).toBe('NOT_A_MEMBER');
    expect(code(() => validateSubmitScores(input, view(), { sheet: null as never, actor: head('a') }))).toBe('BAD_SHEET');
    expect(code(() => validateSubmitScores(input, view({ status: 'CLOSED' }), { sheet: {}, actor: head('a') }))).toBe('ROUND_CLOSED');
  });

  it('lets the leader’s head alone close, once every member has scored', () => {
    expect(code(() => validateCloseRound(input, view({ scoredBy: ['a'] }), { actor: head('b') }))).toBe('SCORES_MISSING');
    expect(code(() => validateCloseRound(input, view({ scoredBy: ['a', 'b'] }), { actor: head('a') }))).toBe('LEADER_REQUIRED');
    expect(code(() => validateCloseRound(input, view({ scoredBy: ['a', 'b'] }), { actor: head('b') }))).toBe('ACCEPTED');
    expect(code(() => validateCloseRound(input, view({ status: 'CLOSED' }), { actor: head('b') }))).toBe('ROUND_CLOSED');
  });

  it('takes each member head’s signature on the pledge once, while the round is open', () => {
    expect(code(() => validateSignPledge(input, view(), { actor: head('a') }))).toBe('ACCEPTED');
    expect(code(() => validateSignPledge(input, view({ pledgeSignedBy: ['a'] }), { actor: head('a') }))).toBe('PLEDGE_ALREADY_SIGNED');
    expect(code(() => validateSignPledge(input, view(), { actor: head('z') }))).toBe('MEMBER_HEAD_REQUIRED');
    expect(code(() => validateSignPledge(input, view({ status: 'CLOSED' }), { actor: head('a') }))).toBe('ROUND_CLOSED');
  });
});
