import { isCouncilResult } from './events';

describe('a council result as a signal carries it', () => {
  const result = { sessionId: 's', councilId: 'hd-ubnd-tinh', result: 'PASSED', reasonVi: 'Đạt', reasonEn: 'Passed', ruleKey: 'PROVINCE_DEFAULT', tallyRef: '/t' };

  it('is recognised with every field the nomination reads', () => {
    expect(isCouncilResult(result)).toBe(true);
  });

  it.each([
    ['no payload at all', undefined],
    ['null', null],
    ['a string', 'PASSED'],
    ['an unknown result', { ...result, result: 'MAYBE' }],
    ['no session', { ...result, sessionId: undefined }],
    ['no reason', { ...result, reasonEn: 1 }],
  ])('is not: %s', (_what, value) => {
    expect(isCouncilResult(value)).toBe(false);
  });
});
