/**
 * After the integration suite: every operation of docs/api/openapi.json must have answered at
 * least one success, checked against the document by `test/support/contract.ts` (a 401 from the
 * unauthenticated sweep alone proves nothing of the body). Lists the operations without one, and
 * fails if there are any.
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
  const statuses = (op: string) => [...(seen.get(op) ?? [])];
  // A success is a 2xx, or the 3xx of an operation that sends the browser on (sign-in through the identity provider).
  const missing = operations.filter((op) => !statuses(op).some((s) => s.startsWith('2') || s.startsWith('3')));
  const withFailure = operations.filter((op) => statuses(op).some((s) => s >= '400'));
  console.log(`API contract: ${operations.length - missing.length}/${operations.length} operations answered a success checked against the document; ${withFailure.length} also a failure.`);
  if (missing.length) {
    console.error(`Operations with no success answer in the suite:\n  ${missing.map((op) => `${op} (seen: ${statuses(op).join(', ') || 'never called'})`).join('\n  ')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
