/**
 * What a validator answers, as one word for a table of cases: 'ACCEPTED', or the refusal's code,
 * with `@field` appended when the refusal names a field and `withField` is asked for.
 */
export function refusal(fn: () => void, opts: { withField?: boolean } = {}): string {
  try {
    fn();
  } catch (e) {
    const { code, field } = e as { code: string; field?: string };
    return opts.withField && field ? `${code}@${field}` : code;
  }
  return 'ACCEPTED';
}
