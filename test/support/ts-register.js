/**
 * Lets a child `node` process run the TypeScript sources (the real worker entry point) the way
 * Jest does: swc transpiles with decorator metadata, and `@vinhdanh/*` resolves like tsconfig.
 * Used by the fault tests, which need a worker in its own process to SIGKILL.
 */
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require('./resolve-aliases');

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
