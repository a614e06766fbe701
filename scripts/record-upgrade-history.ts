/**
 * Records the history of a nomination that was in flight when a workflow change shipped:
 * `node -r ./test/support/ts-register.js scripts/record-upgrade-history.ts <old-revision> [name]`.
 *
 * The old revision (checked out beside this one, sharing node_modules) runs the whole product — its
 * migrations, worker and API — on a fresh database and a Temporal dev server, and takes a Labour
 * Order nomination (HCLD3) through the unit's review, so the province holds it. Then the old
 * product stops, this revision's product starts on the same database and engine (its migrations
 * upgrade the schema as a real upgrade would), and the nomination goes on to the end: the province's
 * review, the public posting the new code added, both councils, the Government's proposal, the
 * President's Office and the President's decision. Its history, with the old code's events before
 * the patch markers and the new code's after, goes to test/histories/, where the replay test keeps
 * proving that today's code still runs a nomination started by the old one.
 *
 * Needs DATABASE_URL (a server where it may create a database), git, and Go or a cached Temporal CLI.
 * Run on purpose, like RECORD_HISTORIES: a recorded history is a promise to nominations in flight.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { startTemporalDevServer } from '@vinhdanh/platform/temporal-dev-server';
import { ensureTemporalCli } from './ensure-temporal-cli';
import { TEST_SECRETS } from '../test/support/test-secrets';
import { approveLevel, dossier, submit, waitForStatus, waitForStep } from '../test/support/nominations';
import { freePort } from '../test/support/ports';
import type { Session, Stack } from '../test/support/stack';

const ROOT = path.join(__dirname, '..');
const [oldRevision, name = 'nomination-upgraded-mid-flight'] = process.argv.slice(2);

async function main(): Promise<void> {
  if (!oldRevision) throw new Error('usage: record-upgrade-history.ts <old-revision> [name]');
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL must name a PostgreSQL server where a database may be created');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-upgrade-'));
  const oldRoot = path.join(work, 'old');
  const say = (m: string) => console.log(`[upgrade] ${m}`);
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    say(`checking out ${oldRevision} in ${oldRoot}`);
    execFileSync('git', ['worktree', 'add', '--detach', oldRoot, oldRevision], { cwd: ROOT, stdio: 'inherit' });
    cleanups.push(() => execFileSync('git', ['worktree', 'remove', '--force', oldRoot], { cwd: ROOT }));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(oldRoot, 'node_modules'));
    for (const dir of [oldRoot, ROOT]) {
      say(`building ${dir === ROOT ? 'this revision' : oldRevision}`);
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
      execFileSync(process.execPath, [require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
    }

    const database = `vinhdanh_upgrade_${Date.now()}`;
    const admin = await new DataSource({ type: 'postgres', url: adminUrl }).initialize();
    await admin.query(`CREATE DATABASE ${database}`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.destroy();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;

    const temporalPort = await freePort();
    const temporal = await startTemporalDevServer({ cli: ensureTemporalCli(), dataDir: path.join(work, 'temporal'), port: temporalPort, uiPort: await freePort(), log: () => undefined });
    cleanups.push(() => temporal.stop());
    const port = await freePort();
    const env = {
      ...process.env,
      ...TEST_SECRETS,
      DATABASE_URL: url.toString(),
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(port),
      VINHDANH_DATA_DIR: path.join(work, 'data'),
      SIGNING_DIR: path.join(work, 'signing'),
      DEV_POSTING_SECONDS: '3',
      LOG_LEVEL: 'warn',
    };
    const baseUrl = `http://127.0.0.1:${port}`;
    const ds = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
    cleanups.push(() => ds.destroy());
    const stack = { baseUrl, ds, login: (username: string) => login(baseUrl, username) } as unknown as Stack;

    say(`the old product (${oldRevision}) takes a Labour Order through the unit's review`);
    let product = await launch(oldRoot, env, baseUrl);
    const clerk = await stack.login('vanthu.so-gddt');
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name: 'Trịnh Văn Nâng Cấp' } });
    await approveLevel(stack, await stack.login('thamdinh.so-gddt'), id, 'UNIT');
    const provinceReviewer = await stack.login('thamdinh.so-noi-vu');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    await stop(product);

    say('this revision takes over the same database and engine, and the nomination goes on');
    product = await launch(ROOT, env, baseUrl);
    cleanups.push(() => stop(product));
    const reviewer = await stack.login('thamdinh.so-noi-vu');
    const where = async () => {
      const { body } = await clerk.get(`/nominations/${id}`);
      return `${body.status} at ${body.currentLevel}/${body.currentStep}; last steps: ${body.steps.slice(-4).map((s: { type: string }) => s.type).join(', ')}`;
    };
    say(`province review: ${await where()}`);
    await approveLevel(stack, reviewer, id, 'PROVINCE').catch(async (err) => Promise.reject(new Error(`${err.message}: ${await where()}`)));
    say(`central review: ${await where()}`);
    await approveLevel(stack, await stack.login('thamdinh.ban-tdkt-tw'), id, 'CENTRAL').catch(async (err) => Promise.reject(new Error(`${err.message}: ${await where()}`)));
    say(`the Government's proposal: ${await where()}`);
    const pm = await stack.login('thutuong');
    await waitForStatus(pm, id, 'AWAITING_DECISION');
    expectOk(await pm.post(`/nominations/${id}/decide`, { action: 'PROPOSE' }));
    const office = await stack.login('thamdinh.van-phong-ctn');
    await waitForStep(office, id, 'IN_REVIEW', 'CENTRAL').catch(async (err) => Promise.reject(new Error(`${err.message}: ${await where()}`)));
    expectOk(await office.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Tờ trình đúng thẩm quyền, hồ sơ đầy đủ.' }));
    const president = await stack.login('chutichnuoc');
    await waitForStep(president, id, 'AWAITING_DECISION', 'CENTRAL');
    expectOk(await president.post(`/nominations/${id}/decide`, { action: 'CONFER' }));
    const done = await waitForStatus(clerk, id, 'AWARDED');
    say(`awarded by ${done.decision.number}`);

    const workflowId = `nomination-${id}`;
    const json = execFileSync(ensureTemporalCli(), ['workflow', 'show', '--address', temporal.address, '--workflow-id', workflowId, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const dir = path.join(ROOT, 'test', 'histories');
    fs.writeFileSync(path.join(dir, `${name}.json`), json.endsWith('\n') ? json : `${json}\n`);
    const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
    index.histories[`${name}.json`] = { payloads: 'codec', workflowId, startedBy: oldRevision };
    fs.writeFileSync(path.join(dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
    say(`recorded test/histories/${name}.json`);
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((err) => console.error(err));
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function login(baseUrl: string, username: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'vinhdanh' }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  const request = async (method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${baseUrl}${p}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined };
  };
  return { token, request, get: (p: string) => request('GET', p), post: (p: string, b?: unknown, h?: Record<string, string>) => request('POST', p, b, h) } as Session;
}

/** One revision's launcher (migrations, seed, worker, API) until its API is healthy. */
async function launch(root: string, env: NodeJS.ProcessEnv, baseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/launcher/src/main.js')], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the launcher in ${root} exited with ${child.exitCode}`);
    const healthy = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (healthy) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the product in ${root} did not become healthy`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}

function expectOk(res: { status: number; body: unknown }): void {
  if (res.status !== 200) throw new Error(`refused: ${res.status} ${JSON.stringify(res.body)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
