import { DEFAULT_VOTING_RULES } from '@vinhdanh/domain/council';
import type { CouncilSessionInput } from '@vinhdanh/domain/ladder/council';
import { refusal } from '../../test/support/refusal';
import { validateClose, validateConflict, validateSealedBallot, validateSecretBallot, validateTakeBallots, type SessionState } from './guards';

/** The council session's Update validators, case by case, with the code each refusal answers. */
const NOW = Date.parse('2025-12-01T08:00:00Z');
let nonces = 0;
/** A fresh, well-formed authentication each time (nonces are 16 characters or more). */
const auth = () => ({ issuedAt: new Date(NOW).toISOString(), nonce: `nonce-${String(++nonces).padStart(16, '0')}` });
const members = ['chair', 'secretary', 'm1', 'm2', 'm3', 'm4'].map((userId) => ({ userId, fullName: userId, role: userId === 'chair' ? 'CHAIR' : userId === 'secretary' ? 'SECRETARY' : 'MEMBER' }) as const);
const input = (scheme: 'BLIND_V2' | 'SEALED_V1' = 'BLIND_V2'): CouncilSessionInput =>
  ({
    sessionId: 's1', councilId: 'hd-x', councilNameVi: 'Hội đồng', level: 'PROVINCE', members, conflicts: [], deadline: '2025-12-02T08:00:00Z',
    rules: { PROVINCE_DEFAULT: DEFAULT_VOTING_RULES.PROVINCE_DEFAULT },
    items: [
      { nominationId: 'a', workflowId: 'nomination-a', awardCode: 'CSTD_TINH', nomineeName: 'Nguyễn Văn A', ruleKey: 'PROVINCE_DEFAULT' },
      { nominationId: 'b', workflowId: 'nomination-b', awardCode: 'CSTD_TINH', nomineeName: 'Ủy viên m4', nomineeUserId: 'm4', ruleKey: 'PROVINCE_DEFAULT' },
    ],
    scheme,
  }) as unknown as CouncilSessionInput;
const state = (over: Partial<SessionState> = {}): SessionState => ({ status: 'OPEN', conflicts: [], voted: [], holders: {}, cast: {}, receipts: new Set(), nonces: new Set(), ...over });
const H = (c: string) => c.repeat(64);
const actor = (userId: string) => ({ userId, fullName: userId, unitId: 'ubnd-tinh', roles: ['COUNCIL_MEMBER'] });

describe('taking blind-signed ballots', () => {
  const take = (who: string, requests: { nominationId: string; blindedHash: string }[], s = state(), i = input()) =>
    refusal(() => validateTakeBallots(i, s, { actor: actor(who), auth: auth(), requests } as never, NOW));
  it('a member takes one ballot per nomination, again with the same request, never a second one', () => {
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('1') }])).toBe('ACCEPTED');
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('1') }], state({ holders: { a: { m1: H('1') } } }))).toBe('ACCEPTED');
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('2') }], state({ holders: { a: { m1: H('1') } } }))).toBe('BALLOT_ALREADY_TAKEN');
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('1') }, { nominationId: 'a', blindedHash: H('2') }])).toBe('DUPLICATE_REQUEST');
  });
  it('refuses outsiders, the recused, the closed session, empty or malformed requests, and the former scheme', () => {
    expect(take('stranger', [{ nominationId: 'a', blindedHash: H('1') }])).toBe('NOT_A_MEMBER');
    expect(take('m4', [{ nominationId: 'b', blindedHash: H('1') }])).toBe('RECUSED');
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('1') }], state({ conflicts: [{ userId: 'm1', nominationId: 'a', reason: 'Anh ruột' }] }))).toBe('RECUSED');
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('1') }], state({ status: 'CLOSED' }))).toBe('SESSION_CLOSED');
    expect(take('m1', [])).toBe('REQUESTS_REQUIRED');
    expect(take('m1', [{ nominationId: 'a', blindedHash: 'xyz' }])).toBe('BAD_BALLOT');
    expect(take('m1', [{ nominationId: 'z', blindedHash: H('1') }])).toBe('NOT_ON_LIST');
    expect(take('m1', [{ nominationId: 'a', blindedHash: H('1') }], state(), input('SEALED_V1'))).toBe('SEALED_SESSION');
  });
  it('refuses a message without authentication or one already seen', () => {
    expect(refusal(() => validateTakeBallots(input(), state(), { actor: actor('m1'), requests: [{ nominationId: 'a', blindedHash: H('1') }] } as never, NOW))).toBe('UNAUTHENTICATED_MESSAGE');
    const a = auth();
    expect(refusal(() => validateTakeBallots(input(), state({ nonces: new Set([a.nonce]) }), { actor: actor('m1'), auth: a, requests: [{ nominationId: 'a', blindedHash: H('1') }] } as never, NOW))).toBe('REPLAYED_MESSAGE');
  });
});

describe('casting a secret ballot', () => {
  const cast = (args: Partial<{ nominationId: string; receiptHash: string; choice: string }>, s: SessionState) =>
    refusal(() => validateSecretBallot(input(), s, { auth: auth(), nominationId: 'a', receiptHash: H('e'), choice: 'A', ...args } as never, NOW));
  const oneHolder = () => state({ holders: { a: { m1: H('1') } } });
  it('takes a ballot while there are more ballots handed out than in the box', () => {
    expect(cast({}, oneHolder())).toBe('ACCEPTED');
    expect(cast({}, state({ holders: { a: { m1: H('1') } }, cast: { a: 1 } }))).toBe('NO_BALLOT_LEFT');
    expect(cast({}, state())).toBe('NO_BALLOT_LEFT');
  });
  it('refuses the same receipt twice, an unknown choice, a malformed receipt, a nomination not on the list, a closed session', () => {
    expect(cast({}, state({ holders: { a: { m1: H('1') } }, receipts: new Set([H('e')]) }))).toBe('ALREADY_VOTED');
    expect(cast({ choice: 'YES' }, oneHolder())).toBe('BAD_CHOICE');
    expect(cast({ receiptHash: 'short' }, oneHolder())).toBe('BAD_BALLOT');
    expect(cast({ nominationId: 'z' }, oneHolder())).toBe('NOT_ON_LIST');
    expect(cast({}, state({ status: 'CLOSED', holders: { a: { m1: H('1') } } }))).toBe('SESSION_CLOSED');
  });
});

describe('declaring a conflict, closing, and the former sealed ballots', () => {
  const declare = (who: string, s = state(), reason = 'Vợ là thành viên tập thể') =>
    refusal(() => validateConflict(input(), s, { actor: actor(who), auth: auth(), nominationId: 'a', reason } as never, NOW));
  it('a member declares before taking the ballot, with a reason', () => {
    expect(declare('m2')).toBe('ACCEPTED');
    expect(declare('m2', state({ holders: { a: { m2: H('1') } } }))).toBe('BALLOT_ALREADY_TAKEN');
    expect(declare('m2', state(), ' ')).toBe('REASON_REQUIRED');
    expect(declare('stranger')).toBe('NOT_A_MEMBER');
  });

  it('only the secretary closes early, and only once every nomination has its quorum', () => {
    const close = (who: string, s: SessionState) => refusal(() => validateClose(input(), s, { actor: actor(who), auth: auth() } as never, NOW));
    // 6 members, 2/3 quorum: 4 ballots each (b: m4 is recused, 5 eligible, still 4 of 6 needed).
    expect(close('secretary', state({ cast: { a: 4, b: 3 } }))).toBe('NO_QUORUM_YET');
    expect(close('secretary', state({ cast: { a: 4, b: 4 } }))).toBe('ACCEPTED');
    expect(close('m1', state({ cast: { a: 4, b: 4 } }))).toBe('SECRETARY_ONLY');
  });

  it('a session with blind ballots refuses a sealed ballot that names its voter', () => {
    expect(refusal(() => validateSealedBallot(input(), state(), { actor: actor('m1'), coverage: ['a'], sealed: 'x' } as never, NOW))).toBe('BLIND_BALLOTS_ONLY');
    const sealed = (coverage: string[], s = state()) => refusal(() => validateSealedBallot(input('SEALED_V1'), s, { actor: actor('m4'), coverage, sealed: 'ciphertext' } as never, NOW));
    expect(sealed(['a'])).toBe('ACCEPTED');
    expect(sealed(['a', 'b'])).toBe('RECUSED');
    expect(sealed([])).toBe('BALLOT_INCOMPLETE');
    expect(sealed(['a'], state({ voted: ['m4'] }))).toBe('ALREADY_VOTED');
  });
});
