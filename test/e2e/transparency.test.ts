import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chainHash, GENESIS, rowContent } from '@vinhdanh/persistence';
import { verifyConsistency } from '@vinhdanh/persistence/audit/merkle';
import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, submit, waitForStatus, waitForStep } from '../support/nominations';

const run = promisify(execFile);
const SCRIPT = path.join(__dirname, '../../scripts/verify-log.js');

/**
 * The audit log as a transparency log (RFC 9162): signed checkpoints anyone may keep, proofs that
 * each one extends the last and that a decision is in the log, all checked offline by a script that
 * needs nothing but the files — and a rewrite by someone holding the database, every hash after it
 * recomputed with the product's own chain code, found against a checkpoint published before it.
 */
describe('the audit log as a transparency log', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session, auditor: Session;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-log-'));
  let keyFile: string;

  beforeAll(async () => {
    stack = await startStack({ SIGN_AT_ISSUE: 'true' });
    [clerk, reviewer, head, auditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    await stack?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Saves what a witness or an auditor keeps, and runs the offline verifier on it. */
  const save = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
    return file;
  };
  const offline = (...args: string[]) => run(process.execPath, [SCRIPT, ...args]).then(({ stdout }) => ({ code: 0, out: stdout }), (err) => ({ code: err.code as number, out: `${err.stdout}${err.stderr}` }));
  const publicGet = async (url: string) => {
    const res = await fetch(`${stack.baseUrl}${url}`);
    return { status: res.status, body: (await res.json()) as any };
  };
  /** Every entry of the log, as an integrator copies it from the change feed. */
  const feed = async () => {
    const items: any[] = [];
    for (let after = 0; ; ) {
      const page = (await auditor.get(`/feed/changes?after=${after}&limit=500`)).body;
      items.push(...page.items);
      after = page.next;
      if (!page.more) return items;
    }
  };
  const awarded = async () => {
    const id = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStep(head, id, 'AWAITING_DECISION', 'UNIT');
    const decided = await head.post(`/nominations/${id}/decide`, { action: 'CONFER' });
    expect(decided.status).toBe(200);
    await waitForStatus(clerk, id, 'AWARDED');
    return { id, decisionId: decided.body.decision.decisionId as string };
  };

  it('checkpoints are signed, public and carried by the change feed, and each only extends the one before', async () => {
    expect((await clerk.post('/audit/checkpoints')).status).toBe(403);
    expect((await publicGet('/public/checkpoints/latest')).status).toBe(404);
    await waitForStep(reviewer, await submit(clerk, 'GK_DONVI'), 'IN_REVIEW', 'UNIT');
    const first = (await auditor.post('/audit/checkpoints')).body;
    expect(first.treeSize).toBeGreaterThan(0);
    expect(first).toMatchObject({ origin: 'vinhdanh/audit-log', treeSize: expect.any(Number), rootHash: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: expect.any(String) });
    // Asked again with nothing new, the same checkpoint answers.
    expect((await auditor.post('/audit/checkpoints')).body).toEqual(first);
    const log = await publicGet('/public/checkpoints');
    expect(log.body.items[0]).toEqual(first);
    expect(await publicGet('/public/checkpoints/latest')).toEqual({ status: 200, body: first });
    keyFile = save('key.pem', log.body.key.publicKeyPem);
    expect(await offline('checkpoint', save('first.json', first), keyFile)).toMatchObject({ code: 0, out: expect.stringContaining(`checkpoint of ${first.treeSize} entries`) });

    await waitForStep(reviewer, await submit(clerk, 'GK_DONVI'), 'IN_REVIEW', 'UNIT');
    const second = (await auditor.post('/audit/checkpoints')).body;
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    const proof = await publicGet(`/public/checkpoints/consistency?from=${first.treeSize}&to=${second.treeSize}`);
    expect([proof.status, proof.body.code]).toEqual([200, undefined]);
    expect(verifyConsistency(first.treeSize, second.treeSize, Buffer.from(first.rootHash, 'hex'), Buffer.from(second.rootHash, 'hex'), proof.body.proof.map((h: string) => Buffer.from(h, 'hex')))).toBe(true);
    expect(await offline('consistency', save('consistency.json', proof.body), keyFile)).toMatchObject({ code: 0 });
    // A forged checkpoint (the root changed, the signature kept) fails offline.
    const forged = { ...proof.body, to: { ...proof.body.to, note: proof.body.to.note.replace(/\n[A-Za-z0-9+/]{43}=\n/, `\n${Buffer.alloc(32, 7).toString('base64')}\n`), rootHash: Buffer.alloc(32, 7).toString('hex') } };
    expect(await offline('consistency', save('forged.json', forged), keyFile)).toMatchObject({ code: 1, out: expect.stringContaining('signature does not verify') });
    expect((await publicGet('/public/checkpoints/consistency?from=0&to=3')).status).toBe(400);

    // The change feed carries each checkpoint to everyone who copies the log.
    const entries = await feed();
    expect(entries.filter((e) => e.type === 'CheckpointIssued').map((e) => e.payload.treeSize)).toEqual([first.treeSize, second.treeSize]);
    expect(await offline('entries', save('entries.json', entries), save('second.json', second), keyFile)).toMatchObject({ code: 0 });
  });

  it('every decision has an inclusion proof beside its signed PDF, which verifies offline with the PDF', async () => {
    const { decisionId } = await awarded();
    await eventually(async () => (await stack.ds.query(`SELECT 1 FROM decision_document WHERE decision_id = $1`, [decisionId])).length === 1);
    const proof = await publicGet(`/decisions/${decisionId}/inclusion-proof`);
    expect(proof.status).toBe(200);
    expect(proof.body.entry).toMatchObject({ event_type: 'DecisionDocumentSigned', stream: `decision:${decisionId}` });
    expect(proof.body.checkpoint.treeSize).toBeGreaterThanOrEqual(Number(proof.body.entry.global_seq));
    const pdf = Buffer.from(await (await fetch(`${stack.baseUrl}/decisions/${decisionId}/document.pdf`)).arrayBuffer());
    const proofFile = save('inclusion.json', proof.body);
    expect(await offline('inclusion', proofFile, keyFile, save('decision.pdf', pdf))).toMatchObject({ code: 0, out: expect.stringContaining('the PDF is the one it recorded') });
    const altered = Buffer.from(pdf);
    altered[altered.length - 10] ^= 1;
    expect(await offline('inclusion', proofFile, keyFile, save('altered.pdf', altered))).toMatchObject({ code: 1 });
    const movedEntry = { ...proof.body, entry: { ...proof.body.entry, payload: { ...proof.body.entry.payload, signer: 'Kẻ giả mạo' } } };
    expect(await offline('inclusion', save('moved.json', movedEntry), keyFile)).toMatchObject({ code: 1, out: expect.stringContaining('is not in the tree') });
  });

  it('a rewrite of one entry, every hash after it recomputed, is found against the checkpoint published before it: online and offline', async () => {
    const { id } = await awarded();
    const published = (await auditor.post('/audit/checkpoints')).body;
    const witnessCopy = save('published.json', published);
    await submit(clerk, 'GK_DONVI');

    // Someone holding the database changes who approved, and recomputes every hash after it with the product's own chain code.
    await stack.ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      // Holding the head as the product does while appending: no entry slips in mid-rewrite.
      await tx.query(`SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE`);
      const [target] = await tx.query(`SELECT global_seq FROM audit_log WHERE stream = $1 AND event_type = 'ReviewApproved'`, [`nomination:${id}`]);
      await tx.query(`UPDATE audit_log SET actor_id = 'thamdinh.so-yte' WHERE global_seq = $1`, [target.global_seq]);
      const rows = await tx.query(`SELECT * FROM audit_log ORDER BY global_seq`);
      let global = GENESIS;
      const streams = new Map<string, string>();
      for (const r of rows) {
        const content = rowContent({ stream: r.stream, streamSeq: r.stream_seq, globalSeq: Number(r.global_seq), eventType: r.event_type, actorId: r.actor_id, actorRole: r.actor_role, rule: r.rule, occurredAt: r.occurred_at, payload: r.payload });
        const prevStream = streams.get(r.stream) ?? GENESIS;
        const streamHash = chainHash(prevStream, content);
        const globalHash = chainHash(global, content);
        await tx.query(`UPDATE audit_log SET prev_stream_hash = $2, stream_hash = $3, prev_global_hash = $4, global_hash = $5 WHERE global_seq = $1`, [r.global_seq, prevStream, streamHash, global, globalHash]);
        streams.set(r.stream, streamHash);
        global = globalHash;
      }
      await tx.query(`UPDATE audit_head SET global_hash = $1 WHERE id = 1`, [global]);
    });

    // The chains alone are whole again…
    const report = (await auditor.get('/audit/verify')).body;
    expect(report.firstBroken).toBeUndefined();
    // …but not the tree the checkpoint signed.
    expect(report).toMatchObject({ ok: false, checkpoints: { firstMismatch: { treeSize: expect.any(Number), expected: expect.any(String) } } });
    expect(report.checkpoints.firstMismatch.treeSize).toBeLessThanOrEqual(published.treeSize);

    // Offline, a witness's copy of the checkpoint and the log as the feed now serves it.
    expect(await offline('entries', save('rewritten.json', await feed()), witnessCopy, keyFile)).toMatchObject({ code: 1, out: expect.stringContaining('the log was rewritten') });
    // Removing the checkpoints from the database blinds the online check, not the witness.
    await stack.ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`DELETE FROM audit_checkpoint`);
    });
    expect(await offline('entries', save('rewritten-again.json', await feed()), witnessCopy, keyFile)).toMatchObject({ code: 1 });
  });
});
