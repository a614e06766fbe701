import fs from 'node:fs';
import path from 'node:path';

/**
 * Workflow code is replayed; it must not reach I/O, NestJS or wall-clock randomness.
 * This guard reads every non-spec file under workflows/ and the domain code it may import.
 */
const ALLOWED = [/^@temporalio\/(workflow|common)$/, /^@vinhdanh\/domain(\/.*)?$/, /^\.\.?\//];
const TYPE_ONLY_ALLOWED = [/^@vinhdanh\/activities\/contracts$/, /^@temporalio\/common$/];
const FORBIDDEN_CALLS = [/Math\.random\(/, /\bsetTimeout\(/, /\bsetInterval\(/, /\bprocess\./, /\brequire\(/];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const root = path.join(__dirname, '..');
const files = [...sources(path.join(root, 'workflows')), ...sources(path.join(root, 'libs', 'domain', 'src'))];

describe('workflow determinism guard', () => {
  it.each(files.map((f) => [path.relative(root, f), f]))('%s imports only deterministic modules', (_, file) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
      const [, typeOnly, specifier] = m;
      const ok = ALLOWED.some((r) => r.test(specifier)) || (typeOnly && TYPE_ONLY_ALLOWED.some((r) => r.test(specifier)));
      expect({ file: path.relative(root, file), specifier, ok }).toEqual({ file: path.relative(root, file), specifier, ok: true });
    }
    for (const pattern of FORBIDDEN_CALLS) expect({ file: path.relative(root, file), pattern: String(pattern), found: pattern.test(text) }).toMatchObject({ found: false });
  });
});
