import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Every answer the end-to-end suite receives from a stack's API (through a session or a raw
 * `fetch`) is checked against the committed OpenAPI document (docs/api/openapi.json, which `npm run api:check` keeps equal to the
 * code): the status must be one the operation declares, and a JSON body must match its schema,
 * error bodies included. Each checked answer is recorded, so `scripts/contract-coverage.ts` can
 * tell after the run which operations no test called.
 */

const ROOT = path.resolve(__dirname, '../..');
const DOCUMENT = path.join(ROOT, 'docs/api/openapi.json');

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

let loaded: { operations: Operation[]; ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

function contract() {
  if (loaded) return loaded;
  const doc = JSON.parse(fs.readFileSync(DOCUMENT, 'utf8')) as { paths: Record<string, Record<string, Pick<Operation, 'responses'>>>; components: object };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'vinhdanh-openapi', components: doc.components });
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      operations.push({ method: method.toUpperCase(), template, pattern, responses: op.responses });
    }
  }
  // Static segments first, so /councils/mine is not taken for /councils/{councilId}.
  operations.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  loaded = { operations, ajv, validators: new Map() };
  return loaded;
}

function findOperation(method: string, urlPath: string): Operation | undefined {
  const p = urlPath.split('?')[0];
  return contract().operations.find((o) => o.method === method && o.pattern.test(p));
}

/** Throws, naming the operation and the mismatch, when an answer breaks the contract. */
export function checkAnswer(method: string, urlPath: string, status: number, contentType: string | null, body: unknown): void {
  const op = findOperation(method, urlPath);
  if (!op) {
    // Not an operation of the API (the web app's pages, the docs, or a route that does not exist).
    if (status === 404 && contentType?.includes('json')) validate('ApiError', body, `${method} ${urlPath} ${status}`);
    return;
  }
  const where = `${method} ${op.template} → ${status}`;
  const response = op.responses[String(status)];
  if (!response) return fail(`API contract: ${where} is not a status the document declares (declared: ${Object.keys(op.responses).join(', ')})`);
  record(op, status);
  const media = Object.keys(response.content ?? {});
  if (!media.length) return;
  const type = (contentType ?? '').split(';')[0].trim();
  if (!media.includes(type)) return fail(`API contract: ${where} answered ${type || 'no content type'}, not one of ${media.join(', ')}`);
  const schema = response.content![type].schema as { $ref?: string } | undefined;
  if (type !== 'application/json' || !schema?.$ref) return;
  validate(schema.$ref.replace('#/components/schemas/', ''), body, where);
}

function validate(name: string, body: unknown, where: string): void {
  const { ajv, validators } = contract();
  let fn = validators.get(name);
  if (!fn) {
    fn = ajv.compile({ $ref: `vinhdanh-openapi#/components/schemas/${name}` });
    validators.set(name, fn);
  }
  if (!fn(body)) {
    const problems = (fn.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
    fail(`API contract: ${where} does not match ${name}:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 600)}`);
  }
}

function record(op: Operation, status: number): void {
  const dir = process.env.VINHDANH_CONTRACT_LOG;
  if (dir) fs.appendFileSync(path.join(dir, `${process.pid}.log`), `${op.method} ${op.template} ${status}\n`);
}

/** A broken contract fails the test; with VINHDANH_CONTRACT_SURVEY set, it is listed there instead (to survey a whole run). */
function fail(message: string): void {
  const survey = process.env.VINHDANH_CONTRACT_SURVEY;
  if (!survey) throw new Error(message);
  fs.appendFileSync(survey, `${message}\n---\n`);
}

const watched = new Set<string>();
let original: typeof fetch | undefined;

/**
 * Checks every answer from this API origin, whoever fetched it: the helpers' sessions and the
 * tests' own raw requests alike. The harness only observes; requests and answers pass unchanged.
 */
export function watchApi(baseUrl: string): void {
  watched.add(new URL(baseUrl).origin);
  if (original) return;
  const fetchBefore = globalThis.fetch;
  original = fetchBefore;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetchBefore(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (!watched.has(url.origin)) return res;
    // 431: Node's HTTP parser refuses oversized headers before the application sees the request.
    if (res.status === 431) return res;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const text = await res.clone().text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* a file or a page */
    }
    checkAnswer(method, url.pathname, res.status, res.headers.get('content-type'), body);
    return res;
  };
}
