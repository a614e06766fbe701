import { ApplicationFailure } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { DeliverNotificationsInput, DeliverNotificationsResult } from '@vinhdanh/domain/ladder/activities';
import { claimEmail, markDelivered, markEmailed, pendingEmails } from '@vinhdanh/persistence/read-model/outbox';
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
  const db = ds.manager;
  const delivered = await markDelivered(db, ids);
  let emailed = 0;
  /** Rows another attempt claimed within the lease and has not sent yet. */
  let heldElsewhere = 0;
  if (mailer) {
    for (const n of await pendingEmails(db, ids)) {
      const claim = await claimEmail(db, n.id, leaseMs);
      if (claim !== 'CLAIMED') {
        if (claim === 'HELD') heldElsewhere++;
        continue;
      }
      await mailer.send({
        to: n.email,
        subject: `${n.subjectVi} / ${n.subjectEn}`,
        text: `${n.bodyVi}\n\n—\n${n.bodyEn}\n`,
        messageId: `<${n.idempotencyKey.replace(/[^A-Za-z0-9.:-]/g, '.')}@vinhdanh>`,
      });
      await markEmailed(db, n.id);
      emailed++;
    }
  }
  // The attempt holding the claim may be dead (its worker killed after claiming). Completing now
  // would drop that mail for good; failing makes Temporal retry until the lease runs out and this
  // delivery takes the claim over: at least once, whatever the timing.
  if (heldElsewhere) {
    throw ApplicationFailure.retryable(`${heldElsewhere} e-mail(s) claimed by another attempt and not yet sent; retrying after the lease`, 'EMAIL_CLAIMED_ELSEWHERE');
  }
  return { delivered, emailed };
}
