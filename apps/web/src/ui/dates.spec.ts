import { parseDate, showDate } from './dates';

describe('dates as written here', () => {
  it('reads dd/mm/yyyy (and d/m/yyyy, dots or dashes) and ISO, and only real calendar dates', () => {
    expect(parseDate('31/12/2025')).toBe('2025-12-31');
    expect(parseDate(' 1/7/2025 ')).toBe('2025-07-01');
    expect(parseDate('20.12.2024')).toBe('2024-12-20');
    expect(parseDate('2024-12-20')).toBe('2024-12-20');
    expect(parseDate('31/02/2025')).toBeUndefined();
    expect(parseDate('12/31/2025')).toBeUndefined();
    expect(parseDate('20/12')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
  });

  it('shows ISO dates day first, and leaves text being typed alone', () => {
    expect(showDate('2025-12-31')).toBe('31/12/2025');
    expect(showDate('20/12')).toBe('20/12');
    expect(showDate('')).toBe('');
  });
});
