import fs from 'node:fs';
import path from 'node:path';

/** Where the product raises errors that reach an API caller (the web app only displays them). */
const ROOTS = ['apps/api/src', 'libs/domain/src', 'libs/persistence/src', 'libs/platform/src', 'workflows', 'activities'];
const RAISED = [
  // invalid(code, …), conflict(code, …), … — the domain's error constructors.
  /\b(?:invalid|forbidden|conflict|notFound|unprocessable)\(\s*'([A-Z][A-Z0-9_]*)'/g,
  // { code, kind, … } or { code, messageVi, … } with a literal code — error bodies written out.
  /\bcode: '([A-Z][A-Z0-9_]*)',\s*(?:kind|messageVi|retryAfterSeconds)\b/g,
];

/** Every error code raised in the product's source, sorted: what the contract's list must hold. */
export function scanErrorCodes(repoRoot: string): string[] {
  const codes = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const pattern of RAISED) for (const m of text.matchAll(pattern)) codes.add(m[1]);
      }
    }
  };
  for (const root of ROOTS) visit(path.join(repoRoot, root));
  return [...codes].sort();
}
