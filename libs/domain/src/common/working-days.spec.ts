import { addWorkingDays } from './working-days';

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
});
