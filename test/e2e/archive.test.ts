import { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { approveLevel, submit, waitForStatus, waitForStep } from '../support/nominations';
import { sha256Hex } from '@vinhdanh/persistence/archive/history-archive';

/**
 * The archive is the long-term record (docs/audit.md): once a closed workflow's history is archived,
 * Temporal may delete it — as the namespace's retention does — and every answer an auditor gets
 * stays the same. Deletion here is Temporal's own DeleteWorkflowExecution, on the real server.
 */
describe('closed histories outlive Temporal’s retention', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session, auditor: Session;

  beforeAll(async () => {
    stack = await startStack({ ARCHIVE_INTERVAL: '1s' });
    [clerk, reviewer, head, auditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(() => stack?.close());

  const namespace = () => stack.config.temporalNamespace;

  async function awardedGiayKhen(): Promise<{ id: string; workflowId: string; runId: string }> {
    const id = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT');
    expect((await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).status).toBe(200);
    await waitForStatus(clerk, id, 'AWARDED');
    const handle = stack.temporal.workflow.getHandle(`nomination-${id}`);
    await eventually(async () => (await handle.describe()).status.name === 'COMPLETED');
    const { runId } = await handle.describe();
    return { id, workflowId: `nomination-${id}`, runId };
  }

  const archivedRow = (runId: string) => stack.ds.query(`SELECT * FROM workflow_archive WHERE run_id = $1`, [runId]).then((rows: any[]) => rows[0]);

  /** Temporal's own deletion, as retention does it; the dev server takes about 30 s to carry it out. */
  async function deleteFromTemporal(workflowId: string, runId: string): Promise<void> {
    await stack.temporal.workflowService.deleteWorkflowExecution({ namespace: namespace(), workflowExecution: { workflowId, runId } });
    await eventually(async () => stack.temporal.workflow.getHandle(workflowId, runId).describe().then(() => false, (err) => /not found/i.test(String(err))), 90_000);
  }

  /** What an auditor reads of one nomination, less what differs by the moment it is read. */
  async function auditorsView(id: string) {
    const [timeline, history, exported, replay] = await Promise.all([
      auditor.get(`/audit/nominations/${id}/timeline`),
      auditor.get(`/audit/nominations/${id}/history`),
      auditor.get(`/audit/nominations/${id}/export`),
      auditor.post(`/audit/nominations/${id}/replay`),
    ]);
    for (const res of [timeline, history, exported, replay]) expect(res.status).toBe(200);
    return { timeline: timeline.body, history: history.body, manifest: exported.body.manifest, parts: exported.body.parts, replay: replay.body };
  }

  it('a closed nomination is archived byte for byte with its hash in the audit chain, and every audit answer is unchanged once Temporal has deleted it', async () => {
    const { id, workflowId, runId } = await awardedGiayKhen();
    const row = await eventually(() => archivedRow(runId));
    expect(row).toMatchObject({ workflow_id: workflowId, workflow_type: 'nominationWorkflow', status: 'COMPLETED', store: 'pg' });

    const held = await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
    // Exactly what Temporal holds, payloads still ciphertext: the same events and bytes (a protobuf map's entries may come in another order).
    expect(JSON.parse(historyToJSON(temporal.api.history.v1.History.decode(row.history)))).toEqual(JSON.parse(historyToJSON(held)));
    expect(row.event_count).toBe(held.events!.length);
    expect(row.history.includes(Buffer.from('Hoàn thành xuất sắc'))).toBe(false);
    const [entry] = await stack.ds.query(`SELECT * FROM audit_log WHERE stream = $1 AND event_type = 'HistoryArchived'`, [`history:${workflowId}`]);
    expect(entry.payload).toMatchObject({ runId, sha256: sha256Hex(row.history), events: held.events!.length, status: 'COMPLETED' });

    const before = await auditorsView(id);
    expect(before.replay).toMatchObject({ deterministic: true, readModelAgrees: true, auditLogAgrees: true });
    expect(before.timeline.entries.map((e: any) => e.type)).toEqual(expect.arrayContaining(['NominationSubmitted', 'ReviewApproved', 'DecisionIssued']));

    await deleteFromTemporal(workflowId, runId);
    const after = await auditorsView(id);
    expect(after).toEqual(before);
    const all = await auditor.post('/audit/replay');
    expect(all.body).toMatchObject({ ok: true, failed: [] });
    const verified = await auditor.get('/audit/verify');
    expect(verified.body).toMatchObject({ ok: true, archive: { runs: expect.any(Number) } });
    expect(verified.body.archive.runs).toBeGreaterThanOrEqual(1);
  });

  it('a history rewritten in the archive, hash column and all, is refused to the auditor and named by the verifier', async () => {
    const { id, workflowId, runId } = await awardedGiayKhen();
    const row = await eventually(() => archivedRow(runId));
    expect((await auditor.get(`/audit/nominations/${id}/timeline`)).status).toBe(200);
    // Once archived, the archive is what auditors read, whether or not Temporal still holds the run.
    // Someone holding the database, past the append-only trigger: one byte of the history changed, its hash recomputed.
    const forged = Buffer.from(row.history);
    forged[forged.length - 5] ^= 0x01;
    await stack.ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE workflow_archive SET history = $1, sha256 = $2 WHERE run_id = $3`, [forged, sha256Hex(forged), runId]);
    });
    const timeline = await auditor.get(`/audit/nominations/${id}/timeline`);
    expect(timeline.status).toBe(409);
    expect(timeline.body).toMatchObject({ code: 'ARCHIVE_TAMPERED', messageVi: expect.stringContaining('không khớp'), messageEn: expect.stringContaining('does not match') });
    const verified = await auditor.get('/audit/verify');
    expect(verified.body).toMatchObject({ ok: false, archive: { firstProblem: { workflowId, runId, problem: 'ARCHIVE_HASH' } } });
  });
});
