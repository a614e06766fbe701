import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@vinhdanh/persistence';
import { restoreCheck, type KeptCheckpoint } from '../../apps/api/src/audit/restore-check';
import { startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, submit, waitForStep, workflowSettled } from '../support/nominations';

/**
 * The restore drill (docs/operations.md, backup and restore): the product database is backed up with
 * pg_dump while nominations are in flight, the product goes on (a decision numbered, a review, a new
 * dossier, a checkpoint published), and the backup is restored into a fresh database. The restore
 * check must then say exactly what the restored record lacks: the entries the last published
 * checkpoint covers, the nominations that moved on, and the decision number the restored series
 * would give again — and say nothing of the kind about the live database. Real PostgreSQL tools,
 * API, worker and Temporal.
 */
describe('a database restored from a backup is checked against what was published and what the engine did since', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, unitHead: Session, auditor: Session;
  let restored: DataSource | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-restore-'));

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, unitHead, auditor] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thanhtra'].map((u) => stack.login(u)));
  });
  afterAll(async () => {
    await restored?.destroy();
    await stack?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs SQL on the server's maintenance database. */
  const onServer = async (url: string, sql: string) => {
    const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
    await admin.connect();
    try {
      return await admin.query(sql);
    } finally {
      await admin.end();
    }
  };

  /**
   * Backs the database up now and returns how to restore it into a fresh database. With pg_dump as
   * an operator runs it when the machine's client tools can read the server (CI's PostgreSQL);
   * otherwise (the embedded PostgreSQL, whose package has no client tools) with the server's own
   * file-level copy, a snapshot as a filesystem backup takes it: the database's sessions are ended
   * for the instant of the copy, as a restart would end them, and the product reconnects.
   */
  const backUp = async (url: string): Promise<() => Promise<string>> => {
    const name = new URL(url).pathname.slice(1);
    const target = Object.assign(new URL(url), { pathname: `/${name}_restored` }).toString();
    const serverMajor = Math.floor(Number((await onServer(url, 'SHOW server_version_num')).rows[0].server_version_num) / 10000);
    let dumpMajor = 0;
    try {
      dumpMajor = Number(/(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1] ?? 0);
    } catch {
      // no client tools on this machine
    }
    if (dumpMajor >= serverMajor) {
      const dump = path.join(dir, 'vinhdanh.dump');
      execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, url]);
      return async () => {
        await onServer(url, `CREATE DATABASE "${name}_restored"`);
        execFileSync('pg_restore', ['--no-owner', `--dbname=${target}`, dump]);
        return target;
      };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await onServer(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
        await onServer(url, `CREATE DATABASE "${name}_snapshot" TEMPLATE "${name}"`);
        break;
      } catch (err) {
        // A pool reconnected between the two statements: end its sessions again.
        if ((err as { code?: string }).code !== '55006' || attempt === 20) throw err;
      }
    }
    return async () => {
      await onServer(url, `CREATE DATABASE "${name}_restored" TEMPLATE "${name}_snapshot"`);
      return target;
    };
  };

  const checkpoint = async (): Promise<KeptCheckpoint> => {
    const res = await auditor.post('/audit/checkpoints');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('names the entries lost, the nominations that moved on and the decision numbers issued since the backup', async () => {
    const awarded = await submit(clerk, 'GK_DONVI');
    await approveLevel(stack, reviewer, awarded, 'UNIT');
    await waitForStep(unitHead, awarded, 'AWAITING_DECISION', 'UNIT');
    const reviewed = await submit(clerk, 'GK_DONVI');
    const untouched = await submit(clerk, 'GK_DONVI');
    for (const id of [reviewed, untouched]) await waitForStep(reviewer, id, 'IN_REVIEW', 'UNIT');
    for (const id of [awarded, reviewed, untouched]) await workflowSettled(stack, id);
    const atBackup = await checkpoint();

    // The backup, as an operator takes it.
    const url = stack.config.databaseUrl;
    const restoreBackup = await backUp(url);

    // The product goes on.
    const decided = await unitHead.post(`/nominations/${awarded}/decide`, { action: 'CONFER' });
    expect(decided.status).toBe(200);
    expect((await reviewer.post(`/nominations/${reviewed}/review`, { action: 'APPROVE', justification: 'Đủ thành tích theo báo cáo; đã đối chiếu hồ sơ.' })).status).toBe(200);
    const late = await submit(clerk, 'GK_DONVI');
    await waitForStep(reviewer, late, 'IN_REVIEW', 'UNIT');
    for (const id of [awarded, reviewed, late]) await workflowSettled(stack, id);
    const published = await checkpoint();
    expect(published.treeSize).toBeGreaterThan(atBackup.treeSize);

    // Restored into a fresh database.
    restored = await new DataSource(dataSourceOptions(await restoreBackup())).initialize();

    const key = (await auditor.get('/public/checkpoints')).body.key.publicKeyPem as string;
    const ids = await Promise.all([awarded, reviewed, untouched, late].map(async (id) => (await clerk.get(`/nominations/${id}`)).body.workflowId as string));
    const query = `WorkflowId IN (${ids.map((w) => `'${w}'`).join(', ')})`;
    const kept = [atBackup, published];
    const report = await restoreCheck(restored, stack.temporal, stack.codec, { kept, checkpointKey: key, query });

    expect(report.ok).toBe(false);
    expect(report.workflows).toBe(4);
    // The restored log is whole in itself and is the one published at the backup; the later checkpoint names what it lacks.
    expect(report.chain.ok).toBe(true);
    expect(report.kept).toEqual([
      { treeSize: atBackup.treeSize, signed: true, covered: true },
      { treeSize: published.treeSize, signed: true, covered: false },
    ]);
    expect(report.chain.rows).toBeGreaterThanOrEqual(atBackup.treeSize);
    expect(report.entriesLost).toBe(published.treeSize - report.chain.rows);
    expect(report.entriesLost).toBeGreaterThan(0);
    expect(report.chain.checkpoints).toMatchObject({ checked: 1, firstMismatch: { treeSize: published.treeSize, found: `(${report.chain.rows} entries)` } });
    // The nominations that moved on, with what the database lacks; the one that did not is not named.
    const byId = Object.fromEntries(report.diverged.map((d) => [d.nominationId, d]));
    expect(Object.keys(byId).sort()).toEqual([awarded, reviewed, late].sort());
    expect(byId[awarded].missing).toEqual(expect.arrayContaining(['DecisionIssued']));
    expect(byId[reviewed].missing).toEqual(expect.arrayContaining(['ReviewApproved']));
    expect(byId[late]).toMatchObject({ recordedSeq: 0, missing: expect.arrayContaining(['NominationSubmitted']) });
    // The number the restored series would give again.
    expect(report.decisionsAfterBackup).toEqual([expect.objectContaining({ nominationId: awarded, number: decided.body.decision.number, issuerUnitId: 'so-gddt' })]);
    const [{ n: held }] = await restored.query(`SELECT count(*)::int AS n FROM decision WHERE number = $1`, [decided.body.decision.number]);
    expect(held).toBe(0);

    // The live database, against the same checkpoints and the same engine: nothing to report.
    const live = await restoreCheck(stack.ds, stack.temporal, stack.codec, { kept, checkpointKey: key, query });
    expect(live).toMatchObject({ ok: true, entriesLost: 0, diverged: [], decisionsAfterBackup: [], workflows: 4 });
    expect(live.kept.every((k) => k.signed && k.covered)).toBe(true);

    // A kept checkpoint that was altered, or signed by another key, is not taken for one.
    const altered = { ...published, rootHash: '0'.repeat(64) };
    const refused = await restoreCheck(stack.ds, stack.temporal, stack.codec, { kept: [altered], checkpointKey: key, query });
    expect(refused.ok).toBe(false);
    expect(refused.kept).toEqual([{ treeSize: published.treeSize, signed: false, covered: false }]);
  });
});
