import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openBallot } from '@vinhdanh/platform/ballot-seal';
import type { Choice } from '@vinhdanh/workflows/council/types';
import type { RecordCouncilEventInput, TallyCouncilSessionInput, TallyCouncilSessionResult } from '../contracts';
import { tallyItem, type OpenedBallot } from './tally';
import { appendAudit } from '@vinhdanh/persistence/audit/chain';

/** Projects a session's progress: the session row, and who voted (never how). */
export async function recordCouncilEventIn(ds: DataSource, e: RecordCouncilEventInput): Promise<void> {
  await ds.transaction(async (tx) => {
    if (e.type === 'BallotCast') {
      const [inserted] = await tx.query(`INSERT INTO council_voter (session_id, user_id, voted_at) VALUES ($1,$2,now()) ON CONFLICT DO NOTHING RETURNING user_id`, [e.sessionId, e.actorId]);
      if (!inserted) return; // a retried activity: already recorded and audited
    } else if (e.type === 'ConflictDeclared') {
      await tx.query(`UPDATE council_session SET conflicts = $2 WHERE id = $1`, [e.sessionId, JSON.stringify(e.view.conflicts)]);
    } else if (e.type === 'SessionOpened' || e.type === 'SessionClosed') {
      const [done] = await tx.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = $2`, [`council:${e.sessionId}`, e.type]);
      if (done) return;
    }
    // Who voted is audited; how never is: ballots stay sealed until the tally.
    await appendAudit(tx, { stream: `council:${e.sessionId}`, eventType: e.type, actorId: e.actorId, occurredAt: new Date().toISOString(), payload: { ...(e.data ?? {}), voted: e.view.votedUserIds.length, members: e.view.membersTotal } });
  });
}

/**
 * Opens the sealed ballots, tallies every nomination and writes, in one transaction: the anonymous
 * ballots in a random order (no voter, no time), the tally records and the closed session. A retry
 * after a crash finds the session closed and returns the same results.
 */
export async function tallyCouncilSessionIn(ds: DataSource, ballotKey: Buffer, t: TallyCouncilSessionInput): Promise<TallyCouncilSessionResult> {
  const { input } = t;
  return ds.transaction(async (tx) => {
    const [session] = await tx.query(`SELECT status FROM council_session WHERE id=$1 FOR UPDATE`, [input.sessionId]);
    if (session?.status === 'CLOSED') {
      const rows = await tx.query(`SELECT nomination_id, result, record FROM council_tally WHERE session_id=$1`, [input.sessionId]);
      return { results: rows.map((r: any) => toResult(input, r.record)) };
    }
    const ballots = t.sealed.map((s) => openBallot<OpenedBallot>(s, ballotKey));
    for (const b of ballots) assertChoices(b.choices);
    const records = input.items.map((item) => tallyItem(item, input.rules[item.ruleKey], input.members, t.conflicts, t.voted, ballots));
    for (const b of shuffled(ballots)) {
      await tx.query(`INSERT INTO council_ballot (session_id, receipt_hash, choices) VALUES ($1,$2,$3)`, [input.sessionId, b.receiptHash, b.choices]);
    }
    for (const r of records) {
      await tx.query(`INSERT INTO council_tally (session_id, nomination_id, award_code, result, record) VALUES ($1,$2,$3,$4,$5)`, [input.sessionId, r.nominationId, r.awardCode, r.result, r]);
    }
    await tx.query(`UPDATE council_session SET status='CLOSED', closed_at=now(), closed_reason=$2, conflicts=$3 WHERE id=$1`, [input.sessionId, t.closedReason ?? null, JSON.stringify(t.conflicts)]);
    await appendAudit(tx, { stream: `council:${input.sessionId}`, eventType: 'TallyRecorded', occurredAt: new Date().toISOString(), rule: Object.keys(input.rules).join(','), payload: { closedReason: t.closedReason ?? null, results: records.map((r) => ({ nominationId: r.nominationId, result: r.result, counts: r.counts, ruleKey: r.rule.ruleKey })), receiptHashes: ballots.map((b) => b.receiptHash).sort() } });
    return { results: records.map((r) => toResult(input, r)) };
  });
}

function toResult(input: TallyCouncilSessionInput['input'], r: { nominationId: string; result: 'PASSED' | 'FAILED' | 'NO_QUORUM'; reasonVi: string; reasonEn: string; rule: { ruleKey: string } }) {
  const item = input.items.find((i) => i.nominationId === r.nominationId)!;
  return { nominationId: r.nominationId, workflowId: item.workflowId, result: r.result, reasonVi: r.reasonVi, reasonEn: r.reasonEn, ruleKey: r.rule.ruleKey, tallyRef: `/councils/sessions/${input.sessionId}/tally#${r.nominationId}` };
}

const CHOICES: Choice[] = ['AGREE', 'DISAGREE', 'ABSTAIN'];
function assertChoices(choices: Record<string, unknown>): void {
  for (const c of Object.values(choices)) if (!CHOICES.includes(c as Choice)) throw new Error(`invalid sealed choice ${String(c)}`);
}

/** Fisher–Yates with a CSPRNG: the stored order says nothing about the voting order. */
function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
