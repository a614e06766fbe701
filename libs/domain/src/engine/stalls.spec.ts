import { isPermanentSqlState, notStalled, stalledAfterAccepting, STALL_KINDS, STALL_TEXT, workflowStalled } from './stalls';

describe('which database refusals no retry can mend', () => {
  it.each([
    ['22P05', 'untranslatable character (a lone surrogate in jsonb)'],
    ['22023', 'invalid parameter value'],
    ['22001', 'string too long'],
    ['23502', 'not-null violation'],
    ['23503', 'foreign key violation'],
    ['23514', 'check violation'],
    ['42703', 'undefined column'],
    ['42501', 'insufficient privilege'],
  ])('%s (%s) is permanent', (state) => expect(isPermanentSqlState(state)).toBe(true));

  it.each([
    ['23505', 'unique violation: a concurrent writer, resolved by a retry'],
    ['40001', 'serialization failure'],
    ['40P01', 'deadlock'],
    ['57P01', 'admin shutdown'],
    ['08006', 'connection failure'],
    ['53300', 'too many connections'],
  ])('%s (%s) is transient', (state) => expect(isPermanentSqlState(state)).toBe(false));

  it('an error without a SQLSTATE is never taken for a permanent one', () => {
    for (const state of [undefined, '', '22', '2200', '220000', 'ECONNREFUSED']) expect(isPermanentSqlState(state)).toBe(false);
  });

  it('says every kind in both languages', () => {
    for (const kind of STALL_KINDS) {
      expect(STALL_TEXT[kind].vi).toMatch(/quản trị viên/);
      expect(STALL_TEXT[kind].en).toMatch(/administrator/);
    }
  });

  it('refuses with a reason in both languages: a new action, an action taken before the stall, a resume of nothing', () => {
    expect(workflowStalled().toBody()).toMatchObject({ code: 'WORKFLOW_STALLED', kind: 'CONFLICT', messageVi: expect.stringContaining('tạm dừng'), messageEn: expect.stringContaining('paused') });
    expect(stalledAfterAccepting().toBody()).toMatchObject({ code: 'ACCEPTED_BUT_STALLED', kind: 'UNAVAILABLE', messageVi: expect.stringContaining('Không cần gửi lại'), messageEn: expect.stringContaining('Do not send it again') });
    expect(notStalled().toBody()).toMatchObject({ code: 'NOT_STALLED', kind: 'CONFLICT' });
  });
});
