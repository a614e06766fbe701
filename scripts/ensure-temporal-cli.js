#!/usr/bin/env node
/**
 * Finds or builds the Temporal CLI (which contains the dev server and Web UI).
 *
 * Order: $TEMPORAL_CLI_PATH, then `temporal` on PATH, then the cache outside the repo
 * (~/.cache/vinhdanh/temporal-v1.5.1/ or $VINHDANH_CACHE_DIR), and otherwise builds it there with
 * `go install github.com/temporalio/cli/cmd/temporal@v1.5.1`. v1.5.1 is pinned because later tags
 * carry a replace directive that `go install` refuses. The binary is never put in the repo.
 *
 * Usable as a module (`ensureTemporalCli()` returns the path) and as a script (prints the path).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { cacheBase, goInstall, isExecutable, onPath, findGo } = require('./go-tools');

const VERSION = 'v1.5.1';
const MODULE = `github.com/temporalio/cli/cmd/temporal@${VERSION}`;

function cacheDir() {
  return path.join(cacheBase(), `temporal-${VERSION}`);
}

function log(message) {
  process.stderr.write(`[temporal-cli] ${message}\n`);
}

function build(targetDir) {
  if (!findGo()) {
    throw new Error(
      'No Temporal CLI found and Go is not installed, so it cannot be built.\n' +
        `Install Go (https://go.dev/dl/) and re-run, or set TEMPORAL_CLI_PATH to a temporal ${VERSION} binary,\n` +
        'or set TEMPORAL_ADDRESS to use a Temporal server you already run.',
    );
  }
  goInstall([MODULE], targetDir, 'temporal-cli');
}

function ensureTemporalCli() {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const found = onPath('temporal');
  if (found) return found;
  const cached = path.join(cacheDir(), 'temporal');
  if (isExecutable(cached)) return cached;
  build(cacheDir());
  if (!isExecutable(cached)) throw new Error(`go install finished but ${cached} is missing.`);
  return cached;
}

module.exports = { ensureTemporalCli, TEMPORAL_CLI_VERSION: VERSION };

if (require.main === module) {
  try {
    const cli = ensureTemporalCli();
    const version = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
    log(`using ${cli} (${version})`);
    process.stdout.write(`${cli}\n`);
  } catch (err) {
    log(`ERROR: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
