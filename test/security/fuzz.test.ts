import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { startStack, type Session, type Stack } from '../support/stack';
import { dossier, submit, waitForStep } from '../support/nominations';

/**
 * A fuzz run over the whole API, through the real API, worker, Temporal and PostgreSQL: for every
 * operation in the OpenAPI document, public ones included, requests whose path, query and JSON body
 * are drawn from the operation's own schemas — and then broken: every string may become text from
 * anywhere in Unicode (lone surrogates and NUL included), huge or empty; every number huge,
 * negative, fractional or a string; any value the wrong type. Nothing may answer 500, and no
 * workflow may be left failing its tasks.
 */
type Schema = { $ref?: string; type?: string; enum?: unknown[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; format?: string; minimum?: number; maximum?: number; maxLength?: number; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; additionalProperties?: boolean | Schema };
type Operation = { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] };

const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../docs/api/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
const RUNS = 25;

/** Anything at all, of any type: what a hostile client sends where a value was expected. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'x'.repeat(5000), "' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '9'.repeat(40), '2025-02-30', '-1', 'NaN', '{}', 'null'),
  fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 53 + 1, 1e308, -1e308, 0.5)),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

function resolve(s: Schema | undefined): Schema {
  let out = s ?? {};
  while (out.$ref) out = doc.components.schemas[out.$ref.split('/').pop()!] ?? {};
  if (out.allOf) out = Object.assign({}, ...out.allOf.map(resolve));
  return out;
}

/** A value that fits the schema (so the request reaches deeper code), or sometimes anything at all. */
function valueOf(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const fitting = ((): fc.Arbitrary<unknown> => {
    if (s.enum?.length) return fc.constantFrom(...s.enum);
    if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => valueOf(x, depth + 1)));
    switch (s.type) {
      case 'string':
        if (s.format === 'uuid') return fc.uuid();
        if (s.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
        if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
        return fc.string({ maxLength: Math.min(s.maxLength ?? 60, 60) });
      case 'integer':
        return fc.integer({ min: s.minimum ?? -10, max: s.maximum ?? 10_000 });
      case 'number':
        return fc.double({ min: s.minimum ?? -10, max: s.maximum ?? 10_000, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(valueOf(s.items, depth + 1), { maxLength: 3 });
      case 'object':
      default:
        if (depth > 3 || !s.properties) return fc.constant({});
        return fc.record(Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, valueOf(v, depth + 1)])), { requiredKeys: s.required ?? [] });
    }
  })();
  return fc.oneof({ arbitrary: fitting, weight: 4 }, { arbitrary: hostile, weight: 1 });
}

/** A path segment: a real id now and then, so the request gets past "not found". */
const segment = (real: string[]) => fc.oneof(fc.constantFrom(...real), fc.uuid(), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.constantFrom('0', '-1', '%ZZ', '..', 'a'.repeat(300)));

describe('a fuzz run over every operation', () => {
  let stack: Stack;
  let sessions: Session[];
  const real: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    sessions = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt', 'thanhtra', 'quantri', 'thuky.hoidong-tinh'].map((u) => stack.login(u)));
    const id = await submit(sessions[0], 'GK_DONVI', dossier('GK_DONVI'));
    await waitForStep(sessions[1], id, 'IN_REVIEW', 'UNIT');
    real.push(id, 'so-gddt', 'hd-ubnd-tinh', 'ke-hoach-823-kh-ubnd-2022', 'UNIT-1');
  });
  afterAll(() => stack?.close());

  const operations = Object.entries(doc.paths).flatMap(([template, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), template, op })));

  it('finds no 500 and no workflow failing its tasks', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [n, { method, template, op }] of operations.entries()) {
      const json = op.requestBody?.content?.['application/json'];
      if (op.requestBody && !json) continue; // uploads: their own tests send hostile files
      const params = op.parameters ?? [];
      const request = fc.record({
        path: fc.tuple(...params.filter((p) => p.in === 'path').map(() => segment(real))),
        query: fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, valueOf(p.schema)])), { requiredKeys: [] }),
        body: json ? valueOf(json.schema) : fc.constant(undefined),
        who: fc.integer({ min: -1, max: sessions.length - 1 }),
      });
      for (const r of fc.sample(request, { numRuns: RUNS, seed: 20261207 + n })) {
        let k = 0;
        const url = template.replace(/\{[^}]+\}/g, () => encodeURIComponent(String((r.path as unknown[])[k++])));
        const qs = new URLSearchParams(Object.entries(r.query as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([key, v]): [string, string] => [key, typeof v === "string" ? v : JSON.stringify(v)]));
        const token = r.who >= 0 ? sessions[r.who].token : undefined;
        const res = await fetch(`${stack.baseUrl}${url}${qs.size ? `?${qs}` : ''}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify(r.body ?? {}),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500 && res.status !== 503) failures.push(`${method} ${url}?${qs} → ${res.status} ${text.slice(0, 200)} body=${JSON.stringify(r.body)?.slice(0, 200)}`);
      }
    }
    console.log(`fuzz: ${sent} requests over ${operations.length} operations, ${failures.length} answered 5xx; by status ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    // The run reached past the edge: some requests were accepted, others refused for what they said.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0)).toBeGreaterThan(100);
    expect(failures).toEqual([]);

    // No workflow the run touched is failing its tasks (a poisoned input would retry for ever).
    const stuck: string[] = [];
    for await (const w of stack.temporal.workflow.list({ query: `TaskQueue = '${stack.config.taskQueue}'` })) {
      const events = (await stack.temporal.workflow.getHandle(w.workflowId, w.runId).fetchHistory()).events ?? [];
      if (events.some((e) => e.workflowTaskFailedEventAttributes)) stuck.push(`${w.type} ${w.workflowId}`);
    }
    expect(stuck).toEqual([]);
  });
});
