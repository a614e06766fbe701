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
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { cacheBase, findGo, goInstall, isExecutable } = require('./go-tools');

const VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

function paths(dir) {
  return { dir, server: path.join(dir, 'server'), sqlTool: path.join(dir, 'sql'), schemaDir: path.join(dir, 'schema', 'postgresql', 'v12') };
}

function complete(p) {
  return isExecutable(p.server) && isExecutable(p.sqlTool) && fs.existsSync(path.join(p.schemaDir, 'temporal', 'versioned'));
}

function ensureTemporalServer() {
  if (process.env.TEMPORAL_SERVER_DIR) {
    const p = paths(process.env.TEMPORAL_SERVER_DIR);
    if (!complete(p)) throw new Error(`TEMPORAL_SERVER_DIR=${p.dir} must hold server, sql and schema/postgresql/v12.`);
    return p;
  }
  const p = paths(path.join(cacheBase(), `temporal-server-${VERSION}`));
  if (complete(p)) return p;
  goInstall([`${MODULE}/cmd/server@${VERSION}`, `${MODULE}/cmd/tools/sql@${VERSION}`], p.dir, 'temporal-server');
  // The schemas ship in the module; the build just fetched it into the module cache.
  const go = findGo();
  const info = JSON.parse(execFileSync(go, ['mod', 'download', '-json', `${MODULE}@${VERSION}`], { encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } }));
  fs.cpSync(path.join(info.Dir, 'schema', 'postgresql', 'v12'), p.schemaDir, { recursive: true });
  fs.chmodSync(p.schemaDir, 0o755);
  if (!complete(p)) throw new Error(`the Temporal server build finished but ${p.dir} is incomplete.`);
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
