/**
 * What a client written against an earlier release of the API document would no longer be able to
 * rely on. `npm run api:check` compares the document with the last release in docs/api/releases/
 * and fails when there are such changes and the major version did not change.
 *
 * Checked: operations taken away; success statuses taken away; parameters that became required
 * or appeared required; properties taken away from a schema that answers carry; properties that
 * became required in a schema that requests carry; enum values taken away from what requests may
 * send. Additions of any kind are not breaking.
 */

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function breakingChanges(before: Json, after: Json): string[] {
  const out: string[] = [];
  const requestSchemas = reachable(before, 'request');
  const responseSchemas = reachable(before, 'response');
  for (const [path, item] of Object.entries<Json>(before.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m])) {
      const was = item[method];
      const now = after.paths?.[path]?.[method];
      const op = `${method.toUpperCase()} ${path}`;
      if (!now) {
        out.push(`${op}: the operation was removed`);
        continue;
      }
      for (const status of Object.keys(was.responses ?? {}).filter((s) => s.startsWith('2'))) {
        if (!now.responses?.[status]) out.push(`${op}: the ${status} answer was removed`);
      }
      const wasRequired = requiredParameters(before, was);
      for (const p of requiredParameters(after, now)) if (!wasRequired.has(p)) out.push(`${op}: parameter ${p} is now required`);
    }
  }
  const schemasBefore: Json = before.components?.schemas ?? {};
  const schemasAfter: Json = after.components?.schemas ?? {};
  for (const [name, was] of Object.entries<Json>(schemasBefore)) {
    const now = schemasAfter[name];
    if (!now) {
      if (requestSchemas.has(name) || responseSchemas.has(name)) out.push(`schema ${name} was removed`);
      continue;
    }
    if (responseSchemas.has(name)) {
      for (const prop of Object.keys(was.properties ?? {})) if (!(prop in (now.properties ?? {}))) out.push(`schema ${name}: property ${prop} was removed from answers`);
    }
    if (requestSchemas.has(name)) {
      const wasRequired = new Set<string>(was.required ?? []);
      for (const prop of now.required ?? []) if (!wasRequired.has(prop)) out.push(`schema ${name}: property ${prop} is now required in requests`);
      for (const [prop, schema] of Object.entries<Json>(was.properties ?? {})) {
        const lost = (schema.enum ?? []).filter((v: unknown) => !(now.properties?.[prop]?.enum ?? schema.enum).includes(v));
        if (lost.length) out.push(`schema ${name}: ${prop} no longer accepts ${lost.join(', ')}`);
      }
    }
  }
  return out;
}

/** An operation's required parameters as `in:name`, shared ones ($ref) resolved in their document. */
function requiredParameters(doc: Json, operation: Json): Set<string> {
  return new Set((operation.parameters ?? []).map((p: Json) => resolve(doc, p)).filter((p: Json) => p.required).map((p: Json) => `${p.in}:${p.name}`));
}

function resolve(doc: Json, node: Json): Json {
  if (typeof node?.$ref !== 'string') return node;
  return node.$ref.split('/').slice(1).reduce((o: Json, k: string) => o?.[k], doc) ?? {};
}

/** The component schemas that requests (or answers) of the document carry, directly or nested. */
function reachable(doc: Json, side: 'request' | 'response'): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (names.has(name)) return;
      names.add(name);
      visit(doc.components?.schemas?.[name]);
    }
    Object.values(node).forEach(visit);
  };
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const method of METHODS.filter((m) => item[m])) visit(side === 'request' ? item[method].requestBody : item[method].responses);
  }
  return names;
}
