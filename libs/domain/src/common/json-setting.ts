/**
 * The first step of every JSON setting (VOTING_RULES, HOLIDAYS, BASE_SALARY): unset means the
 * defaults; text that is not JSON is a problem naming the setting and the shape it expects.
 */
export type JsonSetting = { kind: 'unset' } | { kind: 'value'; value: unknown } | { kind: 'invalid'; problem: string };

export function readJsonSetting(name: string, json: string | undefined, shape: string): JsonSetting {
  if (!json?.trim()) return { kind: 'unset' };
  try {
    return { kind: 'value', value: JSON.parse(json) };
  } catch {
    return { kind: 'invalid', problem: `${name} must be JSON: ${shape}` };
  }
}
