import nodemailer from 'nodemailer';

/** What delivery needs of an SMTP client; the activities receive one from the worker. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string; messageId: string }): Promise<void>;
}

/** SMTP delivery when SMTP_URL is set; without it notifications stay in-app only. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer | undefined {
  if (!smtpUrl) return undefined;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text, messageId }) {
      await transport.sendMail({ from, to, subject, text, messageId });
    },
  };
}
