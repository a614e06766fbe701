import path from 'node:path';
import fs from 'node:fs';
import type { BundleOptions } from '@temporalio/worker';
import { failureConverterPath } from './codec/failure-converter-path';

/** Repository root, whether running from TypeScript sources or from `dist/`. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  // dist/libs/platform/src → dist has no package.json, so the loop lands on the repo root either way.
  return dir;
}

/**
 * How to bundle `workflows/` for the Temporal worker. Workflow code imports domain code through the
 * `@vinhdanh/*` aliases; in `dist/` tsc-alias has already rewritten them, from sources the bundler
 * needs the same aliases as tsconfig.
 */
export function workflowBundleOptions(): BundleOptions {
  const root = repoRoot();
  const compiled = __filename.endsWith('.js') && __dirname.includes(`${path.sep}dist${path.sep}`);
  const base = compiled ? path.join(root, 'dist') : root;
  const workflowsPath = path.join(base, 'workflows', compiled ? 'index.js' : 'index.ts');
  return {
    workflowsPath,
    // Inside the sandbox too, failure messages are encoded as payloads so the codec encrypts them.
    failureConverterPath: failureConverterPath(),
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string>),
        '@vinhdanh/domain': path.join(base, 'libs', 'domain', 'src'),
        '@vinhdanh/workflows': path.join(base, 'workflows'),
        '@vinhdanh/activities': path.join(base, 'activities'),
      };
      return config;
    },
  };
}
