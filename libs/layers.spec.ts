import fs from 'node:fs';
import path from 'node:path';

/**
 * The layer rules of docs/architecture.md, enforced: what each part may import, and no import
 * cycles between files. Tests, specs and fixtures are outside the rules.
 */
const ROOT = path.join(__dirname, '..');
const PARTS = ['libs/domain', 'libs/persistence', 'libs/platform', 'workflows', 'activities', 'apps/api', 'apps/worker', 'apps/launcher', 'apps/web', 'bench'] as const;
type Part = (typeof PARTS)[number];

/** Each part and the parts it may import (itself always). */
const MAY_IMPORT: Record<Part, Part[]> = {
  'libs/domain': [],
  'libs/persistence': ['libs/domain'],
  'libs/platform': ['libs/domain'],
  workflows: ['libs/domain'],
  activities: ['libs/domain', 'libs/persistence', 'libs/platform'],
  'apps/api': ['libs/domain', 'libs/persistence', 'libs/platform', 'workflows'],
  'apps/worker': ['libs/domain', 'libs/persistence', 'libs/platform', 'workflows', 'activities'],
  'apps/launcher': ['libs/domain', 'libs/persistence', 'libs/platform', 'apps/api', 'apps/worker'],
  'apps/web': ['libs/domain'],
  // The bench runs one pass of the worker's own archiver to measure it.
  bench: ['libs/domain', 'libs/persistence', 'libs/platform', 'workflows', 'apps/worker'],
};
const ALIAS: Record<string, string> = { domain: 'libs/domain/src', persistence: 'libs/persistence/src', platform: 'libs/platform/src', workflows: 'workflows', activities: 'activities' };

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'dist', 'test'].includes(e.name) ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.(spec|test|d)\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const alias = /^@vinhdanh\/(domain|persistence|platform|workflows|activities)(\/.*)?$/.exec(spec);
  const base = alias ? path.join(ROOT, ALIAS[alias[1]], alias[2] ?? '') : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return undefined;
}

const partOf = (file: string): Part | undefined => PARTS.find((p) => path.relative(path.join(ROOT, p), file).split(path.sep)[0] !== '..');
const files = PARTS.flatMap((p) => sources(path.join(ROOT, p)));
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
/** A query call with a literal statement, or an SQL statement opening a string. */
const SQL = /\.query(?:<[^>]*>)?\(\s*[`'"]|[`'"]\s*(?:SELECT|INSERT INTO|UPDATE\s+\w+\s+SET|DELETE FROM|WITH RECURSIVE|CREATE (?:TABLE|DATABASE|SCHEMA))\b/;
const edges = new Map(files.map((f) => [f, [...fs.readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => resolve(f, m[1] ?? m[2] ?? m[3] ?? m[4])).filter((t): t is string => !!t)]));

describe('architecture (docs/architecture.md)', () => {
  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('no import runs from a lower layer to a higher one', () => {
    const wrong = [...edges].flatMap(([from, targets]) => {
      const a = partOf(from)!;
      return targets.map((t) => [a, partOf(t), t] as const).filter(([a, b]) => b && b !== a && !MAY_IMPORT[a].includes(b)).map(([a, b, t]) => `${path.relative(ROOT, from)} (${a}) → ${path.relative(ROOT, t)} (${b})`);
    });
    expect(wrong).toEqual([]);
  });

  it('raw SQL appears only under libs/persistence', () => {
    const outside = files.filter((f) => partOf(f) !== 'libs/persistence' && SQL.test(fs.readFileSync(f, 'utf8')));
    expect(outside.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('the rule above would see SQL if it were there', () => {
    // The rule's own check: the statements this codebase writes are the ones it catches.
    const persistence = files.filter((f) => partOf(f) === 'libs/persistence' && SQL.test(fs.readFileSync(f, 'utf8')));
    expect(persistence.length).toBeGreaterThan(15);
    expect(SQL.test('handle.query(sessionQuery)')).toBe(false);
  });

  it('has no import cycles between files', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(ROOT, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of edges.get(f) ?? []) visit(t, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  /*
   * Inside the API: the shared floor (what every feature stands on) imports no feature, and a
   * feature imports another only through the files that feature offers as its seam. The top
   * (the application module, bootstrap, the list of answers) may import anything.
   */
  const API = path.join(ROOT, 'apps/api/src');
  const SHARED = ['common', 'contract', 'temporal', 'web', 'auth'];
  const SEAMS = [
    'nominations/nominations.module.ts', 'nominations/nominations.service.ts', 'nominations/nominations.query.ts', 'nominations/decision-documents.service.ts', 'nominations/dto.ts',
    'nominees/nominee-identity.ts',
    'documents/files.ts',
  ];
  const folderOf = (file: string) => {
    const rel = path.relative(API, file).split(path.sep);
    return rel[0] === '..' || rel.length === 1 ? undefined : rel[0];
  };
  const apiImports = [...edges].filter(([from]) => folderOf(from)).flatMap(([from, targets]) => targets.filter((t) => folderOf(t) && folderOf(t) !== folderOf(from)).map((t) => [from, t] as const));

  it('inside the API, the shared floor imports no feature, and features meet only at declared seams', () => {
    const wrong = apiImports
      .filter(([from, to]) => (SHARED.includes(folderOf(from)!) ? !SHARED.includes(folderOf(to)!) : !SHARED.includes(folderOf(to)!) && !SEAMS.includes(path.relative(API, to).split(path.sep).join('/'))))
      .map(([from, to]) => `${path.relative(ROOT, from)} → ${path.relative(ROOT, to)}`);
    expect(wrong).toEqual([]);
    // The rule sees the imports it governs: features do stand on the shared floor and meet at seams.
    expect(apiImports.filter(([, to]) => SHARED.includes(folderOf(to)!)).length).toBeGreaterThan(50);
    expect(apiImports.filter(([, to]) => SEAMS.includes(path.relative(API, to).split(path.sep).join('/'))).length).toBeGreaterThan(5);
  });
});
