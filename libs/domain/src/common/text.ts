/**
 * Text that can be stored. A JavaScript string may hold what no database or document can: a lone
 * surrogate (`"\ud800"` is valid JSON, yet not Unicode, and PostgreSQL's jsonb refuses it) or the
 * NUL character (refused by every PostgreSQL text type). Such text accepted at the edge would reach
 * a workflow and then fail its projection on every retry, so it is refused where it enters.
 */
export type TextProblem = 'LONE_SURROGATE' | 'NUL';

export function textProblem(text: string): TextProblem | undefined {
  if (text.includes('\u0000')) return 'NUL';
  // Well formed: every high surrogate followed by a low one, no low one alone (ES2024 isWellFormed).
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) ? 'LONE_SURROGATE' : undefined;
}

/**
 * The first string (or object key) anywhere in a parsed value that cannot be stored, with its path
 * (`nominee.name`, `documents[2].title`); undefined when all text is well formed.
 */
export function firstBadText(value: unknown, path = '', depth = 0): { path: string; problem: TextProblem } | undefined {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, problem } : undefined;
  }
  // Bodies are depth-limited before this runs; the bound only keeps a hostile value from recursing without end.
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstBadText(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${key}` : key;
    const keyProblem = textProblem(key);
    if (keyProblem) return { path: here, problem: keyProblem };
    const found = firstBadText(inner, here, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The text with each lone surrogate replaced by U+FFFD and NUL removed: what may be shown and stored of it. */
export function storable(text: string): string {
  return text.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
