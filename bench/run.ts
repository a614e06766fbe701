import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { loadConfig, productClient, repoRoot } from '@vinhdanh/platform';
import { prepareBallot } from '@vinhdanh/platform/ballots/member';
import ExcelJS from 'exceljs';
import { chartSvg } from './chart';
import type { BaselinePlan } from '../workflows/bench/baseline';
import { cpuMs, postgresCpuMs, startBenchStack, rssMiB, type BenchStack } from './stack';
import { pooledBallotKeyTotal } from '@vinhdanh/persistence/read-model/ballot-key-pool';
import { pool, round, summary } from './stats';
import { countAt, projectionLagMs, tableFigures, unsignedDecisions } from '@vinhdanh/persistence/read-model/measurements';
import { importedNominationIds } from '@vinhdanh/persistence/read-model/imports';
import { archiveSize } from '@vinhdanh/persistence/archive/history-archive';
import { NOMINATION_WORKFLOW_TYPE } from '@vinhdanh/domain/ladder/ids';
import { HistoryArchiver } from '../apps/worker/src/history-archiver';

/**
 * `npm run bench`: on each topology (BENCH_TOPOLOGIES, default `dev,server`: the CLI's dev server
 * on SQLite, then the real Temporal server on PostgreSQL with 4 shards), one after the other on the
 * same machine:
 *  1. a year-end burst through the public API: BENCH_N (300) nominations, BENCH_CONCURRENCY (24)
 *     users, at saturation;
 *  2. the engine's ceiling on the same servers and worker: trivial workflows with the same
 *     activities and Updates per item;
 *  3. an open loop at half that ceiling: BENCH_OPEN_N (120) Giấy khen nominations arriving on a
 *     fixed schedule whatever the answers, each submitted, reviewed and decided as it comes; the
 *     latency users feel when the machine is not saturated.
 *  4. on the first topology only (the worker is the same on both): BENCH_INFLIGHT (2000) Giấy khen
 *     nominations submitted and left waiting for their review, as in the weeks before Tết; the
 *     worker's resident memory with all of them in flight.
 *  5. on the first topology only: a year-end list of BENCH_IMPORT (2000) names uploaded as one .xlsx
 *     file, checked row by row (the preview), then sent: every row's workflow started, with the time
 *     until all are waiting at the unit's reviewer; its rate against phase 4's, the same nominations
 *     sent one request each, measured in the same run.
 * Each topology's figures are against its own ceiling.
 */
const TOPOLOGIES = (process.env.BENCH_TOPOLOGIES ?? 'dev,server').split(',').map((t) => t.trim()) as Topology[];
const N = Number(process.env.BENCH_N ?? 300);
const C = Number(process.env.BENCH_CONCURRENCY ?? 24);
const OPEN_N = Number(process.env.BENCH_OPEN_N ?? 120);
const INFLIGHT_N = Number(process.env.BENCH_INFLIGHT ?? 2000);
const IMPORT_N = Number(process.env.BENCH_IMPORT ?? 2000);
const UNITS = ['so-gddt', 'so-yte', 'xa-quang-khe', 'xa-dak-ha', 'cty-cao-su'];
const log = (m: string) => console.log(`[bench] ${m}`);

type Topology = 'dev' | 'server';
type Op = 'submit' | 'review' | 'decide' | 'ballot' | 'login';

/** The requests of one phase: latency per operation, and when each ended (for the chart). */
class Recorder {
  readonly latencies: Record<Op, number[]> = { submit: [], review: [], decide: [], ballot: [], login: [] };
  readonly timeline: { at: number; ms: number }[] = [];
  summary() {
    return Object.fromEntries(Object.entries(this.latencies).map(([k, v]) => [k, summary(v)]));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const t of TOPOLOGIES) if (t !== 'dev' && t !== 'server') throw new Error(`BENCH_TOPOLOGIES: ${t} is neither dev nor server`);
  const topologies: Record<string, unknown> = {};
  const charts: { topology: Topology; recorder: Recorder; startedAt: number }[] = [];
  for (const topology of TOPOLOGIES) {
    const run = await measure(topology);
    topologies[topology] = run.result;
    charts.push({ topology, recorder: run.burst, startedAt: run.burstStarted });
  }
  const result = {
    at: new Date().toISOString(),
    machine: { cores: (await import('node:os')).cpus().length, node: process.version },
    parameters: { nominations: N, concurrency: C, openLoopNominations: OPEN_N, inFlight: INFLIGHT_N, importRows: IMPORT_N, topologies: TOPOLOGIES },
    topologies,
    totalSeconds: round((Date.now() - started) / 1000),
  };
  writeResults(result, charts);
  for (const t of TOPOLOGIES) printSummary(t, topologies[t]);
}

/** The bench process's own CPU (ms): the baseline's client. */
function clientCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function cpuNow(stack: BenchStack) {
  return { worker: cpuMs(stack.pids.worker), api: cpuMs(stack.pids.api), temporal: cpuMs(stack.pids.temporal), postgres: postgresCpuMs() };
}

/** One topology: the burst, the ceiling, the open loop, the costs. */
async function measure(topology: Topology) {
  const started = Date.now();
  log(`── topology: ${topology === 'dev' ? 'Temporal dev server (SQLite, 1 shard)' : 'Temporal server on PostgreSQL (4 shards)'}`);
  const stack = await startBenchStack(log, topology);
  let peak = { worker: 0, api: 0 };
  const sampler = setInterval(() => {
    peak = { worker: Math.max(peak.worker, rssMiB(stack.pids.worker)), api: Math.max(peak.api, rssMiB(stack.pids.api)) };
  }, 500);
  try {
    const keysAhead = await ballotKeysAhead(stack);
    const burst = new Recorder();
    const burstFrom = new Date();
    const cpuBefore = cpuNow(stack);
    const vd = await runVinhDanh(stack, burst);
    // The burst's decisions are signed in the API's quiet moments once it is over: their signing is
    // part of what a nomination costs, and must not run during the baseline that follows.
    const signing = await waitSigned(stack, vd.ids);
    const cpuAfter = cpuNow(stack);
    const burstTo = new Date();
    const client = await productClient(loadConfig({ ...process.env, ...stack.env }));
    const archive = await runArchive(stack, client, vd.seconds);
    const shape = await historyShape(client, vd.ids.slice(0, 30));
    const cpuBase0 = { ...cpuNow(stack), client: clientCpuMs() };
    const base = await runBaseline(client, shape);
    const cpuBase1 = { ...cpuNow(stack), client: clientCpuMs() };
    const db = await databaseFigures(stack, vd.ids.length);
    const open = new Recorder();
    const openFrom = new Date();
    const rate = base.itemsPerSecond / 2;
    const openLoop = await runOpenLoop(stack, open, rate);
    const inFlight = topology === TOPOLOGIES[0] && INFLIGHT_N > 0 ? await runInFlight(stack) : undefined;
    const listImport = topology === TOPOLOGIES[0] && IMPORT_N > 0 ? await runImport(stack, inFlight) : undefined;
    const result = {
      vinhDanh: { seconds: round(vd.seconds), nominationsPerSecond: round(N / vd.seconds, 2), mix: vd.mix },
      baseline: {
        items: base.items, seconds: round(base.seconds), itemsPerSecond: round(base.itemsPerSecond, 2), plan: shape.plan,
        // What the engine alone costs an item (its client, here the bench, stands where the API stands for a nomination).
        cpuMsPerItem: Object.fromEntries(Object.entries(cpuBase1).map(([k, v]) => [k, round((v - cpuBase0[k as keyof typeof cpuBase0]) / base.items, 1)])),
      },
      ratioToCeiling: round(N / vd.seconds / base.itemsPerSecond, 3),
      latencyMs: burst.summary(),
      projectionLagMs: await projectionLag(stack, burstFrom, burstTo),
      openLoop: {
        arrivalsPerSecond: round(rate, 2),
        nominations: OPEN_N,
        seconds: round(openLoop.seconds),
        staleRefusals: openLoop.staleRefusals,
        latencyMs: open.summary(),
        projectionLagMs: await projectionLag(stack, openFrom),
      },
      // CPU time per nomination during the burst, by component (ms): what a nomination costs.
      cpuMsPerNomination: Object.fromEntries(Object.entries(cpuAfter).map(([k, v]) => [k, round((v - cpuBefore[k as keyof typeof cpuBefore]) / N, 1)])),
      archive,
      decisionsSignedSecondsAfterBurst: signing.seconds,
      historyEventsPerNomination: shape.events,
      historyBytesPerNomination: shape.bytes,
      activitiesPerNomination: shape.activities,
      localActivitiesPerNomination: shape.localActivities,
      updatesPerNomination: shape.updates,
      peakRssMiB: { worker: round(peak.worker), api: round(peak.api) },
      ballotKeysMadeAhead: keysAhead,
      ...(inFlight ? { inFlight } : {}),
      ...(listImport ? { listImport } : {}),
      postgres: db,
      seconds: round((Date.now() - started) / 1000),
    };
    return { result, burst, burstStarted: vd.started };
  } finally {
    clearInterval(sampler);
    await stack.stop();
  }
}

async function http(stack: BenchStack, rec: Recorder, op: Op, method: string, path: string, token: string, body?: unknown) {
  const t0 = performance.now();
  // A connection per request, as many distinct users make them: a kept-alive socket that the API
  // closes while the client reuses it lost requests under load (seen at N = 600). A socket error is
  // still retried once, with the same Idempotency-Key, so a request that did arrive takes effect once.
  const key = randomUUID();
  const send = () => fetch(`${stack.apiUrl}${path}`, { method, headers: { connection: 'close', 'content-type': 'application/json', 'idempotency-key': key, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await send()
    .catch((err: { cause?: { code?: string } }) => (err.cause?.code === 'UND_ERR_SOCKET' ? send() : Promise.reject(err)))
    .catch((err: Error) => Promise.reject(new Error(`${op} ${method} ${path} failed after ${round(performance.now() - t0)} ms: ${err.message} (${String((err as { cause?: unknown }).cause)})`)));
  const ms = performance.now() - t0;
  rec.latencies[op].push(ms);
  rec.timeline.push({ at: Date.now(), ms });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${op} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as any;
}

/**
 * The council sessions' ballot keys are made ahead while the machine is idle (BallotKeyPool), as
 * they would be in the weeks before a year-end peak: the burst starts once the pool holds a key for
 * every nomination the council will consider. The API's CPU while it made them, per key, is
 * reported beside the burst's figures, so the cost is moved, not hidden.
 */
async function ballotKeysAhead(stack: BenchStack): Promise<{ keys: number; seconds: number; apiCpuMsPerKey: number }> {
  // The API's own setting (BALLOT_KEY_POOL, or its default), read as the API reads it.
  const target = loadConfig({ ...process.env, ...stack.env }).ballotKeyPool;
  const wanted = Math.min(target, itemsOf(N).filter((x) => x.award !== 'GK_DONVI').length);
  const t0 = Date.now();
  const cpu0 = cpuMs(stack.pids.api);
  let have = 0;
  for (let i = 0; wanted > 0; i++) {
    have = await pooledBallotKeyTotal(stack.ds.manager);
    if (have >= wanted) break;
    if (i > 1200) throw new Error(`the ballot key pool has ${have} of ${wanted} keys after 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = (Date.now() - t0) / 1000;
  log(`ballot keys made ahead: ${have} in ${round(seconds)} s`);
  return { keys: have, seconds: round(seconds), apiCpuMsPerKey: have ? round((cpuMs(stack.pids.api) - cpu0) / have, 1) : 0 };
}

/** The burst's nominations: five units, 60 % Giấy khen, 30 % Bằng khen tỉnh, 10 % CSTĐ tỉnh. */
function itemsOf(n: number): { i: number; unit: string; award: string; id: string }[] {
  return Array.from({ length: n }, (_, i) => ({ i, unit: UNITS[i % UNITS.length], award: i % 10 === 0 ? 'CSTD_TINH' : i % 10 < 4 ? 'BK_TINH' : 'GK_DONVI', id: '' }));
}

async function runVinhDanh(stack: BenchStack, rec: Recorder) {
  const tokens = new Map<string, string>();
  const login = async (u: string) => tokens.get(u) ?? tokens.set(u, (await http(stack, rec, 'login', 'POST', '/auth/login', '', { username: u, password: 'vinhdanh' })).accessToken).get(u)!;
  const items = itemsOf(N);
  // A dossier cites files its unit uploaded: one report per unit, cited by all of its nominations.
  const reports = new Map<string, { name: string; sha256: string }>();
  for (const unit of UNITS) reports.set(unit, await upload(stack, await login(`vanthu.${unit}`), `bao-cao-${unit}.pdf`));
  const mix = { GK_DONVI: items.filter((x) => x.award === 'GK_DONVI').length, BK_TINH: items.filter((x) => x.award === 'BK_TINH').length, CSTD_TINH: items.filter((x) => x.award === 'CSTD_TINH').length };
  const started = Date.now();
  log(`Vinh Danh: ${N} nominations (${JSON.stringify(mix)}), ${C} concurrent users`);
  await pool(items, C, async (x) => {
    const body = {
      nominee: { kind: 'INDIVIDUAL', name: `Người lao động ${x.i} ${started}`, birthYear: 1970 + (x.i % 30), personalId: benchPersonalId(x.i, started), frontLine: x.i % 3 === 0 },
      awardCode: x.award, year: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025.',
      documents: [reports.get(x.unit)!],
    };
    x.id = (await http(stack, rec, 'submit', 'POST', '/nominations', await login(`vanthu.${x.unit}`), body)).id;
  });
  const ids = items.map((x) => x.id);
  await waitAll(stack, ids, { status: 'IN_REVIEW', level: 'UNIT', step: 'REVIEW' });
  await pool(items, C, async (x) => {
    await http(stack, rec, 'review', 'POST', `/nominations/${x.id}/review`, await login(`thamdinh.${x.unit}`), { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' });
  });
  const provincial = items.filter((x) => x.award !== 'GK_DONVI');
  await waitAll(stack, provincial.map((x) => x.id), { status: 'IN_REVIEW', level: 'PROVINCE' });
  const reviewers = ['thamdinh.so-noi-vu', 'thamdinh2.so-noi-vu'];
  await pool(provincial, C, async (x) => {
    await http(stack, rec, 'review', 'POST', `/nominations/${x.id}/review`, await login(reviewers[x.i % 2]), { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' });
  });
  // CSTĐ tỉnh and Bằng khen tỉnh both go through the provincial council.
  const voted = provincial;
  await waitAll(stack, voted.map((x) => x.id), { status: 'AWAITING_COUNCIL' });
  const members = ['chutich.ubnd-tinh', 'thuky.hoidong-tinh', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `uyvien${i}.hoidong-tinh`)];
  for (let from = 0; from < voted.length; from += 50) {
    const batch = voted.slice(from, from + 50).map((x) => x.id);
    const session = await http(stack, rec, 'ballot', 'POST', '/councils/hd-ubnd-tinh/sessions', await login('thuky.hoidong-tinh'), { nominationIds: batch, deadline: new Date(Date.now() + 3600_000).toISOString() });
    await pool(members, members.length, async (m) => {
      const token = await login(m);
      const mine = await http(stack, rec, 'ballot', 'GET', `/councils/sessions/${session.sessionId}/ballot`, token);
      const prepared = await Promise.all(mine.items.filter((i: { recused: boolean }) => !i.recused).map((i: { nominationId: string; publicKey: string }) => prepareBallot(i.nominationId, i.publicKey)));
      const issued = await http(stack, rec, 'ballot', 'POST', `/councils/sessions/${session.sessionId}/ballots/issue`, token, { requests: prepared.map((p) => ({ nominationId: p.nominationId, blindedMessage: p.blindedMessage })) });
      const signed = new Map<string, string>(issued.signatures.map((x: { nominationId: string; blindSignature: string }) => [x.nominationId, x.blindSignature]));
      for (const p of prepared) {
        const ballot = await p.finalize(signed.get(p.nominationId)!);
        await http(stack, rec, 'ballot', 'POST', `/councils/sessions/${session.sessionId}/ballots`, '', { ...ballot, choice: 'AGREE' });
      }
    });
  }
  await waitAll(stack, ids, { status: 'AWAITING_DECISION' });
  await pool(items, C, async (x) => {
    const decider = x.award === 'GK_DONVI' ? `thutruong.${x.unit}` : 'chutich.ubnd-tinh';
    await http(stack, rec, 'decide', 'POST', `/nominations/${x.id}/decide`, await login(decider), { action: 'CONFER' });
  });
  await waitAll(stack, ids, { status: 'AWARDED' });
  const seconds = (Date.now() - started) / 1000;
  log(`Vinh Danh: ${N} awarded in ${round(seconds)} s`);
  return { ids, seconds, started, mix };
}

/** A fictitious but well-formed personal identification number, different for every nominee of a run. */
function benchPersonalId(i: number, run: number): string {
  const birthYear = 1970 + (i % 30);
  return `0${String(10 + (run % 80)).padStart(2, '0')}0${String(birthYear % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
}

async function upload(stack: BenchStack, token: string, name: string): Promise<{ name: string; sha256: string }> {
  const form = new FormData();
  form.append('file', new Blob([`%PDF-1.4 ${name} ${Date.now()}`], { type: 'application/pdf' }), name);
  const res = await fetch(`${stack.apiUrl}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (!res.ok) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
  const doc = (await res.json()) as { name: string; sha256: string };
  return { name: doc.name, sha256: doc.sha256 };
}

async function waitAll(stack: BenchStack, ids: string[], at: Parameters<typeof countAt>[2]): Promise<void> {
  for (let i = 0; ; i++) {
    const n = await countAt(stack.ds.manager, ids, at);
    if (n === ids.length) return;
    if (i > 6000) throw new Error(`timed out waiting for ${JSON.stringify(at)}: ${n}/${ids.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Events, activities (remote and local) and Updates per nomination, from a sample of real histories. */
async function historyShape(client: Client, ids: string[]) {
  let events = 0, activities = 0, locals = 0, updates = 0, initial = 0, initialLocal = 0, bytes = 0;
  for (const id of ids) {
    const h = await client.workflow.getHandle(`nomination-${id}`).fetchHistory();
    const evs = h.events ?? [];
    events += evs.length;
    bytes += temporal.api.history.v1.History.encode(h).finish().length;
    const firstUpdate = evs.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    for (const [i, e] of evs.entries()) {
      const beforeUpdates = firstUpdate < 0 || i < firstUpdate;
      if (e.activityTaskScheduledEventAttributes) {
        activities++;
        if (beforeUpdates) initial++;
      }
      if (e.markerRecordedEventAttributes?.markerName === 'core_local_activity') {
        locals++;
        if (beforeUpdates) initialLocal++;
      }
      if (e.workflowExecutionUpdateAcceptedEventAttributes) updates++;
    }
  }
  const k = ids.length;
  const u = Math.max(1, Math.round(updates / k));
  const spread = (total: number, first: number) => {
    const init = Math.round(first / k);
    const rest = Math.max(0, Math.round(total / k) - init);
    return { init, per: Array.from({ length: u }, (_, i) => Math.floor(rest / u) + (i < rest % u ? 1 : 0)) };
  };
  const remote = spread(activities, initial);
  const local = spread(locals, initialLocal);
  const plan: BaselinePlan = { initialActivities: remote.init, activitiesPerUpdate: remote.per, initialLocal: local.init, localPerUpdate: local.per };
  return { events: round(events / k), bytes: Math.round(bytes / k), activities: round(activities / k), localActivities: round(locals / k), updates: round(updates / k), plan };
}

/** The ceiling is a rate: a sample of BASELINE_N items (default min(N, 400)) measures it. */
const BASELINE_N = Number(process.env.BENCH_BASELINE_N ?? Math.min(N, 400));

async function runBaseline(client: Client, shape: Awaited<ReturnType<typeof historyShape>>) {
  log(`baseline: ${BASELINE_N} trivial workflows, ${JSON.stringify(shape.plan)}`);
  const started = Date.now();
  await pool(Array.from({ length: BASELINE_N }, (_, i) => i), C, async (i) => {
    const handle = await client.workflow.start('benchBaselineWorkflow', { taskQueue: 'vinhdanh-bench', workflowId: `bench-baseline-${started}-${i}`, args: [shape.plan] });
    for (let u = 0; u < shape.plan.activitiesPerUpdate.length; u++) await handle.executeUpdate('baselineStep');
    await handle.result();
  });
  const seconds = (Date.now() - started) / 1000;
  log(`baseline: ${BASELINE_N} in ${round(seconds)} s`);
  return { seconds, items: BASELINE_N, itemsPerSecond: BASELINE_N / seconds };
}

/**
 * Open loop: OPEN_N Giấy khen nominations arrive `rate` per second on a fixed schedule, whatever
 * the answers; each is submitted, reviewed and decided as soon as its task is open. Unlike the
 * burst, a slow answer does not slow the arrivals, so the latencies are those of a machine at
 * `rate`, not of one saturated by a fixed number of users.
 */
async function runOpenLoop(stack: BenchStack, rec: Recorder, rate: number) {
  const tokens = new Map<string, string>();
  const login = async (u: string) => tokens.get(u) ?? tokens.set(u, (await http(stack, rec, 'login', 'POST', '/auth/login', '', { username: u, password: 'vinhdanh' })).accessToken).get(u)!;
  for (const unit of UNITS) for (const role of ['vanthu', 'thamdinh', 'thutruong']) await login(`${role}.${unit}`);
  const report = new Map<string, { name: string; sha256: string }>();
  for (const unit of UNITS) report.set(unit, await upload(stack, await login(`vanthu.${unit}`), `bao-cao-open-${unit}.pdf`));
  log(`open loop: ${OPEN_N} Giấy khen nominations at ${round(rate, 2)}/s (half the ceiling)`);
  const started = Date.now();
  const until = async (id: string, at: Parameters<typeof countAt>[2]) => {
    while ((await countAt(stack.ds.manager, [id], at)) === 0) await new Promise((r) => setTimeout(r, 100));
  };
  const one = async (i: number) => {
    const unit = UNITS[i % UNITS.length];
    const body = {
      nominee: { kind: 'INDIVIDUAL', name: `Người lao động mở ${i} ${started}`, birthYear: 1970 + ((100_000 + i) % 30), personalId: benchPersonalId(100_000 + i, started), frontLine: i % 3 === 0 },
      awardCode: 'GK_DONVI', year: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025.', documents: [report.get(unit)!],
    };
    const { id } = await http(stack, rec, 'submit', 'POST', '/nominations', await login(`vanthu.${unit}`), body);
    await until(id, { status: 'IN_REVIEW', level: 'UNIT', step: 'REVIEW' });
    await http(stack, rec, 'review', 'POST', `/nominations/${id}/review`, await login(`thamdinh.${unit}`), { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' });
    await until(id, { status: 'AWAITING_DECISION' });
    // The decision task is in the read model a moment before the workflow task that opened it
    // completes. Once in about 1,300 decisions sent within milliseconds of that (seen once, under
    // load), the workflow answered "not at that step" (409). A person reloads and signs again; so
    // does the loop, and counts it.
    for (let attempt = 0; ; attempt++) {
      try {
        await http(stack, rec, 'decide', 'POST', `/nominations/${id}/decide`, await login(`thutruong.${unit}`), { action: 'CONFER' });
        break;
      } catch (err) {
        if (attempt >= 3 || !/: 409 .*"WRONG_STATE"/.test(String(err))) throw err;
        staleRefusals++;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await until(id, { status: 'AWARDED' });
  };
  let staleRefusals = 0;
  const chains: Promise<void>[] = [];
  const failures: unknown[] = [];
  for (let i = 0; i < OPEN_N; i++) {
    const due = started + (i * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    // Caught at once: an arrival that fails must not crash the bench before it stops its processes.
    chains.push(one(i).catch((err) => void failures.push(err)));
  }
  await Promise.all(chains);
  if (failures.length) throw new Error(`open loop: ${failures.length} of ${OPEN_N} nominations failed; the first: ${String(failures[0])}`);
  const seconds = (Date.now() - started) / 1000;
  log(`open loop: ${OPEN_N} awarded in ${round(seconds)} s${staleRefusals ? ` (${staleRefusals} decision(s) refused as not yet at their step, signed again)` : ''}`);
  return { seconds, staleRefusals };
}

/**
 * INFLIGHT_N nominations submitted and left open, each waiting in its workflow for a review: the
 * worker's resident memory then (its sticky cache holds what it can; the rest replay on demand).
 */
async function runInFlight(stack: BenchStack) {
  const rec = new Recorder();
  const tokens = new Map<string, string>();
  const login = async (u: string) => tokens.get(u) ?? tokens.set(u, (await http(stack, rec, 'login', 'POST', '/auth/login', '', { username: u, password: 'vinhdanh' })).accessToken).get(u)!;
  const report = new Map<string, { name: string; sha256: string }>();
  for (const unit of UNITS) report.set(unit, await upload(stack, await login(`vanthu.${unit}`), `bao-cao-inflight-${unit}.pdf`));
  log(`in flight: ${INFLIGHT_N} nominations submitted and left waiting for review`);
  const started = Date.now();
  const ids: string[] = [];
  await pool(Array.from({ length: INFLIGHT_N }, (_, i) => i), C, async (i) => {
    const unit = UNITS[i % UNITS.length];
    const body = {
      nominee: { kind: 'INDIVIDUAL', name: `Người lao động chờ ${i} ${started}`, birthYear: 1970 + ((200_000 + i) % 30), personalId: benchPersonalId(200_000 + i, started), frontLine: i % 3 === 0 },
      awardCode: 'GK_DONVI', year: 2025, achievementPeriod: { from: '2025-01-01', to: '2025-12-31' },
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025.', documents: [report.get(unit)!],
    };
    ids.push((await http(stack, rec, 'submit', 'POST', '/nominations', await login(`vanthu.${unit}`), body)).id);
  });
  await waitAll(stack, ids, { status: 'IN_REVIEW', level: 'UNIT', step: 'REVIEW' });
  const seconds = (Date.now() - started) / 1000;
  // A few seconds for the worker to settle (the last workflow tasks complete, buffers are freed).
  await new Promise((r) => setTimeout(r, 5000));
  const workerRssMiB = round(rssMiB(stack.pids.worker));
  log(`in flight: ${INFLIGHT_N} waiting after ${round(seconds)} s; worker RSS ${workerRssMiB} MiB`);
  return { nominations: INFLIGHT_N, seconds: round(seconds), workerRssMiB, submitLatencyMs: summary(rec.latencies.submit) };
}

/**
 * A clerk's year-end list as one .xlsx file: uploaded (every row checked: the preview), then sent
 * (every row's workflow started), then followed until every nomination waits at the unit's reviewer.
 * The goal: checked and started within 60 s for 2,000 names.
 */
async function runImport(stack: BenchStack, inFlight?: { nominations: number; seconds: number }) {
  const unit = UNITS[0];
  const login = await fetch(`${stack.apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `vanthu.${unit}`, password: 'vinhdanh' }) });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const run = Date.now();
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(['Họ và tên', 'Năm sinh', 'Số định danh cá nhân', 'Chức vụ', 'Trực tiếp lao động', 'Tóm tắt thành tích']);
  for (let i = 0; i < IMPORT_N; i++) {
    const n = 400_000 + i;
    sheet.addRow([`Người lao động danh sách ${i} ${run}`, 1970 + (n % 30), benchPersonalId(n, run), 'Viên chức', i % 3 === 0 ? 'x' : '', '']);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  log(`list import: ${IMPORT_N} rows (${Math.round(file.length / 1024)} KiB) uploaded, checked, then sent`);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'danh-sach-cuoi-nam.xlsx');
  for (const [k, v] of Object.entries({ awardCode: 'GK_DONVI', year: '2025', achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025.' })) form.append(k, v);
  const t0 = Date.now();
  const uploaded = await fetch(`${stack.apiUrl}/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (uploaded.status !== 201) throw new Error(`import upload: ${uploaded.status} ${await uploaded.text()}`);
  const preview = (await uploaded.json()) as { id: string; counts: { READY: number } };
  const checkedSeconds = (Date.now() - t0) / 1000;
  if (preview.counts.READY !== IMPORT_N) throw new Error(`import: ${preview.counts.READY} of ${IMPORT_N} rows ready`);
  const t1 = Date.now();
  const cpuBefore = cpuNow(stack);
  const start = await fetch(`${stack.apiUrl}/imports/${preview.id}/start`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (start.status !== 202) throw new Error(`import start: ${start.status} ${await start.text()}`);
  let polls = 0;
  let view: { status: string; counts: Record<string, number> };
  for (;;) {
    polls++;
    view = (await (await fetch(`${stack.apiUrl}/imports/${preview.id}?pageSize=1`, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof view;
    if (view.status === 'DONE') break;
    if (Date.now() - t1 > 600_000) throw new Error(`import: not done after 10 minutes (${JSON.stringify(view.counts)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const sentSeconds = (Date.now() - t1) / 1000;
  const cpuSent = cpuNow(stack);
  if (view.counts.SUBMITTED !== IMPORT_N) throw new Error(`import: ${JSON.stringify(view.counts)}`);
  const ids = await importedNominationIds(stack.ds.manager, preview.id);
  await waitAll(stack, ids, { status: 'IN_REVIEW', level: 'UNIT', step: 'REVIEW' });
  const atReviewerSeconds = (Date.now() - t1) / 1000;
  const rowsPerSecond = IMPORT_N / (checkedSeconds + sentSeconds);
  log(`list import: checked in ${round(checkedSeconds)} s, all started in ${round(sentSeconds)} s more, all at the reviewer after ${round(atReviewerSeconds)} s`);
  return {
    rows: IMPORT_N,
    checkedSeconds: round(checkedSeconds),
    startedSeconds: round(sentSeconds),
    checkedAndStartedSeconds: round(checkedSeconds + sentSeconds),
    allAtReviewerSeconds: round(checkedSeconds + atReviewerSeconds),
    progressReadings: polls,
    // CPU time per row while the rows were being sent, by component (ms).
    cpuMsPerRowWhileSending: Object.fromEntries(Object.entries(cpuSent).map(([k, v]) => [k, round((v - cpuBefore[k as keyof typeof cpuBefore]) / IMPORT_N, 1)])),
    rowsPerSecond: round(rowsPerSecond, 1),
    // The same nominations sent one request each (phase 4), in this run: what the import saves.
    ...(inFlight ? { ratioToOneByOne: round(rowsPerSecond / (inFlight.nominations / inFlight.seconds), 2) } : {}),
  };
}

async function projectionLag(stack: BenchStack, from?: Date, to?: Date) {
  const r = await projectionLagMs(stack.ds.manager, { from, to });
  return { p50: round(r.p50), p99: round(r.p99) };
}

/** Waits until every decision of these nominations has its signed PDF; how long that took. */
async function waitSigned(stack: BenchStack, ids: string[]): Promise<{ seconds: number }> {
  const t0 = Date.now();
  for (;;) {
    const left = await unsignedDecisions(stack.ds.manager, ids);
    if (left === 0) break;
    if (Date.now() - t0 > 600_000) throw new Error(`${left} decisions still unsigned after 10 minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const seconds = round((Date.now() - t0) / 1000);
  log(`decisions signed ${seconds} s after the burst`);
  return { seconds };
}

/**
 * The archive of closed histories (docs/audit.md): one pass of the worker's own archiver over the
 * burst's closed nominations, timed, with the bytes it stored per nomination. Its CPU (the bench
 * process and PostgreSQL, as the archiver's worker and database would spend it) per nomination, and
 * the pass's time per nomination against the burst's: what archiving adds to a nomination's cost.
 */
async function runArchive(stack: BenchStack, client: Client, burstSeconds: number) {
  const config = loadConfig({ ...process.env, ...stack.env });
  const archiver = new HistoryArchiver({ service: client.connection.workflowService, namespace: config.temporalNamespace, taskQueue: config.taskQueue, dataSource: stack.ds, intervalMs: 3_600_000, retentionMs: config.archive.retentionMs, log: { info: () => undefined, warn: (o, m) => log(`${m} ${JSON.stringify(o)}`), error: (o, m) => log(`${m} ${JSON.stringify(o)}`) } });
  const before = { client: clientCpuMs(), postgres: postgresCpuMs() };
  const t0 = Date.now();
  const pass = await archiver.runOnce();
  const seconds = (Date.now() - t0) / 1000;
  const cpu = { client: clientCpuMs() - before.client, postgres: postgresCpuMs() - before.postgres };
  const size = await archiveSize(stack.ds.manager, NOMINATION_WORKFLOW_TYPE);
  const runs = Math.max(pass.archived, 1);
  log(`archive: ${pass.archived} closed runs archived in ${round(seconds)} s, ${Math.round(size.typeBytes / Math.max(size.typeRuns, 1))} bytes per nomination`);
  return {
    runsArchived: pass.archived,
    seconds: round(seconds),
    bytesPerNomination: Math.round(size.typeBytes / Math.max(size.typeRuns, 1)),
    cpuMsPerRun: { archiver: round(cpu.client / runs, 1), postgres: round(cpu.postgres / runs, 1) },
    // Wall time of archiving one nomination against the time the burst took per nomination, on the same machine.
    ratioToBurstTimePerNomination: round(seconds / runs / (burstSeconds / N), 3),
  };
}

async function databaseFigures(stack: BenchStack, n: number) {
  const rows: Record<string, number> = {};
  let bytes = 0;
  for (const t of await tableFigures(stack.ds.manager)) {
    rows[t.table] = round(t.rows / n, 2);
    bytes += t.bytes;
  }
  return { rowsPerNomination: rows, bytesPerNomination: Math.round(bytes / n) };
}

function writeResults(result: Record<string, unknown>, charts: { topology: Topology; recorder: Recorder; startedAt: number }[]): void {
  const dir = path.join(repoRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  for (const { topology, recorder, startedAt } of charts) {
    const bucket = 5000;
    const series: { t: number; completed: number; p95: number }[] = [];
    const end = Math.max(...recorder.timeline.map((x) => x.at));
    for (let t = startedAt; t <= end; t += bucket) {
      const inBucket = recorder.timeline.filter((x) => x.at >= t && x.at < t + bucket).map((x) => x.ms).sort((a, b) => a - b);
      series.push({ t: (t - startedAt) / 1000, completed: inBucket.length, p95: inBucket[Math.floor(inBucket.length * 0.95)] ?? 0 });
    }
    fs.writeFileSync(path.join(dir, `latest-${topology}.svg`), chartSvg(series, `Vinh Danh bench (${topology}): ${N} nominations — API requests per 5 s (bars) and p95 latency (line)`));
  }
  log(`results: bench/results/${stamp}.json, bench/results/latest.json, bench/results/latest-{${charts.map((c) => c.topology).join(',')}}.svg`);
}

function printSummary(topology: string, r: any): void {
  const rows: [string, string][] = [
    ['nominations', `${N} (${JSON.stringify(r.vinhDanh.mix)})`],
    ['Vinh Danh throughput', `${r.vinhDanh.nominationsPerSecond} nominations/s (${r.vinhDanh.seconds} s)`],
    ['engine ceiling (baseline)', `${r.baseline.itemsPerSecond} items/s (${r.baseline.seconds} s)`],
    ['CPU ms / baseline item', Object.entries(r.baseline.cpuMsPerItem).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['ratio to ceiling', String(r.ratioToCeiling)],
    ...(['submit', 'review', 'ballot', 'decide'] as const).map((op): [string, string] => [`${op} latency p50/p95/p99 (burst)`, `${r.latencyMs[op].p50} / ${r.latencyMs[op].p95} / ${r.latencyMs[op].p99} ms`]),
    ['projection lag p50/p99 (burst)', `${r.projectionLagMs.p50} / ${r.projectionLagMs.p99} ms`],
    ['open loop', `${r.openLoop.nominations} at ${r.openLoop.arrivalsPerSecond}/s (half the ceiling)`],
    ...(['submit', 'review', 'decide'] as const).map((op): [string, string] => [`${op} latency p50/p95/p99 (open)`, `${r.openLoop.latencyMs[op].p50} / ${r.openLoop.latencyMs[op].p95} / ${r.openLoop.latencyMs[op].p99} ms`]),
    ['projection lag p50/p99 (open)', `${r.openLoop.projectionLagMs.p50} / ${r.openLoop.projectionLagMs.p99} ms`],
    ['history events, bytes / nomination', `${r.historyEventsPerNomination}, ${r.historyBytesPerNomination}`],
    ['activities, local activities, Updates / nomination', `${r.activitiesPerNomination}, ${r.localActivitiesPerNomination}, ${r.updatesPerNomination}`],
    ['CPU ms / nomination', Object.entries(r.cpuMsPerNomination).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['peak RSS worker / api', `${r.peakRssMiB.worker} / ${r.peakRssMiB.api} MiB`],
    ['ballot keys made ahead (before the burst)', `${r.ballotKeysMadeAhead.keys} in ${r.ballotKeysMadeAhead.seconds} s, API ${r.ballotKeysMadeAhead.apiCpuMsPerKey} CPU ms each`],
    ...(r.listImport ? [['list import (.xlsx)', `${r.listImport.rows} rows checked in ${r.listImport.checkedSeconds} s, started in ${r.listImport.startedSeconds} s more (${r.listImport.checkedAndStartedSeconds} s; goal < 60), at the reviewer after ${r.listImport.allAtReviewerSeconds} s; ${r.listImport.ratioToOneByOne ?? '—'}× one request each`] as [string, string]] : []),
    ...(r.inFlight ? [['worker RSS, nominations in flight', `${r.inFlight.workerRssMiB} MiB with ${r.inFlight.nominations} waiting (submitted in ${r.inFlight.seconds} s)`] as [string, string]] : []),
    ['PostgreSQL bytes / nomination', String(r.postgres.bytesPerNomination)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${topology === 'dev' ? 'Temporal dev server (SQLite, 1 shard)' : 'Temporal server on PostgreSQL (4 shards)'}\n` + rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
