'use strict';
/** What the scripts that build Temporal's Go programs share: the cache, Go itself, `go install`. */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** ~/.cache/vinhdanh, or $VINHDANH_CACHE_DIR: outside the repo, kept between clones. */
function cacheBase() {
  return process.env.VINHDANH_CACHE_DIR || path.join(os.homedir(), '.cache', 'vinhdanh');
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function findGo() {
  return onPath('go') || (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
}

/** `go install` the modules into `targetDir`, with progress on stderr; a clear error without Go. */
function goInstall(modules, targetDir, label) {
  const go = findGo();
  if (!go) {
    throw new Error(`Go is not installed, so ${modules.join(' ')} cannot be built. Install Go (https://go.dev/dl/) and re-run.`);
  }
  fs.mkdirSync(targetDir, { recursive: true });
  process.stderr.write(`[${label}] building ${modules.join(' ')} with ${go} into ${targetDir} (the first build takes a few minutes)...\n`);
  const started = Date.now();
  const result = spawnSync(go, ['install', ...modules], { env: { ...process.env, GOBIN: targetDir, CGO_ENABLED: process.env.CGO_ENABLED || '0' }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`go install ${modules.join(' ')} failed (exit ${result.status}); see the output above.`);
  process.stderr.write(`[${label}] built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

module.exports = { cacheBase, isExecutable, onPath, findGo, goInstall };
