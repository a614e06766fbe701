/**
 * Lets a child `node` process run the TypeScript sources (the real worker entry point) the way
 * Jest does: swc transpiles with decorator metadata, and `@vinhdanh/*` resolves like tsconfig.
 * Used by the fault tests, which need a worker in its own process to SIGKILL.
 */
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.join(__dirname, '..', '..');
const ALIASES = { domain: 'libs/domain/src', persistence: 'libs/persistence/src', platform: 'libs/platform/src', workflows: 'workflows', activities: 'activities' };

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const m = /^@vinhdanh\/(domain|persistence|platform|workflows|activities)(\/.*)?$/.exec(request);
  if (m) request = path.join(root, ALIASES[m[1]], m[2] ?? '');
  return resolve.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
