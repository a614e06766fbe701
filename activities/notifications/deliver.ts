import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { DeliverNotificationsInput, DeliverNotificationsResult } from '@vinhdanh/domain/ladder/activities';

import type { Mailer } from '@vinhdanh/platform/mailer';

/**
 * Delivers outbox rows: in-app (exactly once: marked delivered) and by e-mail when a mailer is
 * configured. Each e-mail is claimed with a lease before sending, so concurrent deliveries never
 * send the same row; emailed_at is set as soon as the SMTP server accepts it. A worker that dies
 * between that acceptance and the update leaves the lease to expire and the mail is sent again,
 * with the same Message-ID (the outbox key), so the receiving system can drop the duplicate:
 * e-mail is at-least-once, never lost.
 */
export async function deliverIn(ds: DataSource, mailer: Mailer | undefined, { ids }: DeliverNotificationsInput, leaseMs: number): Promise<DeliverNotificationsResult> {
  if (ids.length === 0) return { delivered: 0, emailed: 0 };
  const delivered = await ds.query(
    `UPDATE notification SET delivered_at = now(), attempts = attempts + 1 WHERE id = ANY($1) AND delivered_at IS NULL RETURNING id`,
    [ids],
  );
  let emailed = 0;
  /** Rows another attempt claimed within the lease and has not sent yet. */
  let heldElsewhere = 0;
  if (mailer) {
    const pending: { id: string; idempotency_key: string; email: string; subject_vi: string; subject_en: string; body_vi: string; body_en: string }[] =
      await ds.query(`SELECT * FROM notification WHERE id = ANY($1) AND email IS NOT NULL AND emailed_at IS NULL ORDER BY created_at`, [ids]);
    for (const n of pending) {
      const claimed = await ds.query(
        `UPDATE notification SET email_claimed_at = now() WHERE id=$1 AND emailed_at IS NULL
           AND (email_claimed_at IS NULL OR email_claimed_at < now() - make_interval(secs => $2)) RETURNING id`,
        [n.id, leaseMs / 1000],
      );
      if (affectedRows(claimed) === 0) {
        const [unsent] = await ds.query(`SELECT 1 FROM notification WHERE id=$1 AND emailed_at IS NULL`, [n.id]);
        if (unsent) heldElsewhere++;
        continue;
      }
      await mailer.send({
        to: n.email,
        subject: `${n.subject_vi} / ${n.subject_en}`,
        text: `${n.body_vi}\n\n—\n${n.body_en}\n`,
        messageId: `<${n.idempotency_key.replace(/[^A-Za-z0-9.:-]/g, '.')}@vinhdanh>`,
      });
      await ds.query(`UPDATE notification SET emailed_at = now() WHERE id=$1`, [n.id]);
      emailed++;
    }
  }
  // The attempt holding the claim may be dead (its worker killed after claiming). Completing now
  // would drop that mail for good; failing makes Temporal retry until the lease runs out and this
  // delivery takes the claim over: at least once, whatever the timing.
  if (heldElsewhere) {
    throw ApplicationFailure.retryable(`${heldElsewhere} e-mail(s) claimed by another attempt and not yet sent; retrying after the lease`, 'EMAIL_CLAIMED_ELSEWHERE');
  }
  return { delivered: affectedRows(delivered), emailed };
}

/** TypeORM answers UPDATE … RETURNING on PostgreSQL with [rows, rowCount]. */
function affectedRows(result: unknown): number {
  return Array.isArray(result) && Array.isArray(result[0]) ? Number(result[1]) : Array.isArray(result) ? result.length : 0;
}
