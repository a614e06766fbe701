/**
 * After the integration suite: every operation of docs/api/openapi.json must have been called at
 * least once through a stack session, whose answers `test/support/contract.ts` checked against the
 * document. Lists the operations no test called, and fails if there are any.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const CONTRACT_LOG_DIR = path.join(ROOT, 'test-artifacts/contract');

function main(): void {
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/api/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(doc.paths).flatMap(([template, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${template}`));
  const seen = new Map<string, Set<string>>();
  const logs = fs.existsSync(CONTRACT_LOG_DIR) ? fs.readdirSync(CONTRACT_LOG_DIR).filter((f) => f.endsWith('.log')) : [];
  for (const file of logs) {
    for (const line of fs.readFileSync(path.join(CONTRACT_LOG_DIR, file), 'utf8').split('\n')) {
      const m = /^(\S+ \S+) (\d{3})$/.exec(line);
      if (m) seen.set(m[1], (seen.get(m[1]) ?? new Set()).add(m[2]));
    }
  }
  const missing = operations.filter((op) => !seen.has(op));
  const withFailure = operations.filter((op) => [...(seen.get(op) ?? [])].some((s) => s >= '400'));
  console.log(`API contract: ${operations.length - missing.length}/${operations.length} operations called and their answers checked; ${withFailure.length} also with a failure answer.`);
  if (missing.length) {
    console.error(`Operations no test called:\n  ${missing.join('\n  ')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
