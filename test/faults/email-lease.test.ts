import { createMailer } from '@vinhdanh/platform';
import { deliverIn } from '@vinhdanh/activities/notifications/deliver';
import { startSmtpSink } from '../support/smtp-sink';
import { startStack, type Stack } from '../support/stack';

/**
 * E-mail is delivered at least once with the default lease (60 s): a delivery that finds a row
 * claimed by another attempt — whose worker may have died between claiming and sending — must not
 * complete, or Temporal would never retry it and the mail would be lost. It fails (retryable) until
 * the lease runs out, then takes the claim over and sends, once. Real PostgreSQL, a real SMTP server.
 */
let stack: Stack;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  stack = await startStack({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await stack?.close();
  await smtp?.close();
});

it('a row claimed by a dead attempt is retried, not dropped, and sent once the lease has run out', async () => {
  expect(stack.config.emailLeaseMs).toBe(60_000);
  const key = `lease-test:${Date.now()}`;
  const [row] = await stack.ds.query(
    `INSERT INTO notification (idempotency_key, recipient_user_id, email, kind, subject_vi, subject_en, body_vi, body_en, created_at, email_claimed_at)
     VALUES ($1, 'vanthu.so-gddt', 'vanthu@example.org', 'TEST', 'Thử', 'Test', 'Nội dung', 'Body', now(), now()) RETURNING id`,
    [key],
  );
  const mailer = createMailer(smtp.url, 'Vinh Danh <no-reply@vinhdanh.local>')!;
  const sent = () => smtp.mails.filter((m) => m.messageId?.includes(key.replace(/[^A-Za-z0-9.:-]/g, '.'))).length;

  // The dead attempt's claim is fresh: this retry must fail, so that Temporal retries it later.
  await expect(deliverIn(stack.ds, mailer, { ids: [row.id] }, stack.config.emailLeaseMs)).rejects.toMatchObject({ type: 'EMAIL_CLAIMED_ELSEWHERE', nonRetryable: false });
  expect(sent()).toBe(0);

  // The lease runs out (the claim is aged rather than waited for): the next retry sends it.
  await stack.ds.query(`UPDATE notification SET email_claimed_at = now() - interval '61 seconds' WHERE id = $1`, [row.id]);
  await expect(deliverIn(stack.ds, mailer, { ids: [row.id] }, stack.config.emailLeaseMs)).resolves.toMatchObject({ emailed: 1 });
  await expect(deliverIn(stack.ds, mailer, { ids: [row.id] }, stack.config.emailLeaseMs)).resolves.toMatchObject({ emailed: 0 });
  expect(sent()).toBe(1);
});
