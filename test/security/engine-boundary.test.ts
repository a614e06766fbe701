import { randomBytes } from 'node:crypto';
import { Client, WorkflowFailedError } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { CODEC_ENCODING, vinhDanhDataConverter } from '@vinhdanh/platform';
import { startStack, eventually, type Session, type Stack } from '../support/stack';
import { dossier, submit, waitForStatus, waitForStep, person } from '../support/nominations';
import { nameKey, normalizeName } from '@vinhdanh/domain/common/identity';
import { keyedIdFrom, sha256, uuidFromKey } from '../../apps/api/src/nominees/nominee-identity';

/**
 * An attacker who reaches the Temporal frontend (the CLI, the Web UI's API) or reads Temporal's
 * history, attacking through the real server and worker. Every attack must fail and change nothing.
 */
describe('trust at the engine boundary', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, auditor: Session, scopedAuditor: Session;
  /** A client without the product's codec: what anyone who reaches port 7233 has. */
  let attacker: Client;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, auditor, scopedAuditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thanhtra', 'thanhtra.tinh'].map((u) => stack.login(u)));
    attacker = new Client({ connection: stack.temporal.connection, namespace: stack.config.temporalNamespace });
  });
  afterAll(() => stack?.close());

  const forgedActor = { userId: 'ke-gia-mao', fullName: 'Kẻ giả mạo', unitId: 'so-gddt', roles: ['REVIEWER', 'DECISION_MAKER'] };
  const accepted = async (workflowId: string) => (await stack.temporal.workflow.getHandle(workflowId).fetchHistory()).events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;

  it('a forged Update sent straight to Temporal is refused and changes nothing (plaintext, or another key)', async () => {
    const id = await submit(clerk, 'GK_DONVI');
    const n = await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const before = await accepted(n.workflowId);
    const wrongKey = new Client({ connection: stack.temporal.connection, namespace: stack.config.temporalNamespace, dataConverter: vinhDanhDataConverter([{ id: 'test1', key: randomBytes(32) }], 'throw') });
    for (const client of [attacker, wrongKey]) {
      await expect(client.workflow.getHandle(n.workflowId).executeUpdate('review', { args: [{ actor: forgedActor, action: 'APPROVE', justification: 'giả mạo' }] })).rejects.toThrow();
      await expect(client.workflow.getHandle(n.workflowId).executeUpdate('decide', { args: [{ actor: forgedActor, action: 'CONFER' }] })).rejects.toThrow();
    }
    expect(await accepted(n.workflowId)).toBe(before);
    const after = (await reviewer.get(`/nominations/${id}`)).body;
    expect({ status: after.status, lastSeq: after.lastSeq }).toEqual({ status: 'IN_REVIEW', lastSeq: n.lastSeq });
    // The product's own, authenticated Update still works.
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
  });

  it('a forged councilResult signal is recorded as ignored; the nomination keeps waiting for its council', async () => {
    const id = await submit(clerk, 'CSTDCS');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu' })).status).toBe(200);
    const n = await waitForStatus(reviewer, id, 'AWAITING_COUNCIL');
    await attacker.workflow.getHandle(n.workflowId).signal('councilResult', { sessionId: 'x', councilId: 'hd-so-gddt', result: 'PASSED', reasonVi: 'giả', reasonEn: 'forged', ruleKey: 'UNIT_DEFAULT', tallyRef: 'x' });
    const after = await eventually(async () => {
      const r = (await reviewer.get(`/nominations/${id}`)).body;
      return r.steps.some((s: { type: string }) => s.type === 'UnauthenticatedMessageIgnored') ? r : undefined;
    });
    expect(after.status).toBe('AWAITING_COUNCIL');
    expect(after.steps.find((s: { type: string }) => s.type === 'UnauthenticatedMessageIgnored').reason).toBe('councilResult: PLAINTEXT');
    expect(after.steps.some((s: { type: string }) => s.type === 'CouncilResultReceived')).toBe(false);

    // A signal with no payload never passes through the codec: it must be ignored too, not crash
    // the handler (a failed workflow task retries for ever and the nomination stops).
    await attacker.workflow.getHandle(n.workflowId).signal('councilResult');
    const ignored = await eventually(async () => {
      const r = (await reviewer.get(`/nominations/${id}`)).body;
      return r.steps.some((s: { reason: string | null }) => s.reason === 'councilResult: MALFORMED') ? r : undefined;
    });
    expect(ignored.status).toBe('AWAITING_COUNCIL');
    const history = await stack.temporal.workflow.getHandle(n.workflowId).fetchHistory();
    expect(history.events!.filter((e) => e.workflowTaskFailedEventAttributes)).toEqual([]);
  });

  it('a payload captured from one workflow’s history is refused by another, and by the same one later', async () => {
    const [a, b] = await Promise.all([submit(clerk, 'GK_DONVI'), submit(clerk, 'GK_DONVI')]);
    const [na, nb] = await Promise.all([waitForStep(reviewer, a, 'IN_REVIEW', 'UNIT'), waitForStep(reviewer, b, 'IN_REVIEW', 'UNIT')]);
    expect((await reviewer.post(`/nominations/${a}/review`, { action: 'REQUEST_SUPPLEMENTS', items: ['Biên bản họp'] })).status).toBe(200);
    // The API answers once the review is in the read model; the workflow task that records the
    // Update in the history completes a moment later.
    const acceptedEvent = await eventually(async () => (await attacker.workflow.getHandle(na.workflowId).fetchHistory()).events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes));
    const captured = acceptedEvent.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.input!.args!.payloads![0] as Payload;
    expect(Buffer.from(captured.metadata!.encoding!).toString()).toBe(CODEC_ENCODING);
    // A client that sends the captured bytes as they are.
    const replayer = new Client({ connection: stack.temporal.connection, namespace: stack.config.temporalNamespace, dataConverter: { payloadCodecs: [{ encode: async () => [captured], decode: async (p) => p }] } });
    await expect(replayer.workflow.getHandle(nb.workflowId).executeUpdate('review', { args: [{}] })).rejects.toThrow();
    expect(await accepted(nb.workflowId)).toBe(0);
    // Back in the same workflow, once the clerk has resubmitted: the nonce was used.
    expect((await clerk.post(`/nominations/${a}/resubmit`, { note: 'Đã bổ sung', documents: [] })).status).toBe(200);
    await waitForStep(reviewer, a, 'IN_REVIEW', 'UNIT');
    // The review's and the resubmission's Updates, both recorded in the history.
    const seen = await eventually(async () => {
      const n = await accepted(na.workflowId);
      return n >= 2 ? n : undefined;
    });
    await expect(replayer.workflow.getHandle(na.workflowId).executeUpdate('review', { args: [{}] })).rejects.toThrow();
    expect(await accepted(na.workflowId)).toBe(seen);
    expect((await reviewer.get(`/nominations/${a}`)).body.status).toBe('IN_REVIEW');
  });

  it('a workflow started straight on Temporal fails before any effect', async () => {
    const forged = { ...dossier('GK_DONVI'), nominationId: '11111111-1111-4111-8111-111111111111', route: [{ level: 'UNIT', reviewUnitId: 'so-gddt', decisionUnitId: 'so-gddt' }], submittedBy: forgedActor };
    const workflowId = `nomination-forged-${Date.now()}`;
    await attacker.workflow.start('nominationWorkflow', { taskQueue: stack.config.taskQueue, workflowId, args: [forged] });
    // Read with the product's key: the failure itself is encrypted too.
    const failure = await stack.temporal.workflow.getHandle(workflowId).result().catch((e) => e);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: 'UNAUTHENTICATED_START' });
    expect((await stack.ds.query(`SELECT count(*)::int AS n FROM nomination WHERE id=$1`, [forged.nominationId]))[0].n).toBe(0);
  });

  /** A nomination rejected at the unit, its run closed: its id is free for a new run at the frontend. */
  const rejectedAndClosed = async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Chưa đủ thành tích' })).status).toBe(200);
    await waitForStatus(reviewer, id, 'REJECTED');
    const workflowId = `nomination-${id}`;
    // Rejected in the read model; the run itself closes when the workflow task that recorded it completes.
    await eventually(async () => (await attacker.workflow.getHandle(workflowId).describe()).status.name !== 'RUNNING');
    return { id, workflowId };
  };

  it('a run started under a finished nomination’s id does not replace it for auditors', async () => {
    const { id, workflowId } = await rejectedAndClosed();
    // The id is free again once the run has closed: a new, forged run takes it (and fails at once).
    const forged = await attacker.workflow.start('nominationWorkflow', { taskQueue: stack.config.taskQueue, workflowId, args: [{ ...dossier('GK_DONVI'), nominationId: id, submittedBy: forgedActor }] });
    await expect(forged.result()).rejects.toThrow();
    const latest = await attacker.workflow.getHandle(workflowId).describe();
    expect(latest.runId).toBe(forged.firstExecutionRunId);
    // The auditor still reads the real run: its timeline, its history and a replay that agrees.
    const timeline = (await auditor.get(`/audit/nominations/${id}/timeline`)).body;
    expect(timeline.entries.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['NominationSubmitted', 'NominationRejected']));
    const replay = (await auditor.post(`/audit/nominations/${id}/replay`)).body;
    expect(replay).toMatchObject({ deterministic: true, readModelAgrees: true, auditLogAgrees: true, unauthenticatedHistoryEvents: [] });
  });

  it('a captured, authentic start input replayed after the nomination closed starts a run that projects nothing and fails at once; junk signals change nothing', async () => {
    const { id, workflowId } = await rejectedAndClosed();
    const recorded = (await stack.ds.query(`SELECT run_id, status, last_seq FROM nomination WHERE id = $1`, [id]))[0];
    const events = async () => (await stack.ds.query(`SELECT count(*)::int AS n FROM nomination_event WHERE nomination_id = $1`, [id]))[0].n;
    const before = await events();
    // The start input exactly as the product encrypted it, bound to this workflow id: it authenticates.
    const started = (await attacker.workflow.getHandle(workflowId).fetchHistory()).events![0].workflowExecutionStartedEventAttributes!;
    const replayStart = async () =>
      (await attacker.workflowService.startWorkflowExecution({
        namespace: stack.config.temporalNamespace, workflowId, requestId: randomBytes(16).toString('hex'),
        workflowType: { name: 'nominationWorkflow' }, taskQueue: { name: stack.config.taskQueue }, input: started.input,
      })).runId;
    const unchanged = async () => {
      expect((await stack.ds.query(`SELECT run_id, status, last_seq FROM nomination WHERE id = $1`, [id]))[0]).toEqual(recorded);
      expect(await events()).toBe(before);
      expect((await clerk.get(`/nominations/${id}`)).body.status).toBe('REJECTED');
    };

    // Alone, the replayed run fails at its first event: it is not the run the record names.
    const replayed = await replayStart();
    const failure = await stack.temporal.workflow.getHandle(workflowId, replayed).result().catch((e) => e);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const reasons: string[] = [];
    for (let e: any = failure; e; e = e.cause) reasons.push(`${e.type ?? ''} ${e.message}`);
    expect(reasons.join(' | ')).toContain('is not the run recorded for nomination');
    await unchanged();

    // With junk signals racing it, it gets no further: every workflow task that would project fails.
    const junk = await replayStart();
    for (let i = 0; i < 3; i++) {
      await attacker.workflowService.signalWorkflowExecution({ namespace: stack.config.temporalNamespace, workflowExecution: { workflowId, runId: junk }, signalName: 'councilResult', input: { payloads: [{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{}') }] } });
    }
    await eventually(async () => (await attacker.workflow.getHandle(workflowId, junk).fetchHistory()).events!.some((e) => e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes || e.workflowExecutionFailedEventAttributes), 30_000);
    await unchanged();
    await attacker.workflow.getHandle(workflowId, junk).terminate('test: end the replayed run').catch(() => undefined);
  });

  it('terminate, cancel and reset at the frontend, and a foreign run, are each named: to the auditor by /audit/verify, to the clerk on the dossier', async () => {
    const running = async () => {
      const id = await submit(clerk, 'GK_DONVI');
      await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
      return { id, workflowId: `nomination-${id}`, runId: (await stack.temporal.workflow.getHandle(`nomination-${id}`).describe()).runId };
    };
    const [terminated, cancelled, reset] = await Promise.all([running(), running(), running()]);
    await attacker.workflow.getHandle(terminated.workflowId).terminate('đóng hồ sơ hộ');
    await attacker.workflow.getHandle(cancelled.workflowId).cancel();
    const completed = (await attacker.workflow.getHandle(reset.workflowId).fetchHistory()).events!.find((e) => e.workflowTaskCompletedEventAttributes)!;
    const { runId: resetRun } = await attacker.workflowService.resetWorkflowExecution({
      namespace: stack.config.temporalNamespace, workflowExecution: { workflowId: reset.workflowId, runId: reset.runId }, reason: 'replay the approval', workflowTaskFinishEventId: completed.eventId, requestId: randomBytes(16).toString('hex'),
    });
    // The cancelled workflow is asked to stop; it closes once it honours that (or is named when it does).
    const finding = (f: any[], workflowId: string, runId: string) => f.find((x) => x.workflowId === workflowId && x.runId === runId)?.finding;
    const found = await eventually(async () => {
      await stack.archiver.runOnce();
      const { findings } = (await auditor.get('/audit/verify')).body.engine;
      const named = [finding(findings, terminated.workflowId, terminated.runId), finding(findings, reset.workflowId, reset.runId), finding(findings, reset.workflowId, resetRun)];
      return named.every(Boolean) ? { named, findings } : undefined;
    }, 60_000);
    expect(found.named).toEqual(['ENGINE_TERMINATED', 'ENGINE_RESET', 'FOREIGN_RUN']);
    const cancelledRun = await attacker.workflow.getHandle(cancelled.workflowId, cancelled.runId).describe();
    if (cancelledRun.status.name !== 'RUNNING') expect(finding(found.findings, cancelled.workflowId, cancelled.runId)).toMatch(/^ENGINE_(CANCELED|FAILED)$/);

    // The clerk and the reviewer see why the dossier stopped, instead of a task that waits forever.
    const seen = (await clerk.get(`/nominations/${terminated.id}`)).body;
    expect(seen.engineInterruption).toMatchObject({ finding: 'ENGINE_TERMINATED', messageVi: expect.stringContaining('chấm dứt'), messageEn: expect.stringContaining('terminated') });
    expect((await reviewer.get(`/nominations/${reset.id}`)).body.engineInterruption).toMatchObject({ finding: 'ENGINE_RESET' });
    // An untouched nomination says nothing of the kind.
    expect((await clerk.get(`/nominations/${await submit(clerk, 'GK_DONVI')}`)).body.engineInterruption).toBeNull();
    // Each finding is on the audit chain, on the workflow's history stream.
    const entries = await stack.ds.query(`SELECT payload FROM audit_log WHERE stream = $1 AND event_type = 'EngineInterrupted'`, [`history:${terminated.workflowId}`]);
    expect(entries.map((e: any) => e.payload)).toEqual([expect.objectContaining({ runId: terminated.runId, finding: 'ENGINE_TERMINATED', detail: 'đóng hồ sơ hộ' })]);
  });

  it('history read without the key shows ciphertext only: no name, no reason, no actor', async () => {
    const name = `Bí Mật ${Date.now()}`;
    const id = await submit(clerk, 'GK_DONVI', { nominee: person(name) });
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REJECT', reason: 'Lý do riêng tư' })).status).toBe(200);
    await waitForStatus(reviewer, id, 'REJECTED');
    // The whole history: the run closes when the workflow task that recorded the rejection completes.
    await eventually(async () => (await attacker.workflow.getHandle(`nomination-${id}`).describe()).status.name !== 'RUNNING');
    const history = await attacker.workflow.getHandle(`nomination-${id}`).fetchHistory();
    const text = historyToJSON(history);
    for (const secret of [name, 'Lý do riêng tư', 'thamdinh.so-gddt', Buffer.from(name).toString('base64')]) expect(text).not.toContain(secret);
    const payloads = historyPayloads(JSON.parse(text));
    expect(payloads.length).toBeGreaterThan(10);
    const plain = payloads.filter((p) => p.encoding !== CODEC_ENCODING);
    // What is not ciphertext is the SDK's own bookkeeping on its markers: a patch's id, or a local
    // activity's type, sequence, attempt and times. Nothing of the dossier, the reason or the actor.
    expect(plain.length).toBeGreaterThan(0);
    for (const p of plain) {
      expect({ encoding: p.encoding, field: p.field }).toEqual({ encoding: 'json/plain', field: expect.stringMatching(/^(patch-data|data)$/) });
      const value = JSON.parse(p.data) as Record<string, unknown>;
      if (p.field === 'patch-data') expect(Object.keys(value).sort()).toEqual(['deprecated', 'id']);
      else {
        expect(Object.keys(value).every((k) => ['seq', 'attempt', 'activity_id', 'activity_type', 'complete_time', 'backoff', 'original_schedule_time'].includes(k))).toBe(true);
        expect(['recordEvent', 'appraise', 'issueDecision']).toContain(value.activity_type);
      }
    }
    // The local activities' results — the events themselves — are ciphertext like every other payload.
    expect(payloads.filter((p) => p.field === 'result').length).toBeGreaterThan(3);
    expect(new Set(payloads.filter((p) => p.field === 'result').map((p) => p.encoding))).toEqual(new Set([CODEC_ENCODING]));
  });

  it('no workflow id can be taken ahead at the frontend: a future dossier or registration opens as usual, and a taken id is never told as a duplicate', async () => {
    // The ids anyone could compute before: from unit, name, award and year.
    const name = `Tổ Sinh học ${Date.now()}`;
    const dossierKey = sha256([['so-gddt', 'COLLECTIVE', nameKey(normalizeName(name)), ''].join('|'), 'TTLDXS', 2041].join('|'));
    const squat = (workflowId: string) => attacker.workflow.start('nominationWorkflow', { taskQueue: stack.config.taskQueue, workflowId, args: [{ junk: true }] });
    await squat(`nomination-${uuidFromKey(dossierKey)}`);
    await squat('registration-so-gddt-2041');
    const filed = await clerk.post('/nominations', dossier('TTLDXS', { year: 2041, achievementPeriod: { from: '2041-01-01', to: '2041-12-31' }, nominee: { kind: 'COLLECTIVE', name } }));
    expect({ status: filed.status, duplicate: filed.body.duplicate }).toEqual({ status: 201, duplicate: false });
    expect((await clerk.get(`/nominations/${filed.body.id}`)).body.status).toBe('IN_REVIEW');
    const opened = await clerk.post('/registrations', { year: 2041 });
    expect({ status: opened.status, year: opened.body.year, state: opened.body.status }).toEqual({ status: 201, year: 2041, state: 'OPEN' });
    // Someone holding the key takes the id of a dossier not yet filed: the clerk is told it is being
    // sent and to try again, never that it is a duplicate of a nomination nobody can read.
    const other = `Tổ Hóa học ${Date.now()}`;
    const keyed = keyedIdFrom(stack.config.identityKey)(sha256([['so-gddt', 'COLLECTIVE', nameKey(normalizeName(other)), ''].join('|'), 'TTLDXS', 2041].join('|')));
    await squat(`nomination-${keyed}`);
    const refused = await clerk.post('/nominations', dossier('TTLDXS', { year: 2041, achievementPeriod: { from: '2041-01-01', to: '2041-12-31' }, nominee: { kind: 'COLLECTIVE', name: other } }));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'SUBMISSION_IN_PROGRESS' });
    expect(refused.body.messageVi).toContain('đang được gửi');
  });

  it('the codec endpoint decodes for auditors within their scope only, and cannot encode', async () => {
    const name = `Nguyễn Giải Mã ${Date.now()}`;
    const id = await submit(clerk, 'GK_DONVI', { nominee: person(name) });
    await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    const history = await attacker.workflow.getHandle(`nomination-${id}`).fetchHistory();
    const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    const json = { metadata: Object.fromEntries(Object.entries(input.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(input.data!).toString('base64') };
    const decode = (who: Session | undefined, payloads = [json]) =>
      fetch(`${stack.baseUrl}/codec/decode`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...(who ? { authorization: `Bearer ${who.token}` } : {}) }, body: JSON.stringify({ payloads }) });
    const opened = (body: unknown) => Buffer.from((body as { payloads: { data: string }[] }).payloads[0].data, 'base64').toString('utf8');

    expect((await decode(undefined)).status).toBe(401);
    expect((await decode(clerk)).status).toBe(403);
    expect(opened(await (await decode(auditor)).json())).toContain(name);
    expect(opened(await (await decode(scopedAuditor)).json())).toContain(name); // so-gddt is within the province
    // Out of scope (a workflow the provincial auditor does not oversee): handed back encrypted.
    const foreign = { ...json, metadata: { ...json.metadata, 'vinhdanh-binding': Buffer.from('default/council-session-00000000-0000-4000-8000-000000000000').toString('base64') } };
    const back = (await (await decode(scopedAuditor, [foreign])).json()) as { payloads: unknown[] };
    expect(back.payloads[0]).toEqual(foreign);
    // A payload not in Temporal's form is refused with a reason, not echoed back.
    for (const malformed of [{ metadata: false, data: 'AA==' }, { metadata: ['x'] }, { metadata: { encoding: 7 } }, { data: 12 }]) {
      const refused = await decode(auditor, [json, malformed as never]);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: 'MALFORMED_PAYLOAD', field: 'body.payloads[1]', messageVi: expect.any(String), messageEn: expect.any(String) });
    }
    expect((await fetch(`${stack.baseUrl}/codec/encode`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auditor.token}` }, body: JSON.stringify({ payloads: [] }) })).status).toBe(404);
  });
});

/**
 * Every payload in a history's JSON (objects with metadata.encoding and data), with its encoding,
 * its decoded bytes and the key it sits under (a marker's `patch-data`, `data` or `result`), except
 * search attributes: the server indexes those, so they are plaintext by design (level, award, unit,
 * status and year; docs/security.md says what they reveal).
 */
function historyPayloads(node: unknown, field = ''): { encoding: string; data: string; field: string }[] {
  if (Array.isArray(node)) return node.flatMap((n) => historyPayloads(n, field));
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const meta = o.metadata as Record<string, string> | undefined;
  const own = meta && typeof meta.encoding === 'string' && 'data' in o
    ? [{ encoding: Buffer.from(meta.encoding, 'base64').toString('utf8'), data: Buffer.from(String(o.data), 'base64').toString('utf8'), field }]
    : [];
  return [...own, ...Object.entries(o).filter(([k]) => k !== 'searchAttributes').flatMap(([k, v]) => historyPayloads(v, k === 'payloads' ? field : k))];
}
