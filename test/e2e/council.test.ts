import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { dossier, waitForStatus, waitForStep } from '../support/nominations';
import { recordHistory } from '../support/histories';
import { castBallot, takeBallots, vote } from '../support/ballots';
import { demoPersonalId } from '@vinhdanh/persistence';

/** Council member 7 as a nominee: the account's own name and personal identification number. */
const member7 = { kind: 'INDIVIDUAL', name: 'Ủy viên Hội đồng TĐKT tỉnh số 7', ...demoPersonalId('uyvien7.hoidong-tinh') };

const TWO_THIRDS_ALL = {
  ruleKey: 'TWO_THIRDS_ALL',
  quorum: { numerator: 2, denominator: 3 },
  threshold: { numerator: 2, denominator: 3, strict: false },
  basis: 'ALL_MEMBERS',
  recusalReducesDenominator: false,
  abstainCountsAsPresent: true,
  secretBallot: true,
  citation: [{ vi: 'Cấu hình thử nghiệm', en: 'Test configuration' }],
};

/**
 * The provincial council (9 members: chair, secretary, 7 members) votes on nominations waiting for
 * it; CSTĐ cấp tỉnh is configured to need 2/3 of ALL members, TTLĐXS keeps the default (majority of
 * those voting, quorum 2/3, recusal reduces the base).
 */
describe('council voting', () => {
  let stack: Stack;
  let clerk: Session, unitReviewer: Session, provinceReviewer: Session, secretary: Session, chair: Session, outsider: Session;
  let members: Session[];

  beforeAll(async () => {
    stack = await startStack({ VOTING_RULES: JSON.stringify({ rules: { TWO_THIRDS_ALL }, councils: { 'hd-ubnd-tinh': { CSTD_TINH: 'TWO_THIRDS_ALL' } } }) });
    [clerk, unitReviewer, provinceReviewer, secretary, chair, outsider] = await Promise.all(
      ['vanthu.so-gddt', 'thamdinh.so-gddt', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'chutich.ubnd-tinh', 'thamdinh.so-noi-vu'].map((u) => stack.login(u)),
    );
    members = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => stack.login(`uyvien${i}.hoidong-tinh`)));
  });
  afterAll(() => stack?.close());

  async function toCouncil(award: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await clerk.post('/nominations', dossier(award, overrides));
    expect(res.status).toBe(201);
    await approveLevelNoCouncil(res.body.id, 'UNIT', unitReviewer);
    await approveLevelNoCouncil(res.body.id, 'PROVINCE', provinceReviewer);
    await waitForStatus(clerk, res.body.id, 'AWAITING_COUNCIL');
    return res.body.id;
  }
  async function approveLevelNoCouncil(id: string, level: string, reviewer: Session) {
    await waitForStep(reviewer, id, 'IN_REVIEW', level);
    const r = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' });
    expect(r.status).toBe(200);
  }
  const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();
  const allNine = () => [chair, secretary, ...members];

  it('runs a session over several awards to a tally that moves every nomination on', async () => {
    const a = await toCouncil('CSTD_TINH');
    const b = await toCouncil('CSTD_TINH');
    const c = await toCouncil('TTLDXS', { nominee: { kind: 'COLLECTIVE', name: `Tổ Văn ${Date.now()}` } });
    // D's nominee is a member of the council, known by their personal identification number (not a typed account id).
    const d = await toCouncil('CSTD_TINH', { nominee: member7 });
    const waiting = await secretary.get('/councils/hd-ubnd-tinh/waiting');
    expect(waiting.body.map((w: any) => w.nominationId)).toEqual(expect.arrayContaining([a, b, c, d]));

    const opened = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a, b, c, d], deadline: inFuture(60_000) });
    expect(opened.status).toBe(201);
    const session = opened.body.sessionId;

    // uyvien6 declares a conflict on C before voting; uyvien7 is the nominee of D.
    expect((await members[5].post(`/councils/sessions/${session}/conflicts`, { nominationId: c, reason: 'Vợ là thành viên tập thể' })).status).toBe(200);
    const myBallot = await members[6].get(`/councils/sessions/${session}/ballot`);
    expect(myBallot.body.items.find((i: any) => i.nominationId === d).recused).toBe(true);

    // A: exactly 6 of 9 agree (2/3 of all members) → PASSED; B: 5 of 9 → FAILED.
    const choicesFor = (i: number) => {
      const x: Record<string, string> = { [a]: i < 6 ? 'AGREE' : 'DISAGREE', [b]: i < 5 ? 'AGREE' : 'DISAGREE' };
      if (i !== 7) x[c] = i < 5 ? 'AGREE' : 'ABSTAIN';
      if (i !== 8) x[d] = 'AGREE';
      return x;
    };
    const voters = allNine();
    const results = await Promise.all(voters.map((v, i) => vote(stack.baseUrl, v, session, choicesFor(i))));
    expect(results.flatMap((r) => r.statuses).every((s) => s === 200)).toBe(true);
    expect(results.flatMap((r) => r.statuses)).toHaveLength(9 * 4 - 2);

    await waitForStatus(clerk, a, 'AWAITING_DECISION');
    const rejected = await waitForStatus(clerk, b, 'REJECTED');
    expect(rejected.outcomeReason).toContain('5/9');
    await waitForStatus(clerk, c, 'AWAITING_DECISION');
    await waitForStatus(clerk, d, 'AWAITING_DECISION');

    const tally = await eventually(async () => {
      const t = await secretary.get(`/councils/sessions/${session}/tally`);
      return t.body.status === 'CLOSED' ? t.body : undefined;
    });
    expect(tally.closedReason).toBe('ALL_VOTED');
    const rec = (id: string) => tally.records.find((r: any) => r.nominationId === id);
    expect(rec(a)).toMatchObject({ result: 'PASSED', counts: { agree: 6, disagree: 3, abstain: 0 }, threshold: { denominator: 9, required: '≥ 2/3' } });
    expect(rec(b)).toMatchObject({ result: 'FAILED', counts: { agree: 5, disagree: 4 } });
    // Majority of those voting, abstentions present: 5 of 8 passes (4 of 8 would not: strictly more than half).
    expect(rec(c)).toMatchObject({ result: 'PASSED', eligibleMembers: 8, counts: { agree: 5, abstain: 3 }, threshold: { denominator: 8, required: '> 1/2' }, rule: { ruleKey: 'PROVINCE_DEFAULT' } });
    expect(rec(c).recused).toEqual([{ userId: 'uyvien6.hoidong-tinh', fullName: expect.any(String), reason: 'Vợ là thành viên tập thể' }]);
    expect(rec(d).recused[0]).toMatchObject({ userId: 'uyvien7.hoidong-tinh', reason: 'Là người được đề nghị' });
    expect(rec(a).present).toHaveLength(9);
    expect(rec(a).ballotsCast).toBe(9);
    expect(tally.voters).toHaveLength(9);
    expect(tally.receiptHashes).toHaveLength(9 * 4 - 2);
    // An outsider to the council learns nothing, not even that the session exists.
    expect((await outsider.get(`/councils/sessions/${session}/tally`)).status).toBe(404);

    // Secrecy: ballots carry no voter and no receipt; a receipt says "counted", never the choice.
    const ballotColumns = (await stack.ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name='council_item_ballot'`)).map((r: any) => r.column_name).sort();
    expect(ballotColumns).toEqual(['choice', 'nomination_id', 'session_id']);
    const check = await fetch(`${stack.baseUrl}/councils/sessions/${session}/receipts/${results[2].receipts[a]}`).then((r) => r.json());
    expect(check).toEqual({ status: 'CLOSED', counted: true, inBox: true });
    const history = JSON.stringify((await stack.temporal.workflow.getHandle(`council-session-${session}`).fetchHistory()).events);
    expect(history).not.toMatch(/DISAGREE|ABSTAIN|AGREE|uyvien/);
    await recordHistory(stack, `council-session-${session}`, 'council-session-several-awards');
  });

  it('refuses invalid ballots with clear errors and records nothing', async () => {
    const a = await toCouncil('CSTD_TINH');
    const b = await toCouncil('CSTD_TINH', { nominee: member7, year: 2024, achievementPeriod: { from: '2024-01-01', to: '2024-12-31' } });
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a, b], deadline: inFuture(60_000) });
    const s = body.sessionId;
    const expectRefusal = (res: { status: number; body: any }, status: number, code: string) => expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    const issue = (who: Session, nominationId: string, blindedMessage = Buffer.alloc(256, 1).toString('base64url')) => who.post(`/councils/sessions/${s}/ballots/issue`, { requests: [{ nominationId, blindedMessage }] });

    expectRefusal(await issue(outsider, a), 404, 'SESSION_NOT_FOUND');
    expectRefusal(await issue(members[0], '00000000-0000-4000-8000-000000000000'), 400, 'NOT_ON_LIST');
    expectRefusal(await issue(members[6], b), 403, 'RECUSED');
    expect((await secretary.get(`/councils/sessions/${s}`)).body.turnoutUserIds).toEqual([]);

    const [ballotA] = await takeBallots(members[0], s, [a]);
    expectRefusal(await issue(members[0], a), 409, 'BALLOT_ALREADY_TAKEN');
    expectRefusal(await castBallot(stack.baseUrl, s, ballotA, 'YES'), 400, 'VALIDATION_FAILED');
    expectRefusal(await castBallot(stack.baseUrl, s, { ...ballotA, nominationId: b }, 'AGREE'), 403, 'BALLOT_NOT_SIGNED');
    expect((await castBallot(stack.baseUrl, s, ballotA, 'AGREE')).status).toBe(200);
    expect((await castBallot(stack.baseUrl, s, ballotA, 'AGREE')).status).toBe(200); // a retry: the same Update
    expectRefusal(await castBallot(stack.baseUrl, s, ballotA, 'DISAGREE'), 409, 'ALREADY_VOTED');
    expectRefusal(await secretary.post(`/councils/sessions/${s}/close`), 409, 'NO_QUORUM_YET');
    expectRefusal(await members[1].post(`/councils/sessions/${s}/close`), 403, 'SECRETARY_ONLY');

    // Quorum for a is 6 of 9 (all members); for b the nominee is recused: 6 of 8 by the 2/3 rule.
    await takeBallots(members[0], s, [b]).then((bs) => Promise.all(bs.map((x) => castBallot(stack.baseUrl, s, x, 'AGREE'))));
    for (const m of [chair, members[1], members[2], members[3], members[4]]) expect((await vote(stack.baseUrl, m, s, { [a]: 'AGREE', [b]: 'AGREE' })).statuses).toEqual([200, 200]);
    const late = await takeBallots(members[5], s, [a]);
    const closed = await secretary.post(`/councils/sessions/${s}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedReason: 'CLOSED_BY_SECRETARY' });
    expectRefusal(await castBallot(stack.baseUrl, s, late[0], 'AGREE'), 409, 'SESSION_CLOSED');
    expectRefusal(await members[5].post(`/councils/sessions/${s}/conflicts`, { nominationId: b, reason: 'muộn' }), 409, 'SESSION_CLOSED');
    expect(closed.body.results.map((r: any) => r.result)).toEqual(['PASSED', 'PASSED']);
  });

  it('without quorum by the deadline, nominations stay waiting for the next session', async () => {
    const a = await toCouncil('CSTD_TINH');
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(3_000) });
    for (const m of members.slice(0, 4)) expect((await vote(stack.baseUrl, m, body.sessionId, { [a]: 'AGREE' })).statuses).toEqual([200]);
    const tally = await eventually(async () => {
      const t = await secretary.get(`/councils/sessions/${body.sessionId}/tally`);
      return t.body.status === 'CLOSED' ? t.body : undefined;
    });
    expect(tally.closedReason).toBe('DEADLINE');
    expect(tally.records[0]).toMatchObject({ result: 'NO_QUORUM', quorum: { base: 9, counted: 4, met: false } });
    await recordHistory(stack, `council-session-${body.sessionId}`, 'council-session-no-quorum-deadline');
    const n = await eventually(async () => {
      const r = await clerk.get(`/nominations/${a}`);
      return r.body.steps.some((s: any) => s.type === 'CouncilResultReceived') ? r.body : undefined;
    });
    expect(n.status).toBe('AWAITING_COUNCIL');
    expect((await secretary.get('/councils/hd-ubnd-tinh/waiting')).body.map((w: any) => w.nominationId)).toContain(a);
    // After NO_QUORUM the nomination can go before a second session, which decides it.
    const second = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(60_000) });
    expect(second.status).toBe(201);
    await Promise.all(allNine().map((m) => vote(stack.baseUrl, m, second.body.sessionId, { [a]: 'AGREE' })));
    await waitForStatus(clerk, a, 'AWAITING_DECISION');
  });
  it('the secretary sees who has not taken a ballot (never how anyone voted) and reminds them once an hour; nobody else can', async () => {
    const a = await toCouncil('CSTD_TINH');
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(600_000) });
    for (const m of members.slice(0, 2)) expect((await vote(stack.baseUrl, m, body.sessionId, { [a]: 'AGREE' })).statuses).toEqual([200]);
    const turnout = await eventually(async () => {
      const t = (await secretary.get(`/councils/sessions/${body.sessionId}/turnout`)).body;
      return t.members.filter((m: { tookBallot: boolean }) => m.tookBallot).length === 2 ? t : undefined;
    });
    expect(turnout.members).toHaveLength(9);
    expect(Object.keys(turnout.members[0]).sort()).toEqual(['fullName', 'role', 'tookBallot', 'userId']);
    expect(turnout.members.filter((m: { tookBallot: boolean }) => m.tookBallot).map((m: { userId: string }) => m.userId).sort()).toEqual(['uyvien1.hoidong-tinh', 'uyvien2.hoidong-tinh']);

    // Only the session's secretary reminds; an outsider does not learn the session exists.
    expect((await members[3].post(`/councils/sessions/${body.sessionId}/remind`)).body.code).toBe('SECRETARY_REQUIRED');
    expect((await outsider.get(`/councils/sessions/${body.sessionId}/turnout`)).status).toBe(404);
    const first = await secretary.post(`/councils/sessions/${body.sessionId}/remind`);
    expect(first.status).toBe(200);
    expect(first.body.reminded).toHaveLength(7);
    expect(first.body.reminded).toContain('Ủy viên Hội đồng TĐKT tỉnh số 3');
    expect(first.body.reminded).not.toContain('Ủy viên Hội đồng TĐKT tỉnh số 1');
    // A second click within the hour reminds nobody twice.
    const second = await secretary.post(`/councils/sessions/${body.sessionId}/remind`);
    expect(second.body).toEqual({ reminded: [], alreadyThisHour: first.body.reminded });
    const inbox = (await members[2].get('/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'COUNCIL_REMINDER');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].subjectVi).toMatch(/^Nhắc bỏ phiếu: /);
    expect((await members[0].get('/notifications')).body.items.some((n: { kind: string }) => n.kind === 'COUNCIL_REMINDER')).toBe(false);
    const audited = await stack.ds.query(`SELECT actor_id, payload FROM audit_log WHERE stream = $1 AND event_type = 'MembersReminded'`, [`council:${body.sessionId}`]);
    expect(audited).toHaveLength(1);
    expect(audited[0].actor_id).toBe('thuky.hoidong-tinh');

    // Once closed, there is nobody left to remind.
    await Promise.all([chair, secretary, ...members.slice(2)].map((m) => vote(stack.baseUrl, m, body.sessionId, { [a]: 'AGREE' })));
    await waitForStatus(clerk, a, 'AWAITING_DECISION');
    expect((await secretary.post(`/councils/sessions/${body.sessionId}/remind`)).status).toBe(409);
  });
});
