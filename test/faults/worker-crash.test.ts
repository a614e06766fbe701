import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { startSmtpSink } from '../support/smtp-sink';
import { spawnWorker, waitForExit } from '../support/worker-process';
import { submit, waitForStatus, waitForStep } from '../support/nominations';
import type { ChildProcess } from 'node:child_process';
import { castBallot, takeBallots } from '../support/ballots';

/**
 * The worker process is SIGKILLed in the middle of review and decision steps and restarted:
 * every nomination continues from where it was, no decision number is issued twice or skipped,
 * and no notification is recorded or emailed twice.
 */
describe('worker killed mid-flight', () => {
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let worker: ChildProcess;
  let clerk: Session, reviewer: Session, head: Session;
  const workerEnv = () => ({
    DATABASE_URL: stack.config.databaseUrl,
    TEMPORAL_ADDRESS: stack.config.temporalAddress,
    TEMPORAL_TASK_QUEUE: stack.config.taskQueue,
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'error',
    NOTIFICATION_EMAIL_LEASE_MS: '3000',
  });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    process.env.NOTIFICATION_EMAIL_LEASE_MS = '3000';
    stack = await startStack({ SMTP_URL: smtp.url }, { inProcessWorker: false });
    worker = spawnWorker(workerEnv());
    [clerk, reviewer, head] = await Promise.all(['vanthu.xa-quang-khe', 'thamdinh.xa-quang-khe', 'thutruong.xa-quang-khe'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await stack?.close();
    await smtp?.close();
  });

  /**
   * Kills the worker at a point reached on purpose, not after a guessed delay: as soon as
   * `progress()` reports some of the work done. Answers how much was done then; the caller asserts
   * it was not all of it, so the kill provably hit work in flight (the rest had been sent).
   */
  async function killMidway(progress: () => Promise<number>): Promise<number> {
    const deadline = Date.now() + 60_000;
    let done = 0;
    while ((done = await progress()) === 0) {
      if (Date.now() > deadline) throw new Error('no work had started within a minute');
      await new Promise((r) => setTimeout(r, 5));
    }
    worker.kill('SIGKILL');
    await waitForExit(worker);
    await new Promise((r) => setTimeout(r, 500));
    worker = spawnWorker(workerEnv());
    return done;
  }
  const projected = (ids: string[], type: string) => async () =>
    (await stack.ds.query(`SELECT count(*)::int AS n FROM nomination_event WHERE nomination_id = ANY($1) AND type = $2`, [ids, type]))[0].n as number;

  /** A client that retries with the same Idempotency-Key, as a browser or proxy would. */
  async function retrying(session: Session, path: string, body: unknown, key: string) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const res = await session.post(path, body, { 'idempotency-key': key });
      // Only "unavailable, retry" is retried: a 500 would be a failure of the product, not of the fault.
      if (res.status !== 503) return res;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${path} never succeeded`);
  }

  it('resumes every nomination with gap-free decision numbers and no duplicate notifications', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => submit(clerk, 'GK_DONVI')));
    await Promise.all(ids.map((id) => waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT')));

    const reviews = Promise.all(ids.map((id) => retrying(reviewer, `/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' }, `review-${id}`)));
    expect(await killMidway(projected(ids, 'ReviewApproved'))).toBeLessThan(ids.length);
    expect((await reviews).map((r) => r.status)).toEqual(Array(6).fill(200));
    await Promise.all(ids.map((id) => waitForStep(head, id, 'AWAITING_DECISION', 'UNIT', 60_000)));

    const decisions = Promise.all(ids.map((id) => retrying(head, `/nominations/${id}/decide`, { action: 'CONFER' }, `decide-${id}`)));
    expect(await killMidway(projected(ids, 'DecisionIssued'))).toBeLessThan(ids.length);
    const decided = await decisions;
    expect(decided.map((r) => r.status)).toEqual(Array(6).fill(200));
    await Promise.all(ids.map((id) => waitForStatus(clerk, id, 'AWARDED', 60_000)));

    const numbers = await stack.ds.query(`SELECT seq FROM decision WHERE issuer_unit_id='xa-quang-khe' ORDER BY seq`);
    expect(numbers.map((r: any) => r.seq)).toEqual(numbers.map((_: unknown, i: number) => i + 1));
    const register = await stack.ds.query(`SELECT nomination_id, count(*)::int AS n FROM award_register WHERE nomination_id = ANY($1) GROUP BY nomination_id`, [ids]);
    expect(register.map((r: any) => r.n)).toEqual(Array(6).fill(1));
    for (const id of ids) {
      const n = (await clerk.get(`/nominations/${id}`)).body;
      expect(n.steps.filter((s: any) => s.type === 'ReviewApproved')).toHaveLength(1);
      expect(n.steps.filter((s: any) => s.type === 'DecisionIssued')).toHaveLength(1);
      expect(n.steps.map((s: any) => s.seq)).toEqual(n.steps.map((_: unknown, i: number) => i + 1));
    }

    const outbox = await eventually(async () => {
      const rows = await stack.ds.query(`SELECT idempotency_key, emailed_at FROM notification WHERE nomination_id = ANY($1)`, [ids]);
      return rows.length && rows.every((r: any) => r.emailed_at) ? rows : undefined;
    }, 60_000);
    // In-app: exactly once per (event, recipient), by the outbox's unique key.
    const keys = outbox.map((r: any) => r.idempotency_key);
    expect(new Set(keys).size).toBe(keys.length);
    // E-mail: every notification arrived; a resend after a crash carries the same Message-ID.
    const mails = smtp.mails.filter((m) => ids.some((id) => m.messageId?.includes(id)));
    const distinct = new Set(mails.map((m) => m.messageId));
    expect(distinct.size).toBe(outbox.length);
    console.log(`worker-crash: ${outbox.length} notifications, ${mails.length} e-mails received, ${mails.length - distinct.size} resent after a crash (same Message-ID)`);
  });

  it('a worker killed while the council votes loses no ballot and counts none twice', async () => {
    const [provinceReviewer, secretary, ...others] = await Promise.all(
      ['thamdinh.so-noi-vu', 'thuky.hoidong-tinh', 'chutich.ubnd-tinh', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `uyvien${i}.hoidong-tinh`)].map((u) => stack.login(u)),
    );
    const ids = await Promise.all([submit(clerk, 'CSTD_TINH'), submit(clerk, 'CSTD_TINH')]);
    for (const id of ids) {
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT', 60_000);
      await retrying(reviewer, `/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }, `u-${id}`);
      await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE', 60_000);
      await retrying(provinceReviewer, `/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' }, `p-${id}`);
      await waitForStatus(clerk, id, 'AWAITING_COUNCIL', 60_000);
    }
    const { body: session } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: ids, deadline: new Date(Date.now() + 600_000).toISOString() });
    const members = [secretary, ...others];
    const ballot = (i: number) => ({ [ids[0]]: i < 7 ? 'AGREE' : 'DISAGREE', [ids[1]]: i < 3 ? 'AGREE' : 'DISAGREE' });
    // Each member takes their ballots and casts them anonymously, retrying through the crash: a
    // retried take is the same request (same blinded tokens), a retried cast the same ballot.
    const until200 = async <T,>(fn: () => Promise<T>): Promise<T> => {
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          return await fn();
        } catch (err) {
          const status = (err as { response?: { status: number } }).response?.status;
          if (status !== undefined && status !== 503) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      throw new Error('never accepted');
    };
    const castAll = Promise.all(members.map(async (m, i) => {
      const ballots = await takeBallots(m, session.sessionId, undefined, { retryUnavailable: true });
      return Promise.all(ballots.map((b) => until200(async () => {
        const res = await castBallot(stack.baseUrl, session.sessionId, b, ballot(i)[b.nominationId]);
        if (res.status !== 200) throw Object.assign(new Error(`cast ${res.status} ${JSON.stringify(res.body)}`), { response: res });
        return res.body.receipt as string;
      })));
    }));
    // Killed once the session has accepted its first ballot and before it has all 18.
    const sessionHandle = stack.temporal.workflow.getHandle(`council-session-${session.sessionId}`);
    const accepted = async () => ((await sessionHandle.fetchHistory()).events ?? []).filter((e) => e.workflowExecutionUpdateCompletedEventAttributes).length;
    const castAtKill = await killMidway(accepted);
    expect(castAtKill).toBeLessThan(18 + members.length);
    const receipts = (await castAll).flat();
    await waitForStatus(clerk, ids[0], 'AWAITING_DECISION', 60_000);
    await waitForStatus(clerk, ids[1], 'REJECTED', 60_000);
    const [{ holders }] = await stack.ds.query(`SELECT count(DISTINCT user_id)::int AS holders FROM council_ballot_holder WHERE session_id=$1`, [session.sessionId]);
    const [{ ballots }] = await stack.ds.query(`SELECT count(*)::int AS ballots FROM council_item_ballot WHERE session_id=$1`, [session.sessionId]);
    expect({ holders, ballots }).toEqual({ holders: 9, ballots: 18 });
    const tally = (await secretary.get(`/councils/sessions/${session.sessionId}/tally`)).body.records;
    expect(tally.find((r: any) => r.nominationId === ids[0]).counts).toEqual({ agree: 7, disagree: 2, abstain: 0 });
    expect(new Set(receipts).size).toBe(18);
    for (const receipt of receipts) expect((await secretary.get(`/councils/sessions/${session.sessionId}/receipts/${receipt}`)).body.counted).toBe(true);
  });
});
