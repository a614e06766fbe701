import type { EntityManager } from 'typeorm';
import type { RecordEventInput, RecordEventResult } from '@vinhdanh/domain/ladder/activities';
import { unhandledEvent } from '@vinhdanh/domain/ladder/events';
import { planNotification } from '@vinhdanh/domain/notifications/templates';
import { insertNominationRow } from './nomination-row';
import { appendAudit } from '../audit/chain';
import { notifyUpdateProjected } from './update-projected';

/**
 * Folds one workflow event into the read models, the task inbox and the notification outbox in
 * a single transaction. Keyed by (nomination, seq): a retried activity changes nothing twice.
 * The projection rebuild runs this same fold over the events recorded in Temporal histories.
 */
export async function recordEventIn(db: EntityManager, input: RecordEventInput, emailEnabled = false, runId?: string, noticeKey?: Buffer): Promise<RecordEventResult> {
  const { nominationId, event, view } = input;
  return db.transaction(async (tx) => {
    if (event.type === 'NominationSubmitted') {
      await insertNominationRow(tx, event.data.input, event.at, runId);
    }
    // Only the run the product started and recorded writes the record: a run started under the same
    // id from the Temporal frontend (a captured start input replayed, a reset) projects nothing.
    if (runId) {
      const [row]: { run_id: string | null }[] = await tx.query(`SELECT run_id FROM nomination WHERE id = $1`, [nominationId]);
      if (row?.run_id && row.run_id !== runId) throw new ForeignRunError(nominationId, row.run_id, runId);
    }
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO nomination_event (nomination_id, seq, type, level, actor_id, actor_role, reason, rule, data, occurred_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (nomination_id, seq) DO NOTHING RETURNING id`,
      [nominationId, event.seq, event.type, event.level, event.actor?.userId ?? null, event.actor?.role ?? null, event.reason ?? null, event.rule ?? null, event.data, event.at],
    );
    if (inserted.length === 0) return { notificationIds: await existingNotifications(tx, nominationId, event.seq, emailEnabled) };
    await appendAudit(tx, {
      stream: `nomination:${nominationId}`,
      eventType: event.type,
      actorId: event.actor?.userId,
      actorRole: event.actor?.role,
      rule: event.rule,
      occurredAt: event.at,
      payload: { seq: event.seq, level: event.level, reason: event.reason ?? null, data: event.data },
    });

    // The reviewer reads the full explanation of the latest appraisal, not just its summary.
    const eligibility = event.type === 'EligibilityAssessed' ? event.data : null;
    await tx.query(
      `UPDATE nomination SET status=$2, current_level=$3, current_step=$4, outcome_reason=$5, eligibility=COALESCE($6, eligibility),
              decision_id=$7, updated_at=$8, last_seq=$9, posting=COALESCE($10, posting)
        WHERE id=$1 AND last_seq < $9`,
      [nominationId, view.status, view.level, view.step, view.outcomeReason ?? null, eligibility, view.decision?.decisionId ?? null, event.at, event.seq, view.posting ?? null],
    );
    await projectDetails(tx, input);
    await syncTasks(tx, input);
    const updateId = (event.data as { updateId?: unknown }).updateId;
    if (typeof updateId === 'string') await notifyUpdateProjected(tx, updateId, view, noticeKey);
    return { notificationIds: await enqueueNotifications(tx, input, emailEnabled) };
  });
}

export class ForeignRunError extends Error {
  constructor(readonly nominationId: string, readonly recordedRunId: string, readonly runId: string) {
    super(`run ${runId} is not the run recorded for nomination ${nominationId} (${recordedRunId}): its events are not projected`);
    this.name = 'ForeignRunError';
  }
}

/** The events that change more than the nomination's state: public comments, and a re-routing. */
async function projectDetails(tx: EntityManager, { nominationId, event }: RecordEventInput): Promise<void> {
  switch (event.type) {
    case 'PublicCommentReceived': {
      const d = event.data;
      await tx.query(
        `INSERT INTO public_comment (nomination_id, comment_id, level, text, author_name, received_at) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
        [nominationId, d.commentId, d.level ?? event.level, d.text, d.authorName ?? null, event.at],
      );
      return;
    }
    case 'PublicCommentAnswered':
      await tx.query(`UPDATE public_comment SET answer=$3, answered_by=$4, answered_at=$5 WHERE nomination_id=$1 AND comment_id=$2`, [nominationId, event.data.commentId, event.data.answer, event.actor?.userId ?? null, event.at]);
      return;
    case 'NominationRerouted':
      // The submitting unit may itself have a successor: its clerks take the nomination over.
      await tx.query(`UPDATE nomination SET unit_id=$2, dossier=jsonb_set(dossier, '{route}', $3::jsonb) WHERE id=$1`, [nominationId, event.data.unitId, JSON.stringify(event.data.route)]);
      return;
    case 'RouteCompleted':
      // The route readers see (and who may see the dossier: the President's Office) follows the workflow's.
      await tx.query(`UPDATE nomination SET dossier=jsonb_set(dossier, '{route}', $2::jsonb) WHERE id=$1`, [nominationId, JSON.stringify(event.data.route)]);
      return;
    case 'DossierAmended':
    case 'SupplementProvided': {
      // The dossier as corrected: its text, files (before review) and the nominee's position and
      // front-line flag. A supplement's files stay in its step; only its corrections change the dossier.
      if (!event.data.changes) return;
      const { achievements, position, frontLine } = event.data.changes;
      const documents = event.type === 'DossierAmended' ? event.data.changes.documents : undefined;
      await tx.query(
        `UPDATE nomination SET dossier = dossier || $2::jsonb, nominee = nominee || $3::jsonb WHERE id=$1`,
        [nominationId, JSON.stringify({ ...(achievements !== undefined ? { achievements } : {}), ...(documents !== undefined ? { documents } : {}) }), JSON.stringify({ ...(position !== undefined ? { position } : {}), ...(frontLine !== undefined ? { frontLine } : {}) })],
      );
      return;
    }
    case 'NominationSubmitted':
    case 'EligibilityAssessed':
    case 'ReviewRequested':
    case 'ReviewReminderSent':
    case 'ReviewEscalated':
    case 'SupplementRequested':
    case 'ReviewApproved':
    case 'NominationRejected':
    case 'CouncilVoteRequested':
    case 'CouncilResultReceived':
    case 'DecisionRequested':
    case 'DecisionIssued':
    case 'ProposalForwarded':
    case 'NominationWithdrawn':
    case 'NominationExpired':
    case 'UnauthenticatedMessageIgnored':
    case 'PublicPostingStarted':
    case 'PublicPostingEnded':
    case 'ProposalSubmitted':
      return; // the nomination row, its tasks and its outbox carry all they change
    default:
      unhandledEvent(event);
  }
}

async function syncTasks(tx: EntityManager, { nominationId, event, view }: RecordEventInput): Promise<void> {
  const openKey = view.task?.key ?? null;
  await tx.query(
    `UPDATE task SET status='DONE', closed_at=$3, closed_by=$4
      WHERE nomination_id=$1 AND status='OPEN' AND ($2::text IS NULL OR task_key <> $2)`,
    [nominationId, openKey, event.at, event.actor?.userId ?? 'SYSTEM'],
  );
  if (view.task) {
    const t = view.task;
    await tx.query(
      `INSERT INTO task (nomination_id, task_key, kind, level, unit_id, role, status, due_at, created_at, data)
       VALUES ($1,$2,$3,$4,$5,$6,'OPEN',$7,$8,$9) ON CONFLICT (nomination_id, task_key) DO NOTHING`,
      [nominationId, t.key, t.kind, t.level, t.unitId, t.role, t.dueAt ?? null, event.at, { supplement: view.supplement ?? null }],
    );
  }
}

/**
 * Writes the outbox rows. The in-app inbox is delivered by this very insert; the ids returned are
 * those that still need an e-mail, so without SMTP no delivery activity is scheduled at all.
 */
async function enqueueNotifications(tx: EntityManager, { nominationId, event, view }: RecordEventInput, emailEnabled: boolean): Promise<string[]> {
  const [row]: { nominee_name: string; unit_id: string; dossier: { awardNameVi?: string; awardNameEn?: string } }[] = await tx.query(`SELECT nominee_name, unit_id, dossier FROM nomination WHERE id=$1`, [nominationId]);
  if (!row) return [];
  const plan = planNotification(event, view, {
    nomineeName: row.nominee_name,
    awardNameVi: row.dossier.awardNameVi ?? '',
    awardNameEn: row.dossier.awardNameEn ?? '',
    submittingUnitId: row.unit_id,
  });
  if (!plan) return [];
  const ids: string[] = [];
  // A digest: the hour's first notice of this kind stands for the rest (a flood of comments is one notice an hour).
  const hour = new Date(Math.floor(Date.parse(event.at) / 3_600_000) * 3_600_000).toISOString();
  for (const r of plan.recipients) {
    const users: { id: string; email: string | null }[] = await tx.query(
      `SELECT id, email FROM user_account WHERE unit_id=$1 AND $2 = ANY(roles) ORDER BY id`,
      [r.unitId, r.role],
    );
    for (const u of users) {
      if (plan.digestPerHour) {
        const [already] = await tx.query(
          `SELECT 1 FROM notification WHERE nomination_id=$1 AND recipient_user_id=$2 AND kind=$3 AND created_at >= $4 AND created_at < $4::timestamptz + interval '1 hour' AND idempotency_key <> $5 LIMIT 1`,
          [nominationId, u.id, plan.kind, hour, `${nominationId}:${event.seq}:${u.id}`],
        );
        if (already) continue;
      }
      const [n] = await tx.query(
        `INSERT INTO notification (idempotency_key, nomination_id, recipient_user_id, email, kind, subject_vi, subject_en, body_vi, body_en, created_at, delivered_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,now()) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [`${nominationId}:${event.seq}:${u.id}`, nominationId, u.id, u.email, plan.kind, plan.subjectVi, plan.subjectEn, plan.bodyVi, plan.bodyEn, event.at],
      );
      if (n && emailEnabled && u.email) ids.push(n.id);
    }
  }
  return ids;
}

async function existingNotifications(tx: EntityManager, nominationId: string, seq: number, emailEnabled: boolean): Promise<string[]> {
  if (!emailEnabled) return [];
  const rows: { id: string }[] = await tx.query(
    `SELECT id FROM notification WHERE idempotency_key LIKE $1 AND email IS NOT NULL AND emailed_at IS NULL`,
    [`${nominationId}:${seq}:%`],
  );
  return rows.map((r) => r.id);
}
