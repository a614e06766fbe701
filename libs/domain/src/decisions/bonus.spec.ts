import { awardDefinition } from '../catalogue';
import { bonusFor, parseBaseSalary } from './bonus';

describe('tiền thưởng', () => {
  it('is the multiple times the base salary in force on the decision date', () => {
    const cstdcs = awardDefinition('CSTDCS', '2025-12-31');
    expect(bonusFor(cstdcs, 'INDIVIDUAL', '2024-06-30')).toMatchObject({ multiple: 1, baseSalaryVnd: 1_800_000, amountVnd: 1_800_000 });
    expect(bonusFor(cstdcs, 'INDIVIDUAL', '2024-07-01')).toMatchObject({ multiple: 1, baseSalaryVnd: 2_340_000, amountVnd: 2_340_000 });
    expect(bonusFor(awardDefinition('LDTT', '2025-12-31'), 'INDIVIDUAL', '2025-01-10')?.amountVnd).toBe(702_000);
    expect(bonusFor(awardDefinition('HCLD3', '2025-12-31'), 'INDIVIDUAL', '2025-09-02')).toMatchObject({ multiple: 4.5, amountVnd: 10_530_000, uncertain: true });
  });

  it('follows the recipient: a collective gets the collective multiple, and none where the law gives none', () => {
    expect(bonusFor(awardDefinition('TTLDXS', '2025-12-31'), 'COLLECTIVE', '2026-01-15')?.amountVnd).toBe(3_510_000);
    expect(bonusFor(awardDefinition('AHLD', '2025-12-31'), 'INDIVIDUAL', '2026-01-15')).toBeUndefined();
  });

  it('takes later base salaries from configuration, checked', () => {
    const { table, problems } = parseBaseSalary('[{"from":"2026-07-01","vnd":2530000,"source":"Nghị định giả định"}]');
    expect(problems).toEqual([]);
    expect(bonusFor(awardDefinition('CSTDCS', '2025-12-31'), 'INDIVIDUAL', '2026-07-01', table)?.amountVnd).toBe(2_530_000);
    expect(parseBaseSalary('[{"from":"2026-07-01","vnd":-1}]').problems).toEqual([expect.stringContaining('vnd'), expect.stringContaining('source')]);
  });
});
