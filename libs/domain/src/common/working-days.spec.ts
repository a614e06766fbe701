import { addDays, addWorkingDays, parseCalendar } from './working-days';

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    // Monday 2025-03-03 + 10 working days → Monday 2025-03-17.
    expect(addWorkingDays('2025-03-03', 10)).toBe('2025-03-17');
    // Friday + 1 → Monday.
    expect(addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
  });

  it('starts counting the day after, from a weekend too', () => {
    expect(addWorkingDays('2025-03-08T15:00:00Z', 1)).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-03', 0)).toBe('2025-03-03');
  });

  it('skips Tết: ten working days from Friday 2026-02-13 end on Friday 2026-03-06, not 2026-02-27', () => {
    expect(addWorkingDays('2026-02-13', 10)).toBe('2026-03-06');
  });

  it('counts a Saturday made a working day, and holidays added by configuration', () => {
    // 2025-04-26 (Saturday) was worked in exchange for 2025-05-02.
    expect(addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    const { calendar, problems } = parseCalendar('{"holidays":["2027-02-08","2027-02-09"]}');
    expect(problems).toEqual([]);
    expect(addWorkingDays('2027-02-05', 1, calendar)).toBe('2027-02-10');
    expect(calendar.holidays).toContain('2026-02-16');
  });

  it('refuses a malformed calendar by name', () => {
    expect(parseCalendar('{"holiday":["2027-02-08"]}').problems).toEqual([expect.stringContaining('unknown key "holiday"')]);
    expect(parseCalendar('{"holidays":["08/02/2027"]}').problems).toEqual([expect.stringContaining('"08/02/2027", not a date')]);
  });

  it('adds calendar days for the village posting of Gia đình văn hóa', () => {
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
  });
});
