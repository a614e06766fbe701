import { tlsOptions } from '@vinhdanh/platform/temporal-tls';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@vinhdanh/persistence';
import { Client } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, submit, waitForStatus, waitForStep } from '../support/nominations';
import { rebuildProjections } from '../../apps/api/src/audit/rebuild';
import { vote } from '../support/ballots';

describe('audit', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session, provinceReviewer: Session, chairman: Session, centralReviewer: Session, pm: Session, auditor: Session, provinceAuditor: Session;
  const awarded: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, head, provinceReviewer, chairman, centralReviewer, pm, auditor, provinceAuditor] = await Promise.all(
      ['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thamdinh.so-noi-vu', 'chutich.ubnd-tinh', 'thamdinh.ban-tdkt-tw', 'thutuong', 'thanhtra', 'thanhtra.tinh'].map((u) => stack.login(u)),
    );
    const ladders: [string, Session[], Session][] = [
      ['GK_DONVI', [reviewer], head],
      ['BK_TINH', [reviewer, provinceReviewer], chairman],
      ['BK_TTG', [reviewer, provinceReviewer, centralReviewer], pm],
    ];
    await Promise.all(
      ladders.map(async ([award, reviewers, decider]) => {
        const id = await submit(clerk, award);
        for (const [i, r] of reviewers.entries()) await approveLevel(stack, r, id, ['UNIT', 'PROVINCE', 'CENTRAL'][i]);
        await waitForStep(decider, id, 'AWAITING_DECISION');
        await decider.post(`/nominations/${id}/decide`, { action: 'CONFER' });
        await waitForStatus(clerk, id, 'AWARDED');
        awarded[award] = id;
      }),
    );
  });
  afterAll(() => stack?.close());

  it.each(['GK_DONVI', 'BK_TINH', 'BK_TTG'])('reads the full story of a %s ladder in Vietnamese and English', async (award) => {
    const vi = await auditor.get(`/audit/nominations/${awarded[award]}/timeline`);
    expect(vi.status).toBe(200);
    const types = vi.body.entries.map((e: any) => e.type);
    expect(types[0]).toBe('NominationSubmitted');
    expect(types[types.length - 1]).toBe('DecisionIssued');
    expect(vi.body.entries.map((e: any) => e.seq)).toEqual(vi.body.entries.map((_: unknown, i: number) => i + 1));
    const approved = vi.body.entries.find((e: any) => e.type === 'ReviewApproved');
    expect(approved.text).toMatch(/^Thẩm định viên Sở Giáo dục và Đào tạo \(Thẩm định viên\) thẩm định đạt/);
    expect(vi.body.entries.find((e: any) => e.type === 'DecisionIssued').links.decision).toMatch(/^\/decisions\//);
    expect(vi.body.entries.find((e: any) => e.type === 'EligibilityAssessed').rule).toMatch(/^catalogue 2025\.2$/);
    const en = await auditor.get(`/audit/nominations/${awarded[award]}/timeline?lang=en`);
    expect(en.body.entries.find((e: any) => e.type === 'ReviewApproved').text).toMatch(/approved the review/);
    // Roles by the names people use, in the language asked for: never the codes.
    expect(vi.body.entries.find((e: any) => e.type === 'NominationSubmitted').text).toMatch(/\(Văn thư\)/);
    expect(en.body.entries.find((e: any) => e.type === 'NominationSubmitted').text).toMatch(/\(Clerk\)/);
    expect(JSON.stringify([vi.body.entries, en.body.entries].flat().map((e: any) => e.text))).not.toMatch(/\((CLERK|REVIEWER|DECISION_MAKER)\)/);
  });

  it('auditors are read-only and scoped; others cannot read the audit trail', async () => {
    const id = awarded.GK_DONVI;
    expect((await provinceAuditor.get(`/audit/nominations/${id}/timeline`)).status).toBe(200);
    // The raw history is Temporal's own, payloads still encrypted: it starts with the workflow's start.
    const history = await provinceAuditor.get(`/audit/nominations/${id}/history`);
    expect(history.body.events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(JSON.stringify(history.body)).not.toContain('Nguyễn');
    expect((await clerk.get(`/audit/nominations/${id}/timeline`)).status).toBe(403);
    const submitAnother = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, submitAnother, 'IN_REVIEW', 'UNIT');
    const act = await auditor.post(`/nominations/${submitAnother}/review`, { action: 'APPROVE', justification: 'x' });
    expect(act.status).toBe(403);
  });

  it('verifies the chains; the application cannot UPDATE or DELETE audit rows', async () => {
    const report = await auditor.get('/audit/verify');
    expect(report.body).toMatchObject({ ok: true });
    expect(report.body.rows).toBeGreaterThan(10);
    await expect(stack.ds.query(`UPDATE audit_log SET rule = 'forged' WHERE global_seq = 1`)).rejects.toThrow(/append-only/);
    await expect(stack.ds.query(`DELETE FROM audit_log WHERE global_seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('detects a tampered row at the right place', async () => {
    const [row] = await stack.ds.query(`SELECT global_seq, payload FROM audit_log WHERE stream = $1 AND event_type = 'ReviewApproved'`, [`nomination:${awarded.BK_TINH}`]);
    const forged = { ...row.payload, reason: 'Đã đối chiếu hồ sơ (sửa sau)' };
    const tamper = async (payload: unknown) => {
      await stack.ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
      await stack.ds.query(`UPDATE audit_log SET payload = $2 WHERE global_seq = $1`, [row.global_seq, JSON.stringify(payload)]);
      await stack.ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    };
    await tamper(forged);
    try {
      const report = await auditor.get('/audit/verify');
      expect(report.body).toMatchObject({ ok: false, firstBroken: { globalSeq: Number(row.global_seq), stream: `nomination:${awarded.BK_TINH}`, problem: 'GLOBAL_HASH' } });
    } finally {
      await tamper(row.payload);
    }
    expect((await auditor.get('/audit/verify')).body.ok).toBe(true);
  });

  it('replays a nomination against the current code and finds the read model and audit log in agreement', async () => {
    const res = await auditor.post(`/audit/nominations/${awarded.BK_TTG}/replay`);
    expect(res.body).toMatchObject({ deterministic: true, readModelAgrees: true, auditLogAgrees: true });
    expect(res.body.recordedEvents).toBeGreaterThan(10);
  });

  it('replays everything in scope, exports a period, and tells a council session’s story', async () => {
    const all = await provinceAuditor.post('/audit/replay');
    expect(all.status).toBe(200);
    expect(all.body.checked).toBeGreaterThanOrEqual(3);
    // Other suites share this database (one runs its own Temporal server): judge our nominations.
    const ours = Object.values(awarded);
    expect(all.body.failed.filter((f: any) => ours.includes(f.nominationId))).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const period = await auditor.get(`/audit/export?from=${today}&to=${today}`);
    expect(period.body.count).toBeGreaterThanOrEqual(3);
    expect(period.body.bundles[0].manifest).toHaveProperty('auditRows');
    expect((await auditor.get('/audit/export?from=hôm-nay&to=2025-12-31')).status).toBe(400);
  });

  it('tells a council session’s story: who voted, never how', async () => {
    const id = await submit(clerk, 'CSTD_TINH');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' });
    await waitForStatus(clerk, id, 'AWAITING_COUNCIL');
    const secretary = await stack.login('thuky.hoidong-tinh');
    const { body } = await secretary.post('/councils/hd-ubnd-tinh/sessions', { nominationIds: [id], deadline: new Date(Date.now() + 60_000).toISOString() });
    const voters = await Promise.all(['chutich.ubnd-tinh', 'thuky.hoidong-tinh', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `uyvien${i}.hoidong-tinh`)].map((u) => stack.login(u)));
    await Promise.all(voters.map((v, i) => vote(stack.baseUrl, v, body.sessionId, { [id]: i < 7 ? 'AGREE' : 'DISAGREE' })));
    await waitForStatus(clerk, id, 'AWAITING_DECISION');
    const t = await auditor.get(`/audit/councils/sessions/${body.sessionId}/timeline`);
    const types = t.body.entries.map((e: any) => e.type);
    expect(types[0]).toBe('SessionOpened');
    // Who took a ballot is on record (nine members); casting is anonymous and leaves no entry.
    expect(types.filter((x: string) => x === 'BallotIssued')).toHaveLength(9);
    expect(types.filter((x: string) => x === 'BallotCast')).toHaveLength(0);
    expect(types).toEqual(expect.arrayContaining(['TallyRecorded', 'SessionClosed']));
    const ballots = t.body.entries.filter((e: any) => e.type === 'BallotIssued');
    expect(JSON.stringify(ballots)).not.toMatch(/AGREE/);
    expect(t.body.entries.find((e: any) => e.type === 'TallyRecorded').payload.results[0]).toMatchObject({ result: 'PASSED', counts: { agree: 7, disagree: 2 } });
  });

  it('rebuilds the projections from Temporal histories, identical to the live ones, and catches a corrupted one', async () => {
    const filter = `WorkflowId IN (${Object.values(awarded).map((id) => `'nomination-${id}'`).join(',')})`;
    const report = await rebuildProjections(stack.ds, stack.temporal, stack.codec, { closedOnly: true, filter });
    expect(report).toMatchObject({ ok: true, workflows: 3 });
    expect(report.events).toBeGreaterThan(20);
    const [row] = await stack.ds.query(`SELECT seq, reason FROM nomination_event WHERE nomination_id=$1 AND type='ReviewApproved'`, [awarded.GK_DONVI]);
    await stack.ds.query(`UPDATE nomination_event SET reason='sửa tay' WHERE nomination_id=$1 AND seq=$2`, [awarded.GK_DONVI, row.seq]);
    try {
      const broken = await rebuildProjections(stack.ds, stack.temporal, stack.codec, { closedOnly: true, filter });
      expect(broken.ok).toBe(false);
      expect(broken.mismatches.events.join()).toContain('sửa tay');
    } finally {
      await stack.ds.query(`UPDATE nomination_event SET reason=$3 WHERE nomination_id=$1 AND seq=$2`, [awarded.GK_DONVI, row.seq, row.reason]);
    }
  });

  it('an export verifies offline, and a modified export does not', async () => {
    const res = await auditor.get(`/audit/nominations/${awarded.BK_TINH}/export`);
    const file = path.join(os.tmpdir(), `export-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(res.body));
    const script = path.join(__dirname, '..', '..', 'scripts', 'verify-export.js');
    const doc = res.body.parts.decisionDocument;
    expect(execFileSync(process.execPath, [script, file], { encoding: 'utf8' })).toMatch(new RegExp(`^verified: 6 parts, \\d+ audit rows, chain head [0-9a-f]{64}, signed decision ${doc.sha256}`));
    // The signed PDF the export carries is the file anyone downloads, and the one the chain recorded.
    const download = Buffer.from(await (await fetch(`${stack.baseUrl}/decisions/${doc.decisionId}/document.pdf`)).arrayBuffer());
    expect(Buffer.from(doc.pdfBase64, 'base64').equals(download)).toBe(true);
    expect(doc.auditRow).toMatchObject({ stream: `decision:${doc.decisionId}`, event_type: 'DecisionDocumentSigned', payload: { sha256: doc.sha256 } });
    const edited = structuredClone(res.body);
    edited.parts.auditRows[2].payload.reason = 'sửa';
    fs.writeFileSync(file, JSON.stringify(edited));
    expect(() => execFileSync(process.execPath, [script, file], { stdio: 'pipe' })).toThrow(/NOT VERIFIED/);
    // Another PDF slipped in, with the manifest recomputed to match: the chain's hash still tells.
    const swapped = structuredClone(res.body);
    swapped.parts.decisionDocument.pdfBase64 = Buffer.concat([download, Buffer.from('\n%%')]).toString('base64');
    swapped.manifest.decisionDocument = createHash('sha256').update(canonicalJson(swapped.parts.decisionDocument)).digest('hex');
    fs.writeFileSync(file, JSON.stringify(swapped));
    expect(() => execFileSync(process.execPath, [script, file], { stdio: 'pipe' })).toThrow(/decision document: the file does not match its SHA-256/);
    fs.rmSync(file);
  });

  it('a deliberate non-deterministic change fails replay of a recorded history', async () => {
    const connection = await NativeConnection.connect({ address: stack.config.temporalAddress, tls: tlsOptions(stack.config.temporalTls) });
    const taskQueue = `replay-fixture-${process.pid}`;
    const worker = await Worker.create({ connection, taskQueue, workflowsPath: require.resolve('../fixtures/replay-workflow'), activities: { first: async () => 'a', second: async () => 'b' } });
    // A fixture outside the product: a plain client, without the product's codec.
    const plain = new Client({ connection: stack.temporal.connection, namespace: stack.config.temporalNamespace });
    const history = await worker.runUntil(async () => {
      const handle = await plain.workflow.start('replayFixture', { taskQueue, workflowId: `replay-fixture-${Date.now()}` });
      expect(await handle.result()).toBe('a-b');
      return handle.fetchHistory();
    });
    await connection.close();
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../fixtures/replay-workflow') }, history)).resolves.toBeUndefined();
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../fixtures/replay-workflow-changed') }, history)).rejects.toThrow(/[Nn]ondetermin/);
  });
});
