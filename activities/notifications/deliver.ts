import type { DataSource } from 'typeorm';
import type { DeliverNotificationsInput, DeliverNotificationsResult } from '../contracts';

export interface Mailer {
  send(message: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

/**
 * Delivers outbox rows: in-app (marked delivered) and by email when a mailer is configured.
 * A row is emailed at most once: emailed_at is set right after the SMTP server accepts it, and the
 * Message-ID is the outbox key, so a receiver can drop the rare duplicate of a crash in between.
 */
export async function deliverIn(ds: DataSource, mailer: Mailer | undefined, { ids }: DeliverNotificationsInput): Promise<DeliverNotificationsResult> {
  if (ids.length === 0) return { delivered: 0, emailed: 0 };
  const delivered = await ds.query(
    `UPDATE notification SET delivered_at = now(), attempts = attempts + 1 WHERE id = ANY($1) AND delivered_at IS NULL RETURNING id`,
    [ids],
  );
  let emailed = 0;
  if (mailer) {
    const pending: { id: string; idempotency_key: string; email: string; subject_vi: string; subject_en: string; body_vi: string; body_en: string }[] =
      await ds.query(`SELECT * FROM notification WHERE id = ANY($1) AND email IS NOT NULL AND emailed_at IS NULL ORDER BY created_at`, [ids]);
    for (const n of pending) {
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
  return { delivered: delivered[1] ?? delivered.length, emailed };
}
