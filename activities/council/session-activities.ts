import { randomInt } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { openBallot } from '@vinhdanh/platform/ballot-seal';
import { CHOICE_OF_CODE, CHOICES, countChoices, tallyItem, type Choice, type TallyRecord } from '@vinhdanh/domain/council';
import { appendAudit, auditHas } from '@vinhdanh/persistence/audit/chain';
import {
  lockSessionForTally, recordBallotHolders, recordSessionConflicts, recordVoter, stillWaitingForCouncil, writeSealedBallots, writeSecretBallots, writeTallyRecords,
} from '@vinhdanh/persistence/read-model/council-tally';
import { emptyBox, openBox } from '@vinhdanh/persistence/council/ballot-box';
import type { OpenBallotBoxInput, OpenBallotBoxResult, RecordCouncilEventInput, TallyCouncilSessionInput, TallyCouncilSessionResult, TallySecretBallotsInput } from '@vinhdanh/domain/ladder/activities';

/** Projects a session's progress: the session row, who took part (never how), and the audit. */
export async function recordCouncilEventIn(ds: DataSource, e: RecordCouncilEventInput): Promise<void> {
  const stream = `council:${e.sessionId}`;
  await ds.transaction(async (tx) => {
    if (e.type === 'BallotCast') {
      if (!(await recordVoter(tx, e.sessionId, e.actorId!))) return; // a retried activity: already recorded and audited
    } else if (e.type === 'BallotIssued') {
      if (!(await recordBallotHolders(tx, e.sessionId, e.actorId!, (e.data?.nominationIds as string[]) ?? []))) return;
    } else if (e.type === 'ConflictDeclared') {
      await recordSessionConflicts(tx, e.sessionId, e.view.conflicts);
    } else if (await auditHas(tx, stream, e.type)) {
      return;
    }
    // Who took part is audited; how never is: ballots carry no voter and are written at the tally.
    await appendAudit(tx, { stream, eventType: e.type, actorId: e.actorId, occurredAt: new Date().toISOString(), payload: { ...(e.data ?? {}), turnout: e.view.turnoutUserIds?.length ?? e.view.votedUserIds.length, members: e.view.membersTotal } });
  });
}

/** Takes what the ballot box holds, shuffled: the batch's order says nothing about the order of casting. */
export async function openBallotBoxIn(ds: DataSource, input: OpenBallotBoxInput): Promise<OpenBallotBoxResult> {
  return { ballots: shuffled(await openBox(ds.manager, input.sessionId, input.openingId, input.close)) };
}

type Input = TallyCouncilSessionInput['input'];

/**
 * SEALED_V1 sessions: opens the sealed ballots, tallies every nomination and writes, in one
 * transaction, the anonymous ballots in a random order, the tally records and the closed session.
 * A retry after a crash finds the session closed and returns the same results.
 */
export async function tallyCouncilSessionIn(ds: DataSource, ballotKey: Buffer, t: TallyCouncilSessionInput): Promise<TallyCouncilSessionResult> {
  return ds.transaction(async (tx) => {
    const done = await lockSessionForTally(tx, t.input.sessionId);
    if (done.closed) return { results: done.records.map((r) => toResult(t.input, r)) };
    const ballots = t.sealed.map((s) => openBallot<{ receiptHash: string; choices: Record<string, Choice> }>(s, ballotKey));
    for (const b of ballots) assertChoices(Object.values(b.choices));
    const records = t.input.items.map((item) =>
      tallyItem(item, t.input.rules[item.ruleKey], t.input.members, t.conflicts, t.voted, countChoices(ballots.map((b) => b.choices[item.nominationId]).filter(Boolean))),
    );
    await writeSealedBallots(tx, t.input.sessionId, shuffled(ballots));
    return finish(tx, t.input, t.conflicts, t.closedReason, records, ballots.map((b) => b.receiptHash));
  });
}

/**
 * BLIND_V2 sessions: counts the anonymous ballots per nomination and writes, in one transaction,
 * the ballots (nomination and choice only) and the receipts in two tables, each shuffled, so no
 * row says whose ballot it is or which receipt goes with which choice.
 */
export async function tallySecretBallotsIn(ds: DataSource, t: TallySecretBallotsInput): Promise<TallyCouncilSessionResult> {
  return ds.transaction(async (tx) => {
    const done = await lockSessionForTally(tx, t.input.sessionId);
    if (done.closed) return { results: done.records.map((r) => toResult(t.input, r)) };
    const ballots = t.ballots.map((b) => ({ nominationId: b.nominationId, choice: CHOICE_OF_CODE[b.choice] }));
    assertChoices(ballots.map((b) => b.choice));
    const records = t.input.items.map((item) => {
      const cast = ballots.filter((b) => b.nominationId === item.nominationId).map((b) => b.choice);
      const holders = t.holders[item.nominationId] ?? [];
      // The box can never hold more ballots than were handed out for a nomination.
      if (cast.length > holders.length) throw new Error(`tally refused: ${cast.length} ballots for ${holders.length} holders on ${item.nominationId}`);
      return tallyItem(item, t.input.rules[item.ruleKey], t.input.members, t.conflicts, holders, countChoices(cast));
    });
    await writeSecretBallots(tx, t.input.sessionId, shuffled(ballots), shuffled(t.receipts));
    await emptyBox(tx, t.input.sessionId);
    return finish(tx, t.input, t.conflicts, t.closedReason, records, t.receipts.map((r) => r.receiptHash));
  });
}

/** Voids what the council may no longer decide, writes the records and closes the session, audited. */
async function finish(tx: EntityManager, input: Input, conflicts: TallyCouncilSessionInput['conflicts'], closedReason: string | undefined, records: TallyRecord[], receiptHashes: string[]) {
  const final = [];
  for (const r of records) {
    const decisive = r.result === 'PASSED' || r.result === 'FAILED';
    final.push(decisive && !(await stillWaitingForCouncil(tx, r.nominationId, input.councilId, input.level)) ? voided(r) : r);
  }
  await writeTallyRecords(tx, { sessionId: input.sessionId, councilId: input.councilId, closedReason: closedReason ?? null, conflicts, records: final });
  await appendAudit(tx, {
    stream: `council:${input.sessionId}`,
    eventType: 'TallyRecorded',
    occurredAt: new Date().toISOString(),
    rule: Object.keys(input.rules).join(','),
    payload: { closedReason: closedReason ?? null, results: final.map((r) => ({ nominationId: r.nominationId, result: r.result, counts: r.counts, ruleKey: r.rule.ruleKey })), receiptHashes: [...receiptHashes].sort() },
  });
  return { results: final.map((r) => toResult(input, r)) };
}

function voided(r: TallyRecord): TallyRecord {
  return {
    ...r,
    result: 'VOID' as TallyRecord['result'],
    reasonVi: `Vô hiệu: hồ sơ không còn chờ Hội đồng này xét (đã rút, hết hạn hoặc đã có kết quả). ${r.reasonVi}`,
    reasonEn: `Void: the nomination no longer waits for this council (withdrawn, expired or already decided). ${r.reasonEn}`,
  };
}

function toResult(input: Input, r: { nominationId: string; result: string; reasonVi: string; reasonEn: string; rule: { ruleKey: string } }) {
  const item = input.items.find((i) => i.nominationId === r.nominationId)!;
  return { nominationId: r.nominationId, workflowId: item.workflowId, result: r.result as TallyCouncilSessionResult['results'][number]['result'], reasonVi: r.reasonVi, reasonEn: r.reasonEn, ruleKey: r.rule.ruleKey, tallyRef: `/councils/sessions/${input.sessionId}/tally#${r.nominationId}` };
}

function assertChoices(choices: unknown[]): void {
  for (const c of choices) if (!(CHOICES as readonly unknown[]).includes(c)) throw new Error(`invalid ballot choice ${String(c)}`);
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
