import { awardDefinition } from '../catalogue/catalogue';
import { findMovement, seedMovements } from './movement';

describe('seed plan 823/KH-UBND as data', () => {
  it('has its two phases within its period and maps its three tiers to catalogue awards', () => {
    const plan = findMovement('ke-hoach-823-kh-ubnd-2022')!;
    expect(plan.documentNumber).toBe('823/KH-UBND');
    expect(plan.phases.map((p) => p.code)).toEqual(['SO_KET', 'TONG_KET']);
    for (const p of plan.phases) expect(p.from >= plan.period.from && p.to <= plan.period.to).toBe(true);
    const tiers = plan.awardForms.map((f) => f.awardCodes.map((c) => awardDefinition(c, '2025-12-31').tier));
    expect(tiers).toEqual([['STATE', 'STATE', 'STATE', 'STATE'], ['BANG_KHEN_TINH'], ['GIAY_KHEN', 'GIAY_KHEN']]);
    expect(plan.priorities.map((p) => p.en)).toContain('Favour small collectives and front-line workers');
  });
  it('lists the seeded movements', () => expect(seedMovements()).toHaveLength(1));
});
