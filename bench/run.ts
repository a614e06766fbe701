import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { loadConfig, productClient, repoRoot } from '@vinhdanh/platform';
import { prepareBallot } from '@vinhdanh/platform/ballots/member';
import { chartSvg } from './chart';
import { startBenchStack, rssMiB, type BenchStack } from './stack';
import { pool, round, summary } from './stats';
import { countAt, projectionLagMs, tableFigures } from '@vinhdanh/persistence/read-model/measurements';

/**
 * `npm run bench`: a year-end burst through the public API, then the engine's ceiling on the same
 * servers and worker settings. BENCH_N (default 2000) nominations, BENCH_CONCURRENCY (24) users.
 */
const N = Number(process.env.BENCH_N ?? 2000);
const C = Number(process.env.BENCH_CONCURRENCY ?? 24);
const UNITS = ['so-gddt', 'so-yte', 'xa-quang-khe', 'xa-dak-ha', 'cty-cao-su'];
const log = (m: string) => console.log(`[bench] ${m}`);

type Op = 'submit' | 'review' | 'decide' | 'ballot' | 'login';
const latencies: Record<Op, number[]> = { submit: [], review: [], decide: [], ballot: [], login: [] };
const timeline: { at: number; ms: number }[] = [];

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startBenchStack(log);
  let peak = { worker: 0, api: 0 };
  const sampler = setInterval(() => {
    peak = { worker: Math.max(peak.worker, rssMiB(stack.pids.worker)), api: Math.max(peak.api, rssMiB(stack.pids.api)) };
  }, 500);
  try {
    const vd = await runVinhDanh(stack);
    const client = await productClient(loadConfig({ ...process.env, ...stack.env }));
    const shape = await historyShape(client, vd.ids.slice(0, 30));
    const base = await runBaseline(client, shape);
    const db = await databaseFigures(stack, vd.ids.length);
    const lag = await projectionLag(stack);
    const result = {
      at: new Date().toISOString(),
      machine: { cores: (await import('node:os')).cpus().length, node: process.version },
      parameters: { nominations: N, concurrency: C, mix: vd.mix },
      vinhDanh: { seconds: round(vd.seconds), nominationsPerSecond: round(N / vd.seconds, 2) },
      baseline: { items: base.items, seconds: round(base.seconds), itemsPerSecond: round(base.itemsPerSecond, 2), plan: shape.plan },
      ratioToCeiling: round(N / vd.seconds / base.itemsPerSecond, 3),
      latencyMs: Object.fromEntries(Object.entries(latencies).map(([k, v]) => [k, summary(v)])),
      projectionLagMs: lag,
      historyEventsPerNomination: shape.events,
      activitiesPerNomination: shape.activities,
      updatesPerNomination: shape.updates,
      peakRssMiB: { worker: round(peak.worker), api: round(peak.api) },
      postgres: db,
      totalSeconds: round((Date.now() - started) / 1000),
    };
    writeResults(result, vd.started);
    printSummary(result);
  } finally {
    clearInterval(sampler);
    await stack.stop();
  }
}

async function http(stack: BenchStack, op: Op, method: string, path: string, token: string, body?: unknown) {
  const t0 = performance.now();
  const res = await fetch(`${stack.apiUrl}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const ms = performance.now() - t0;
  latencies[op].push(ms);
  timeline.push({ at: Date.now(), ms });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${op} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as any;
}

async function runVinhDanh(stack: BenchStack) {
  const tokens = new Map<string, string>();
  const login = async (u: string) => tokens.get(u) ?? tokens.set(u, (await http(stack, 'login', 'POST', '/auth/login', '', { username: u, password: 'vinhdanh' })).accessToken).get(u)!;
  const items = Array.from({ length: N }, (_, i) => ({ i, unit: UNITS[i % UNITS.length], award: i % 10 === 0 ? 'CSTD_TINH' : i % 10 < 4 ? 'BK_TINH' : 'GK_DONVI', id: '' }));
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
    x.id = (await http(stack, 'submit', 'POST', '/nominations', await login(`vanthu.${x.unit}`), body)).id;
  });
  const ids = items.map((x) => x.id);
  await waitAll(stack, ids, { status: 'IN_REVIEW', level: 'UNIT', step: 'REVIEW' });
  await pool(items, C, async (x) => {
    await http(stack, 'review', 'POST', `/nominations/${x.id}/review`, await login(`thamdinh.${x.unit}`), { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' });
  });
  const provincial = items.filter((x) => x.award !== 'GK_DONVI');
  await waitAll(stack, provincial.map((x) => x.id), { status: 'IN_REVIEW', level: 'PROVINCE' });
  const reviewers = ['thamdinh.so-noi-vu', 'thamdinh2.so-noi-vu'];
  await pool(provincial, C, async (x) => {
    await http(stack, 'review', 'POST', `/nominations/${x.id}/review`, await login(reviewers[x.i % 2]), { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ' });
  });
  // CSTĐ tỉnh and Bằng khen tỉnh both go through the provincial council.
  const voted = provincial;
  await waitAll(stack, voted.map((x) => x.id), { status: 'AWAITING_COUNCIL' });
  const members = ['chutich.ubnd-tinh', 'thuky.hoidong-tinh', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `uyvien${i}.hoidong-tinh`)];
  for (let from = 0; from < voted.length; from += 50) {
    const batch = voted.slice(from, from + 50).map((x) => x.id);
    const session = await http(stack, 'ballot', 'POST', '/councils/hd-ubnd-tinh/sessions', await login('thuky.hoidong-tinh'), { nominationIds: batch, deadline: new Date(Date.now() + 3600_000).toISOString() });
    await pool(members, members.length, async (m) => {
      const token = await login(m);
      const mine = await http(stack, 'ballot', 'GET', `/councils/sessions/${session.sessionId}/ballot`, token);
      const prepared = await Promise.all(mine.items.filter((i: { recused: boolean }) => !i.recused).map((i: { nominationId: string; publicKey: string }) => prepareBallot(i.nominationId, i.publicKey)));
      const issued = await http(stack, 'ballot', 'POST', `/councils/sessions/${session.sessionId}/ballots/issue`, token, { requests: prepared.map((p) => ({ nominationId: p.nominationId, blindedMessage: p.blindedMessage })) });
      const signed = new Map<string, string>(issued.signatures.map((x: { nominationId: string; blindSignature: string }) => [x.nominationId, x.blindSignature]));
      for (const p of prepared) {
        const ballot = await p.finalize(signed.get(p.nominationId)!);
        await http(stack, 'ballot', 'POST', `/councils/sessions/${session.sessionId}/ballots`, '', { ...ballot, choice: 'AGREE' });
      }
    });
  }
  await waitAll(stack, ids, { status: 'AWAITING_DECISION' });
  await pool(items, C, async (x) => {
    const decider = x.award === 'GK_DONVI' ? `thutruong.${x.unit}` : 'chutich.ubnd-tinh';
    await http(stack, 'decide', 'POST', `/nominations/${x.id}/decide`, await login(decider), { action: 'CONFER' });
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

/** Events, activities and Updates per nomination, from a sample of real histories. */
async function historyShape(client: Client, ids: string[]) {
  let events = 0, activities = 0, updates = 0, initial = 0;
  for (const id of ids) {
    const h = await client.workflow.getHandle(`nomination-${id}`).fetchHistory();
    const evs = h.events ?? [];
    events += evs.length;
    const firstUpdate = evs.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    for (const [i, e] of evs.entries()) {
      if (e.activityTaskScheduledEventAttributes) {
        activities++;
        if (firstUpdate < 0 || i < firstUpdate) initial++;
      }
      if (e.workflowExecutionUpdateAcceptedEventAttributes) updates++;
    }
  }
  const k = ids.length;
  const u = Math.max(1, Math.round(updates / k));
  const init = Math.round(initial / k);
  const rest = Math.round(activities / k) - init;
  const per = Array.from({ length: u }, (_, i) => Math.floor(rest / u) + (i < rest % u ? 1 : 0));
  return { events: round(events / k), activities: round(activities / k), updates: round(updates / k), plan: { initialActivities: init, activitiesPerUpdate: per } };
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

async function projectionLag(stack: BenchStack) {
  const r = await projectionLagMs(stack.ds.manager);
  return { p50: round(r.p50), p99: round(r.p99) };
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

function writeResults(result: Record<string, unknown>, startedAt: number): void {
  const dir = path.join(repoRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  const bucket = 5000;
  const series: { t: number; completed: number; p95: number }[] = [];
  const end = Math.max(...timeline.map((x) => x.at));
  for (let t = startedAt; t <= end; t += bucket) {
    const inBucket = timeline.filter((x) => x.at >= t && x.at < t + bucket).map((x) => x.ms).sort((a, b) => a - b);
    series.push({ t: (t - startedAt) / 1000, completed: inBucket.length, p95: inBucket[Math.floor(inBucket.length * 0.95)] ?? 0 });
  }
  fs.writeFileSync(path.join(dir, 'latest.svg'), chartSvg(series, `Vinh Danh bench: ${N} nominations — API requests per 5 s (bars) and p95 latency (line)`));
  log(`results: bench/results/${stamp}.json, bench/results/latest.json, bench/results/latest.svg`);
}

function printSummary(r: any): void {
  const rows: [string, string][] = [
    ['nominations', `${r.parameters.nominations} (${JSON.stringify(r.parameters.mix)})`],
    ['Vinh Danh throughput', `${r.vinhDanh.nominationsPerSecond} nominations/s (${r.vinhDanh.seconds} s)`],
    ['engine ceiling (baseline)', `${r.baseline.itemsPerSecond} items/s (${r.baseline.seconds} s)`],
    ['ratio to ceiling', String(r.ratioToCeiling)],
    ...(['submit', 'review', 'ballot', 'decide'] as const).map((op): [string, string] => [`${op} latency p50/p95/p99`, `${r.latencyMs[op].p50} / ${r.latencyMs[op].p95} / ${r.latencyMs[op].p99} ms`]),
    ['projection lag p50/p99', `${r.projectionLagMs.p50} / ${r.projectionLagMs.p99} ms`],
    ['history events / nomination', String(r.historyEventsPerNomination)],
    ['peak RSS worker / api', `${r.peakRssMiB.worker} / ${r.peakRssMiB.api} MiB`],
    ['PostgreSQL bytes / nomination', String(r.postgres.bytesPerNomination)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\n' + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
