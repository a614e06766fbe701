import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { submit, waitForStatus, waitForStep } from '../support/nominations';

/**
 * The archive's blind spot, named (docs/audit.md): a closed run that Temporal deletes before the
 * archiver takes it — the archiver away longer than the retention — leaves visibility with its
 * history, so no archiver pass ever sees it and nothing records its loss. The verifier compares the
 * record with the archive instead: a nomination closed well before the archiver last looked, with
 * neither an archive nor a recorded loss, is `ARCHIVE_NEVER_TAKEN`. Real API, worker, Temporal
 * (its own DeleteWorkflowExecution, as retention does it) and PostgreSQL.
 */
describe('a closed history Temporal deleted before it was archived is named by the verifier', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, auditor: Session;

  beforeAll(async () => {
    // The archiver looks once at start, then hourly: between passes, it is away.
    stack = await startStack();
    [clerk, reviewer, auditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const withdrawn = async (): Promise<{ id: string; workflowId: string; runId: string }> => {
    const id = await submit(clerk, 'GK_DONVI');
    const { workflowId } = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    expect((await clerk.post(`/nominations/${id}/withdraw`, { reason: 'Đơn vị rút hồ sơ để hoàn thiện thêm.' })).status).toBe(200);
    await waitForStatus(clerk, id, 'WITHDRAWN');
    const handle = stack.temporal.workflow.getHandle(workflowId);
    await eventually(async () => (await handle.describe()).status.name === 'COMPLETED');
    return { id, workflowId, runId: (await handle.describe()).runId };
  };

  it('names the nomination whose history was never archived, and not the one that was', async () => {
    const kept = await withdrawn();
    const lost = await withdrawn();

    // Temporal deletes the one, history and visibility alike, while the archiver is away.
    await stack.temporal.workflowService.deleteWorkflowExecution({ namespace: stack.config.temporalNamespace, workflowExecution: { workflowId: lost.workflowId, runId: lost.runId } });
    await eventually(async () => stack.temporal.workflow.getHandle(lost.workflowId, lost.runId).describe().then(() => false, (err) => /not found/i.test(String(err))), 90_000);
    await eventually(async () => {
      for await (const _ of stack.temporal.workflow.list({ query: `WorkflowId = '${lost.workflowId}'` })) return false;
      return true;
    }, 90_000);

    // The archiver comes back: it takes what Temporal still holds, and cannot see the other.
    const pass = await stack.archiver.runOnce();
    expect(pass.lost).toBe(0);
    const archived = (workflowId: string) => stack.ds.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = 'HistoryArchived'`, [`history:${workflowId}`]);
    expect(await archived(kept.workflowId)).toHaveLength(1);
    expect(await archived(lost.workflowId)).toHaveLength(0);
    // Nothing to find yet: both closed moments ago, after the archiver's first look.
    expect((await auditor.get('/audit/verify')).body).toMatchObject({ ok: true });

    // Days later (the records' closing moved back, as time would have passed), the verifier names the lost one only;
    // the archived one closed earlier still, so it would come first if it were taken for lost.
    await stack.ds.query(`UPDATE nomination SET updated_at = now() - interval '3 days' WHERE id = $1`, [kept.id]);
    await stack.ds.query(`UPDATE nomination SET updated_at = now() - interval '2 days' WHERE id = $1`, [lost.id]);
    const verified = await auditor.get('/audit/verify');
    expect(verified.body).toMatchObject({ ok: false, archive: { firstProblem: { workflowId: lost.workflowId, runId: lost.runId, problem: 'ARCHIVE_NEVER_TAKEN' } } });
  });
});
