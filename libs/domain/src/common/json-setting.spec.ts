import { parseVotingRules } from '../council/voting-rules';
import { parseBaseSalary } from '../decisions/bonus';
import { readJsonSetting } from './json-setting';
import { DEFAULT_CALENDAR, parseCalendar } from './working-days';

describe('JSON settings', () => {
  it('unset is the defaults, JSON is read, anything else names the setting and its shape', () => {
    expect(readJsonSetting('X', '  ', '{}')).toEqual({ kind: 'unset' });
    expect(readJsonSetting('X', '{"a":1}', '{}')).toEqual({ kind: 'value', value: { a: 1 } });
    expect(readJsonSetting('X', '{a:1}', '{"a":n}')).toEqual({ kind: 'invalid', problem: 'X must be JSON: {"a":n}' });
  });

  it('HOLIDAYS, BASE_SALARY and VOTING_RULES refuse text that is not JSON, by name, and keep their defaults', () => {
    expect(parseCalendar('2027-02-08')).toEqual({ calendar: DEFAULT_CALENDAR, problems: [expect.stringMatching(/^HOLIDAYS must be JSON/)] });
    expect(parseBaseSalary('2530000').problems).toEqual(['BASE_SALARY must be a list of {"from","vnd","source"}']);
    expect(parseBaseSalary('[{from:1}]').problems).toEqual([expect.stringMatching(/^BASE_SALARY must be JSON/)]);
    expect(parseVotingRules('{rules:}')).toEqual({ overrides: { rules: {}, councils: {} }, problems: [expect.stringMatching(/^VOTING_RULES must be JSON/)] });
    expect(parseVotingRules(undefined).problems).toEqual([]);
  });
});
