import { startStack, type Session, type Stack } from '../support/stack';
import { dossier, waitForStatus, waitForStep } from '../support/nominations';
import { vote } from '../support/ballots';
import { BallotKeyPool } from '../../apps/api/src/councils/ballot-key-pool';

/**
 * Ballot keys made ahead (docs/council-voting.md): a session takes its keys from the pool and makes
 * only what the pool lacks; each key goes to one session; the keys of a session that failed to
 * open go back; keys sealed with another BALLOT_KEY are never taken. The filler's idle gate is
 * left out (the test calls `refill` itself), so what is checked does not depend on the machine's load.
 */
describe('ballot keys made ahead', () => {
  let stack: Stack;
  let pool: BallotKeyPool;
  let clerk: Session, unitReviewer: Session, provinceReviewer: Session, secretary: Session, chair: Session;
  let members: Session[];

  beforeAll(async () => {
    stack = await startStack({ BALLOT_KEY_POOL: '3' });
    pool = stack.api.get(BallotKeyPool);
    pool.stopFilling();
    [clerk, unitReviewer, provinceReviewer, secretary, chair] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'chutich.ubnd-tinh'].map((u) => stack.login(u)));
    members = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => stack.login(`uyvien${i}.hoidong-tinh`)));
  });
  afterAll(() => stack?.close());

  async function toCouncil(): Promise<string> {
    const res = await clerk.post('/nominations', dossier('CSTD_TINH'));
    expect(res.status).toBe(201);
    for (const [level, reviewer] of [['UNIT', unitReviewer], ['PROVINCE', provinceReviewer]] as const) {
      await waitForStep(reviewer, res.body.id, 'IN_REVIEW', level);
      expect((await reviewer.post(`/nominations/${res.body.id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' })).status).toBe(200);
    }
    await waitForStatus(clerk, res.body.id, 'AWAITING_COUNCIL');
    return res.body.id;
  }
  const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();
  const pooledKeys = async (): Promise<string[]> => (await stack.ds.query(`SELECT spki FROM ballot_key_pool ORDER BY id`)).map((r: { spki: string }) => r.spki);
  const sessionKeys = async (sessionId: string): Promise<string[]> => (await stack.ds.query(`SELECT spki FROM council_ballot_key WHERE session_id=$1`, [sessionId])).map((r: { spki: string }) => r.spki);

  it('fills to BALLOT_KEY_POOL and no further', async () => {
    while ((await pool.size()) > 0) await pool.take(10);
    expect(await pool.refill()).toBe(3);
    expect(await pool.refill()).toBe(0);
    expect(await pool.size()).toBe(3);
  });

  it('gives a session the keys made ahead, makes the rest, and the ballots cast with them count', async () => {
    const made = await pooledKeys();
    expect(made).toHaveLength(3);
    const ids = [await toCouncil(), await toCouncil(), await toCouncil(), await toCouncil()];
    const opened = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: ids, deadline: inFuture(600_000) });
    expect(opened.status).toBe(201);
    const used = await sessionKeys(opened.body.sessionId);
    expect(used).toHaveLength(4);
    expect(used).toEqual(expect.arrayContaining(made));
    expect(new Set(used).size).toBe(4);
    expect(await pool.size()).toBe(0);
    // Every member votes with the keys the session took; the tally moves every nomination on.
    const everyone = [chair, secretary, ...members];
    const results = await Promise.all(everyone.map((m) => vote(stack.baseUrl, m, opened.body.sessionId, Object.fromEntries(ids.map((id) => [id, 'AGREE'])))));
    expect(results.flatMap((r) => r.statuses).every((s) => s === 201 || s === 200)).toBe(true);
    for (const id of ids) await waitForStatus(clerk, id, 'AWAITING_DECISION');
  });

  it('puts back the keys of a session that failed to open, and never gives one key to two sessions', async () => {
    expect(await pool.refill()).toBe(3);
    expect(await pool.size()).toBe(3);
    const x = await toCouncil();
    // Two secretaries' screens open a session on the same nomination at once: one opens it, the
    // other is refused (on the open-item lock, after taking its key, or before, on the waiting list).
    const both = await Promise.all([0, 1].map(() => secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [x], deadline: inFuture(600_000) })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(['ALREADY_IN_SESSION', 'NOT_WAITING']).toContain(both.find((r) => r.status === 409)!.body.code);
    const used = await sessionKeys(both.find((r) => r.status === 201)!.body.sessionId);
    expect(used).toHaveLength(1);
    // One key went to the session that opened; the refused one's, if it took any, is back.
    const left = await pooledKeys();
    expect(left).toHaveLength(2);
    expect(left).not.toContain(used[0]);
  });

  it('never takes a key sealed with another BALLOT_KEY, and drops it', async () => {
    while ((await pool.size()) > 0) await pool.take(10);
    await stack.ds.query(`INSERT INTO ballot_key_pool (sealed_with, spki, sealed_private_key) VALUES ('another-ballot-key', 'c3BraQ==', 'c2VhbGVk')`);
    const taken = await pool.take(1);
    expect(taken).toHaveLength(1);
    expect(taken[0].spki).not.toBe('c3BraQ==');
    expect(await pool.size()).toBe(0);
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM ballot_key_pool`))[0].n).toBe(0);
  });
});
