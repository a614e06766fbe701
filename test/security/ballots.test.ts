import { createHash } from 'node:crypto';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { dossier, waitForStatus, waitForStep } from '../support/nominations';
import { castBallot, takeBallots, vote } from '../support/ballots';
import { recordHistory } from '../support/histories';

/**
 * Ballot secrecy against someone who reads Temporal's history without the key, and against an
 * operator who has every key and every table; one vote per member per nomination; one open
 * session per nomination. Through the real API, worker, Temporal and PostgreSQL.
 */
describe('secret ballots and single votes', () => {
  let stack: Stack;
  let clerk: Session, unitReviewer: Session, provinceReviewer: Session, secretary: Session, chair: Session;
  let members: Session[];
  let attacker: Client;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, unitReviewer, provinceReviewer, secretary, chair] = await Promise.all(['vanthu.so-yte', 'thamdinh.so-yte', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'chutich.ubnd-tinh'].map((u) => stack.login(u)));
    members = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => stack.login(`uyvien${i}.hoidong-tinh`)));
    attacker = new Client({ connection: stack.temporal.connection, namespace: stack.config.temporalNamespace });
  });
  afterAll(() => stack?.close());

  const allNine = () => [chair, secretary, ...members];
  const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();

  async function toCouncil(): Promise<string> {
    const res = await clerk.post('/nominations', dossier('CSTD_TINH'));
    expect(res.status).toBe(201);
    for (const [reviewer, level] of [[unitReviewer, 'UNIT'], [provinceReviewer, 'PROVINCE']] as const) {
      await waitForStep(reviewer, res.body.id, 'IN_REVIEW', level);
      expect((await reviewer.post(`/nominations/${res.body.id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
    }
    await waitForStatus(clerk, res.body.id, 'AWAITING_COUNCIL');
    return res.body.id;
  }

  /** The Update payloads a session's history holds, by Update name, raw (as stored) and opened with the key. */
  async function updatePayloads(sessionId: string) {
    const history = await attacker.workflow.getHandle(`council-session-${sessionId}`).fetchHistory();
    const out: { name: string; raw: Payload; opened: Record<string, unknown>; event: number }[] = [];
    for (const e of history.events ?? []) {
      const req = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
      if (!req) continue;
      const raw = req.input!.args!.payloads![0] as Payload;
      out.push({ name: req.input!.name!, raw, opened: await openPayload(sessionId, raw), event: Number(e.eventId) });
    }
    return out;
  }

  /** A payload of a session's history opened with the key, as the operator holding every key would. */
  async function openPayload<T = Record<string, unknown>>(sessionId: string, raw: Payload): Promise<T> {
    const [plain] = await stack.codec.decode([raw], { type: 'workflow', namespace: stack.config.temporalNamespace, workflowId: `council-session-${sessionId}` });
    return defaultPayloadConverter.fromPayload<T>(plain);
  }

  type CountedBallot = { nominationId: string; receiptHash: string; choice: string; event: number };

  /** The ballots the session counted from its box: the results of its openings, opened with the key, with the event that holds them. */
  async function boxedBallots(sessionId: string): Promise<CountedBallot[]> {
    const out: CountedBallot[] = [];
    for (const e of (await attacker.workflow.getHandle(`council-session-${sessionId}`).fetchHistory()).events ?? []) {
      const result = e.activityTaskCompletedEventAttributes?.result?.payloads?.[0];
      if (!result) continue;
      const opened = await openPayload<{ ballots?: Omit<CountedBallot, 'event'>[] } | undefined>(sessionId, result as Payload);
      out.push(...(opened?.ballots ?? []).map((b) => ({ ...b, event: Number(e.eventId) })));
    }
    return out;
  }

  it('matching each ballot to the member who took one just before it is no better than chance, for anyone holding every key', async () => {
    // Four nominations; nine members vote one after another, each casting right after taking, as the
    // web app does. Before the ballot box, the attack below attributed every ballot (34 of 34).
    const ids = [await toCouncil(), await toCouncil(), await toCouncil(), await toCouncil()];
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: ids, deadline: inFuture(180_000) });
    const owner = new Map<string, string>(); // receipt → member: the truth the attacker tries to find
    for (const [i, m] of allNine().entries()) {
      const { receipts } = await vote(stack.baseUrl, m, body.sessionId, Object.fromEntries(ids.map((id, k) => [id, ['AGREE', 'DISAGREE', 'ABSTAIN'][(i + k) % 3]])));
      for (const r of Object.values(receipts)) owner.set(r, m === chair ? 'chutich.ubnd-tinh' : m === secretary ? 'thuky.hoidong-tinh' : `uyvien${members.indexOf(m) + 1}.hoidong-tinh`);
    }
    expect(owner.size).toBe(36);
    await eventually(async () => (await secretary.get(`/councils/sessions/${body.sessionId}/tally`)).body.records.length > 0);

    // The attacker holds the codec keys and reads the whole history: takes (who, when) and ballots (when, in what order).
    const workflowId = `council-session-${body.sessionId}`;
    const updates = await updatePayloads(body.sessionId);
    const takes = updates.filter((u) => u.name === 'takeBallots').flatMap((u) => (u.opened.requests as { nominationId: string }[]).map((r) => ({ userId: (u.opened.actor as { userId: string }).userId, nominationId: r.nominationId })));
    // Ballots, wherever the history holds them (a ballot Update of the former path, or an opening of the box), in history order.
    const ballots = [
      ...updates.filter((u) => u.name === 'castSecretBallot').map((u) => ({ ...(u.opened as Omit<CountedBallot, 'event'>), event: u.event })),
      ...(await boxedBallots(body.sessionId)),
    ].sort((a, b) => a.event - b.event);
    expect(ballots).toHaveLength(36);
    // No ballot has a moment of its own: all were counted together, after the last take.
    expect(new Set(ballots.map((b) => b.event)).size).toBe(1);
    // The attack: per nomination, the k-th ballot in the history goes to the k-th member who took one.
    let attributed = 0;
    for (const id of ids) {
      const takers = takes.filter((t) => t.nominationId === id).map((t) => t.userId);
      ballots.filter((b) => b.nominationId === id).forEach((b, k) => (attributed += Number(owner.get(b.receiptHash) === takers[k])));
    }
    // Chance is one in nine per ballot (4 of 36 expected); a shuffled batch exceeds half with probability < 1e-6.
    console.log(`ballots attributed by the timing attack: ${attributed} of 36 (chance: 4)`);
    expect(attributed).toBeLessThan(18);
    await recordHistory(stack, workflowId, 'council-session-ballot-box');
    // The administrator's codec endpoint decodes no council session, whoever asks.
    const admin = await stack.login('quantri');
    const anyPayload = (await attacker.workflow.getHandle(workflowId).fetchHistory()).events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    const json = { metadata: Object.fromEntries(Object.entries(anyPayload.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(anyPayload.data!).toString('base64') };
    for (const who of [admin, await stack.login('thanhtra')]) {
      const decoded = await fetch(`${stack.baseUrl}/codec/decode`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` }, body: JSON.stringify({ payloads: [json] }) });
      expect(((await decoded.json()) as { payloads: unknown[] }).payloads[0]).toEqual(json);
    }
  });

  it('ballots carry no voter and share nothing with the ballots taken; a receipt proves inclusion, never the choice', async () => {
    const [a, b] = [await toCouncil(), await toCouncil()];
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a, b], deadline: inFuture(120_000) });
    // uyvien1 is recused from b: the one member whose ballots, under a per-member ballot, would stand out.
    expect((await members[0].post(`/councils/sessions/${body.sessionId}/conflicts`, { nominationId: b, reason: 'Người thân' })).status).toBe(200);
    const choice = (i: number) => ['AGREE', 'DISAGREE', 'ABSTAIN'][i % 3];
    const results = await Promise.all(allNine().map((m, i) => vote(stack.baseUrl, m, body.sessionId, { [a]: choice(i), [b]: choice(i + 1) })));
    expect(results.flatMap((r) => r.statuses)).toEqual(Array(17).fill(200));
    await eventually(async () => (await secretary.get(`/councils/sessions/${body.sessionId}/tally`)).body.records.length > 0);

    const updates = await updatePayloads(body.sessionId);
    const taken = updates.filter((u) => u.name === 'takeBallots');
    // No ballot reaches the workflow alone: the box is opened once, and its ballots counted together.
    expect(updates.filter((u) => u.name === 'castSecretBallot')).toEqual([]);
    const cast = await boxedBallots(body.sessionId);
    expect(cast).toHaveLength(17);
    // With the key: a ballot holds its nomination, a receipt hash and a one-letter choice. No voter.
    for (const { event: _where, ...ballot } of cast) {
      expect(Object.keys(ballot).sort()).toEqual(['choice', 'nominationId', 'receiptHash']);
      expect(JSON.stringify(ballot)).not.toMatch(/uyvien|chutich|thuky/);
    }
    // Nothing a member sent while signed in (the hashes of their blinded tokens) reappears in a ballot.
    const signedIn = new Set(taken.flatMap((u) => (u.opened.requests as { blindedHash: string }[]).map((r) => r.blindedHash)));
    expect(cast.filter((b) => signedIn.has(b.receiptHash))).toEqual([]);
    expect(taken.find((u) => (u.opened.actor as { userId: string }).userId === 'uyvien1.hoidong-tinh')!.opened.requests).toEqual([{ nominationId: a, blindedHash: expect.any(String) }]);

    // The tables: ballots are (nomination, choice), receipts (nomination, hash), nothing joins them or names a voter.
    const columns = async (t: string) => (await stack.ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name=$1 ORDER BY 1`, [t])).map((r: { column_name: string }) => r.column_name);
    expect(await columns('council_item_ballot')).toEqual(['choice', 'nomination_id', 'session_id']);
    expect(await columns('council_receipt')).toEqual(['nomination_id', 'receipt_hash', 'session_id']);
    const perItem = await stack.ds.query(`SELECT nomination_id, count(*)::int AS n FROM council_item_ballot WHERE session_id=$1 GROUP BY 1`, [body.sessionId]);
    expect(Object.fromEntries(perItem.map((r: { nomination_id: string; n: number }) => [r.nomination_id, r.n]))).toEqual({ [a]: 9, [b]: 8 });
    // A receipt proves inclusion, never the choice.
    const check = await (await fetch(`${stack.baseUrl}/councils/sessions/${body.sessionId}/receipts/${results[0].receipts[a]}`)).json();
    expect(check).toEqual({ status: 'CLOSED', counted: true, inBox: true });
    // Temporal keeps Update ids in clear. Someone holding a member's receipt (a coercer) and the
    // history, without the key, tries each choice against them: nothing matches.
    const history = await attacker.workflow.getHandle(`council-session-${body.sessionId}`).fetchHistory();
    const ids = (history.events ?? []).map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId).filter((id): id is string => !!id);
    expect(ids.length).toBeGreaterThanOrEqual(9);
    const receipt = results[0].receipts[a];
    const guesses = ['A', 'D', 'N', 'AGREE', 'DISAGREE', 'ABSTAIN'].map((c) => `secret-ballot-${createHash('sha256').update(`${body.sessionId}|${a}|${receipt}|${c}`).digest('hex').slice(0, 40)}`);
    expect(ids.filter((id) => guesses.includes(id) || id.includes(receipt))).toEqual([]);
  });

  it('a ballot sent again once the session has closed (its answer lost) gets its receipt back, counted once', async () => {
    const a = await toCouncil();
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(120_000) });
    const [last] = await takeBallots(members[6], body.sessionId, [a]);
    await Promise.all(allNine().slice(0, 8).map((m) => vote(stack.baseUrl, m, body.sessionId, { [a]: 'AGREE' })));
    // The last ballot in closes the session (every member has voted).
    const first = await castBallot(stack.baseUrl, body.sessionId, last, 'DISAGREE');
    expect(first.status).toBe(200);
    await eventually(async () => ((await secretary.get(`/councils/sessions/${body.sessionId}/tally`)).body.records.length > 0 ? true : undefined));
    const again = await castBallot(stack.baseUrl, body.sessionId, last, 'DISAGREE');
    expect({ status: again.status, receipt: again.body.receipt }).toEqual({ status: 200, receipt: first.body.receipt });
    // Nothing was counted twice.
    const counts = await stack.ds.query(`SELECT count(*)::int AS n FROM council_item_ballot WHERE session_id = $1`, [body.sessionId]);
    expect(counts[0].n).toBe(9);
  });

  it('one ballot per member and nomination: a second take, a reused token, a token for another nomination are refused', async () => {
    const [a, b] = [await toCouncil(), await toCouncil()];
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a, b], deadline: inFuture(120_000) });
    const [ballotA, ballotB] = await takeBallots(members[1], body.sessionId, [a, b]);
    await expect(takeBallots(members[1], body.sessionId, [a])).rejects.toMatchObject({ response: { status: 409, body: { code: 'BALLOT_ALREADY_TAKEN' } } });
    const cast = await castBallot(stack.baseUrl, body.sessionId, ballotA, 'AGREE');
    expect(cast.status).toBe(200);
    // In the box, waiting for the session to open it: not yet counted.
    expect(await (await fetch(`${stack.baseUrl}/councils/sessions/${body.sessionId}/receipts/${cast.body.receipt}`)).json()).toEqual({ status: 'OPEN', counted: false, inBox: true });
    expect((await castBallot(stack.baseUrl, body.sessionId, ballotA, 'DISAGREE')).body.code).toBe('ALREADY_VOTED');
    expect((await castBallot(stack.baseUrl, body.sessionId, { ...ballotB, nominationId: a }, 'AGREE')).body.code).toBe('BALLOT_NOT_SIGNED');
    expect((await castBallot(stack.baseUrl, body.sessionId, { ...ballotA, signature: ballotB.signature }, 'AGREE')).body.code).toBe('BALLOT_NOT_SIGNED');
    const view = (await secretary.get(`/councils/sessions/${body.sessionId}`)).body;
    expect(view.items.find((i: { nominationId: string }) => i.nominationId === a)).toMatchObject({ holders: 1, voted: 1 });
  });

  it('the last member standing aside after the others voted closes the session as all voted; a ballot after the deadline is refused', async () => {
    const a = await toCouncil();
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(120_000) });
    await Promise.all(allNine().slice(0, 8).map((m) => vote(stack.baseUrl, m, body.sessionId, { [a]: 'AGREE' })));
    expect((await members[6].post(`/councils/sessions/${body.sessionId}/conflicts`, { nominationId: a, reason: 'Người thân' })).status).toBe(200);
    const tally = await eventually(async () => {
      const t = (await secretary.get(`/councils/sessions/${body.sessionId}/tally`)).body;
      return t.status === 'CLOSED' && t;
    });
    expect(tally).toMatchObject({ closedReason: 'ALL_VOTED', records: [expect.objectContaining({ result: 'PASSED', counts: expect.objectContaining({ agree: 8 }) })] });

    // Past its deadline a session takes no ballot, even before its worker has closed it.
    const late = await toCouncil();
    const opened = (await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [late], deadline: inFuture(120_000) })).body;
    const [ballot] = await takeBallots(members[2], opened.sessionId, [late]);
    await stack.ds.query(`UPDATE council_session SET deadline = now() - interval '1 second' WHERE id = $1`, [opened.sessionId]);
    const refused = await castBallot(stack.baseUrl, opened.sessionId, ballot, 'AGREE');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SESSION_CLOSED' });
  });

  it('a nomination is on one open session at most, also when two secretaries open at the same instant', async () => {
    const a = await toCouncil();
    const open = () => secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(120_000) });
    const both = await Promise.all([open(), open()]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toMatch(/ALREADY_IN_SESSION|NOT_WAITING/);
    const third = await open();
    expect({ status: third.status, code: third.body.code }).toEqual({ status: 409, code: 'NOT_WAITING' });
    const [{ n }] = await stack.ds.query(`SELECT count(*)::int AS n FROM council_session s, jsonb_array_elements(s.items) i WHERE i->>'nominationId' = $1`, [a]);
    expect(n).toBe(1);
  });

  it('a tally for a nomination that left the council meanwhile is recorded VOID, never as a decision', async () => {
    const a = await toCouncil();
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [a], deadline: inFuture(120_000) });
    expect((await clerk.post(`/nominations/${a}/withdraw`, { reason: 'Đơn vị rút hồ sơ' })).status).toBe(200);
    await Promise.all(allNine().map((m) => vote(stack.baseUrl, m, body.sessionId, { [a]: 'AGREE' })));
    const tally = await eventually(async () => {
      const t = await secretary.get(`/councils/sessions/${body.sessionId}/tally`);
      return t.body.status === 'CLOSED' && t.body.records.length ? t.body : undefined;
    });
    expect(tally.records[0].result).toBe('VOID');
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM council_tally WHERE nomination_id=$1 AND result IN ('PASSED','FAILED')`, [a]))[0].n).toBe(0);
    expect((await clerk.get(`/nominations/${a}`)).body.status).toBe('WITHDRAWN');
  });
});
