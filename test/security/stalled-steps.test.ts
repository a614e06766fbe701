import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { recordHistory } from '../support/histories';
import { submit, waitForStatus, waitForStep } from '../support/nominations';

/**
 * No activity retries forever (docs/operations.md, "Stalled steps"). A step the database refuses for
 * a reason no retry can mend — here a trigger that raises SQLSTATE 22023 on exactly one event of
 * exactly one nomination, counting every attempt — used to be retried without end: the workflow task
 * never completed and the nomination froze. Now the step fails at its first attempt, the workflow
 * stalls there, visibly and on the audit chain, refuses new actions with a reason, and runs the step
 * again when an administrator, having mended the cause, resumes it. Real API, worker, Temporal and
 * PostgreSQL.
 */
describe('a step that cannot succeed stalls its workflow for an operator, and resumes', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, unitHead: Session, admin: Session, auditor: Session;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, unitHead, admin, auditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'quantri', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    await stack?.ds.query(`DROP TRIGGER IF EXISTS refuse_one_event ON nomination_event; DROP FUNCTION IF EXISTS refuse_one_event()`).catch(() => undefined);
    await stack?.close();
  });

  /** The fault: the projection of one event type of one nomination is refused, each attempt counted. */
  const refuse = async (nominationId: string, eventType: string) => {
    await stack.ds.query(`CREATE SEQUENCE IF NOT EXISTS fault_attempt`);
    await stack.ds.query(`
      CREATE OR REPLACE FUNCTION refuse_one_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.nomination_id = '${nominationId}' AND NEW.type = '${eventType}' THEN
          -- A sequence: the refused transaction rolls back, the count does not.
          PERFORM nextval('fault_attempt');
          RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN NEW;
      END $$;
      DROP TRIGGER IF EXISTS refuse_one_event ON nomination_event;
      CREATE TRIGGER refuse_one_event BEFORE INSERT ON nomination_event FOR EACH ROW EXECUTE FUNCTION refuse_one_event();
    `);
  };
  const mend = () => stack.ds.query(`DROP TRIGGER refuse_one_event ON nomination_event`);
  const attempts = async () => {
    const [{ last_value: last, is_called: called }] = await stack.ds.query(`SELECT last_value, is_called FROM fault_attempt`);
    return called ? Number(last) : 0;
  };
  const auditOf = (workflowId: string) => stack.ds.query(`SELECT event_type, actor_id, payload FROM audit_log WHERE stream = $1 ORDER BY stream_seq`, [`history:${workflowId}`]);

  it('refuses at the first attempt, stalls visibly, refuses new actions, and goes on once mended and resumed', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    const { workflowId } = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    await refuse(id, 'ReviewApproved');

    // The reviewer's approval is taken, and the answer says the workflow paused instead of hanging.
    const approved = await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đủ thành tích theo báo cáo; đã đối chiếu hồ sơ.' });
    expect(approved.status).toBe(503);
    expect(approved.body).toMatchObject({ code: 'ACCEPTED_BUT_STALLED', messageVi: expect.stringContaining('tạm dừng'), messageEn: expect.stringContaining('paused') });

    // Visible to the people it holds up, and to operators, with the database's reason.
    const detail = await eventually(async () => {
      const r = await clerk.get(`/nominations/${id}`);
      return r.body.engineStall ? r.body : undefined;
    });
    expect(detail.status).toBe('IN_REVIEW');
    expect(detail.engineStall).toMatchObject({ step: 'recordEvent', kind: 'PERMANENT_FAULT', messageVi: expect.stringContaining('quản trị viên'), messageEn: expect.stringContaining('administrator') });
    const listed = await auditor.get('/engine/stalls');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ workflowId, step: 'recordEvent', kind: 'PERMANENT_FAULT', sqlState: '22023', workflowType: 'nominationWorkflow' })]);
    expect((await clerk.get('/engine/stalls')).status).toBe(403);
    // One attempt, never a retry: a fault no retry can mend is not retried.
    expect(await attempts()).toBe(1);
    const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
    expect(history.events!.filter((e) => e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes)).toEqual([]);
    expect((await stack.temporal.workflow.getHandle(workflowId).describe()).status.name).toBe('RUNNING');
    expect((await auditOf(workflowId)).map((e: { event_type: string }) => e.event_type)).toEqual(['StepStalled']);

    // New actions are refused with a reason while it waits; a public reader sees nothing of it.
    const withdraw = await clerk.post(`/nominations/${id}/withdraw`, { reason: 'Đơn vị rút hồ sơ để bổ sung.' });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body).toMatchObject({ code: 'WORKFLOW_STALLED', messageVi: expect.stringContaining('tạm dừng'), messageEn: expect.stringContaining('paused') });

    // Only an administrator resumes; resumed with the cause still there, the step stalls again.
    expect((await auditor.post(`/engine/stalls/${workflowId}/resume`)).status).toBe(403);
    const early = await admin.post(`/engine/stalls/${workflowId}/resume`);
    expect(early.status).toBe(200);
    expect(early.body.resumed).toEqual([expect.objectContaining({ step: 'recordEvent', kind: 'PERMANENT_FAULT', sqlState: '22023' })]);
    await eventually(async () => ((await attempts()) === 2 && (await admin.get('/engine/stalls')).body.items.length === 1 ? true : undefined));

    // Mended, and resumed: the approval is recorded, the decision follows, nothing was lost.
    await mend();
    const resumed = await admin.post(`/engine/stalls/${workflowId}/resume`);
    expect(resumed.status).toBe(200);
    await waitForStep(unitHead, id, 'AWAITING_DECISION', 'UNIT');
    expect((await admin.get('/engine/stalls')).body.items).toEqual([]);
    expect((await clerk.get(`/nominations/${id}`)).body.engineStall).toBeNull();
    expect((await admin.post(`/engine/stalls/${workflowId}/resume`)).body).toMatchObject({ code: 'NOT_STALLED' });
    const decided = await unitHead.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.status).toBe(200);
    const awarded = await waitForStatus(clerk, id, 'AWARDED');
    expect(awarded.steps.filter((s: { type: string }) => s.type === 'ReviewApproved')).toHaveLength(1);
    expect(await auditOf(workflowId)).toEqual([
      expect.objectContaining({ event_type: 'StepStalled', payload: expect.objectContaining({ step: 'recordEvent', kind: 'PERMANENT_FAULT', sqlState: '22023' }) }),
      expect.objectContaining({ event_type: 'StepResumed', actor_id: expect.any(String), payload: { steps: ['recordEvent'] } }),
      expect.objectContaining({ event_type: 'StepStalled' }),
      expect.objectContaining({ event_type: 'StepResumed', payload: { steps: ['recordEvent'] } }),
    ]);
    await recordHistory(stack, workflowId, 'nomination-stalled-and-resumed');
  });

  it('a resume that is not the product’s, or for no workflow, is refused with a reason', async () => {
    const notAnId = await admin.post(`/engine/stalls/${encodeURIComponent('nomination-1 OR 1=1')}/resume`);
    expect(notAnId.status).toBe(400);
    expect(notAnId.body).toMatchObject({ code: 'INVALID_WORKFLOW_ID' });
    expect((await admin.post('/engine/stalls/nomination-00000000-0000-4000-8000-000000000000/resume')).status).toBe(404);
    // Straight at the frontend, without the product's message authentication: refused by the workflow.
    const id = await submit(clerk, 'GK_DONVI');
    const { workflowId } = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    await expect(stack.temporal.workflow.getHandle(workflowId).executeUpdate('resumeStalled', { args: [{ actor: { userId: 'x', fullName: 'x' } }] })).rejects.toMatchObject({ cause: { type: 'UNAUTHENTICATED_MESSAGE' } });
  });
});
