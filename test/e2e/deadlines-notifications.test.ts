import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { startSmtpSink } from '../support/smtp-sink';
import { approveLevel, submit, waitForStatus, waitForStep } from '../support/nominations';
import { recordHistory } from '../support/histories';

/**
 * Policy durations shrunk to seconds: a review task due in 6 s escalates to the unit head after
 * 2 s, reminds its assignee 3 s before the deadline, and expires with a recorded reason.
 */
describe('deadlines and notifications', () => {
  let stack: Stack;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let clerk: Session, reviewer: Session, head: Session;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    stack = await startStack({
      SMTP_URL: smtp.url,
      POLICY_REVIEW_DEADLINE: '6s',
      POLICY_REMINDER_BEFORE: '3s',
      POLICY_ESCALATE_AFTER: '2s',
      POLICY_SUPPLEMENT_DEADLINE: '4s',
      POLICY_DECISION_DEADLINE: '1h',
    });
    [clerk, reviewer, head] = await Promise.all(['vanthu.cty-cao-su', 'thamdinh.cty-cao-su', 'thutruong.cty-cao-su'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  it('escalates, reminds and then expires an untouched review with the rule applied', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    const n = await eventually(async () => {
      const r = await clerk.get(`/nominations/${id}`);
      return r.body.status === 'EXPIRED' ? r.body : undefined;
    }, 20_000);
    const types = n.steps.map((s: any) => s.type);
    expect(types.indexOf('ReviewEscalated')).toBeGreaterThan(types.indexOf('ReviewRequested'));
    expect(types.indexOf('ReviewReminderSent')).toBeGreaterThan(types.indexOf('ReviewEscalated'));
    expect(types[types.length - 1]).toBe('NominationExpired');
    const expired = n.steps[n.steps.length - 1];
    expect(expired.rule).toBe('POLICY_REVIEW_DEADLINE');
    expect(expired.reason).toMatch(/Quá hạn xử lý/);
    expect(n.tasks.every((t: any) => t.status === 'DONE')).toBe(true);
    const headNotes = await head.get('/notifications');
    expect(headNotes.body.items.some((x: any) => x.nominationId === id && x.kind === 'ESCALATION')).toBe(true);
    const reviewerNotes = await reviewer.get('/notifications');
    expect(reviewerNotes.body.items.filter((x: any) => x.nominationId === id).map((x: any) => x.kind).sort()).toEqual(['REMINDER', 'TASK_ASSIGNED']);
    // Fired timers (escalation, reminder, expiry) for the replay guard.
    await recordHistory(stack, n.workflowId, 'nomination-escalated-expired');
  });

  it('expires a supplement request that the clerk does not answer', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    await reviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', items: ['Bản sao quyết định công nhận sáng kiến'] });
    const n = await waitForStatus(clerk, id, 'EXPIRED');
    expect(n.steps[n.steps.length - 1].rule).toBe('POLICY_SUPPLEMENT_DEADLINE');
  });

  it('expires a decision that the decision maker does not sign in time, and says which rule', async () => {
    // Its own API and worker with a short decision deadline (this file's others keep an hour).
    const short = await startStack({ POLICY_REVIEW_DEADLINE: '1h', POLICY_ESCALATE_AFTER: '1h', POLICY_REMINDER_BEFORE: '1m', POLICY_DECISION_DEADLINE: '6s' });
    try {
      const [c, r] = await Promise.all(['vanthu.cty-cao-su', 'thamdinh.cty-cao-su'].map((u) => short.login(u)));
      const id = await submit(c, 'GK_DONVI');
      await waitForStep(r, id, 'IN_REVIEW', 'UNIT');
      expect((await r.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' })).status).toBe(200);
      const waiting = await waitForStatus(c, id, 'AWAITING_DECISION');
      expect(waiting.tasks.find((t: any) => t.kind === 'DECISION' && t.status === 'OPEN').dueAt).toBeTruthy();
      const n = await waitForStatus(c, id, 'EXPIRED');
      const last = n.steps[n.steps.length - 1];
      expect(last).toMatchObject({ type: 'NominationExpired', rule: 'POLICY_DECISION_DEADLINE' });
      expect(n.tasks.filter((t: any) => t.status === 'OPEN')).toEqual([]);
    } finally {
      await short.close();
    }
  });

  it('emails each notification once over SMTP, in Vietnamese with English', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT');
    await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    await waitForStatus(clerk, id, 'AWARDED');
    const rows = await eventually(async () => {
      const r = await stack.ds.query(`SELECT idempotency_key, email, emailed_at FROM notification WHERE nomination_id=$1`, [id]);
      return r.length >= 3 && r.every((x: any) => x.emailed_at) ? r : undefined;
    });
    const mine = smtp.mails.filter((m) => m.messageId?.includes(id));
    expect(mine.length).toBe(rows.length);
    expect(new Set(mine.map((m) => m.messageId)).size).toBe(mine.length);
    expect(mine.some((m) => m.to.includes('vanthu.cty-cao-su@vinhdanh.local'))).toBe(true);
    const decisionMail = mine.find((m) => m.raw.includes('=?UTF-8?') && m.to.includes('vanthu.cty-cao-su@vinhdanh.local'));
    expect(decisionMail).toBeDefined();
  });
});
