/**
 * `@vinhdanh/*` resolved as tsconfig's paths do, for code Node loads outside Jest's module map: the
 * global setup (which Jest runs without moduleNameMapper) and child processes (ts-register.js).
 */
'use strict';
const Module = require('node:module');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const ALIASES = { domain: 'libs/domain/src', persistence: 'libs/persistence/src', platform: 'libs/platform/src', workflows: 'workflows', activities: 'activities' };

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const m = /^@vinhdanh\/(domain|persistence|platform|workflows|activities)(\/.*)?$/.exec(request);
  if (m) request = path.join(root, ALIASES[m[1]], m[2] ?? '');
  return resolve.call(this, request, parent, ...rest);
};
