#!/usr/bin/env node
/**
 * Finds or builds the real Temporal server and its SQL schema tool, for `TEMPORAL_MODE=server`.
 *
 * Order: $TEMPORAL_SERVER_DIR (holding `server`, `sql` and `schema/`), then the cache outside the
 * repo (~/.cache/vinhdanh/temporal-server-v1.29.1/ or under $VINHDANH_CACHE_DIR), and otherwise
 * builds it there with `go install go.temporal.io/server/cmd/server@v1.29.1 …/cmd/tools/sql@v1.29.1`
 * (about three minutes cold) and copies the PostgreSQL schemas out of the module. Never in the repo.
 *
 * Usable as a module (`ensureTemporalServer()` returns the paths) and as a script (prints them).
 */
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { cacheBase, findGo, goInstall, isExecutable } = require('./go-tools');

/**
 * Vinh Danh's build of the same server (deploy/temporal-server: the stock server plus a claim mapper
 * that reads the caller's client certificate), named after a hash of its source so a change rebuilds it.
 */
const SOURCE = path.join(__dirname, '..', 'deploy', 'temporal-server');
function sourceHash() {
  const h = createHash('sha256');
  for (const f of ['go.mod', 'go.sum', 'main.go']) h.update(fs.readFileSync(path.join(SOURCE, f)));
  return h.digest('hex').slice(0, 12);
}

function buildVinhdanhServer(target) {
  const go = findGo();
  if (!go) throw new Error('Go is not installed, so the Temporal server cannot be built. Install Go (https://go.dev/dl/) and re-run.');
  process.stderr.write(`[temporal-server] building ${SOURCE} into ${target}...\n`);
  const started = Date.now();
  const result = spawnSync(go, ['build', '-o', target, '.'], { cwd: SOURCE, env: { ...process.env, CGO_ENABLED: process.env.CGO_ENABLED || '0' }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`go build in ${SOURCE} failed (exit ${result.status}); see the output above.`);
  process.stderr.write(`[temporal-server] built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

function paths(dir) {
  return { dir, server: path.join(dir, 'server'), vinhdanhServer: path.join(dir, `vinhdanh-server-${sourceHash()}`), sqlTool: path.join(dir, 'sql'), schemaDir: path.join(dir, 'schema', 'postgresql', 'v12') };
}

function complete(p) {
  return isExecutable(p.server) && isExecutable(p.sqlTool) && fs.existsSync(path.join(p.schemaDir, 'temporal', 'versioned'));
}

function ensureTemporalServer() {
  if (process.env.TEMPORAL_SERVER_DIR) {
    const p = paths(process.env.TEMPORAL_SERVER_DIR);
    if (!complete(p)) throw new Error(`TEMPORAL_SERVER_DIR=${p.dir} must hold server, sql and schema/postgresql/v12.`);
    if (!isExecutable(p.vinhdanhServer)) buildVinhdanhServer(p.vinhdanhServer);
    return p;
  }
  const p = paths(path.join(cacheBase(), `temporal-server-${VERSION}`));
  if (complete(p)) {
    if (!isExecutable(p.vinhdanhServer)) buildVinhdanhServer(p.vinhdanhServer);
    return p;
  }
  goInstall([`${MODULE}/cmd/server@${VERSION}`, `${MODULE}/cmd/tools/sql@${VERSION}`], p.dir, 'temporal-server');
  // The schemas ship in the module; the build just fetched it into the module cache.
  const go = findGo();
  const info = JSON.parse(execFileSync(go, ['mod', 'download', '-json', `${MODULE}@${VERSION}`], { encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } }));
  fs.cpSync(path.join(info.Dir, 'schema', 'postgresql', 'v12'), p.schemaDir, { recursive: true });
  fs.chmodSync(p.schemaDir, 0o755);
  if (!complete(p)) throw new Error(`the Temporal server build finished but ${p.dir} is incomplete.`);
  buildVinhdanhServer(p.vinhdanhServer);
  return p;
}

module.exports = { ensureTemporalServer, TEMPORAL_SERVER_VERSION: VERSION };

if (require.main === module) {
  try {
    const p = ensureTemporalServer();
    process.stderr.write(`[temporal-server] using ${p.dir} (${execFileSync(p.server, ['--version'], { encoding: 'utf8' }).trim()})\n`);
    process.stdout.write(`${p.dir}\n`);
  } catch (err) {
    process.stderr.write(`[temporal-server] ERROR: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
