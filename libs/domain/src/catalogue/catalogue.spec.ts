import { awardDefinition, catalogueFor, catalogueVersions, isAwardCode } from './catalogue';
import { AWARD_CODES } from './types';

describe('award catalogue', () => {
  it('selects the version in force on a date, at the boundary', () => {
    expect(catalogueFor('2025-06-30').version).toBe('2024.1');
    expect(catalogueFor('2025-07-01').version).toBe('2025.2');
    expect(() => catalogueFor('2023-12-31')).toThrow(/2024-01-01/);
  });

  it('gives commune chairmen grassroots titles from 01/07/2025 (Decree 129/2025)', () => {
    expect(awardDefinition('TTLDTT', '2025-06-30').decider.vi).not.toMatch(/cấp xã/);
    expect(awardDefinition('TTLDTT', '2025-07-01').decider.vi).toMatch(/Chủ tịch UBND cấp xã/);
    expect(awardDefinition('TTLDTT', '2025-07-01').decider.citation.some((c) => c.source === 'S41')).toBe(true);
  });

  it.each(catalogueVersions().flatMap((v) => AWARD_CODES.map((code) => [v.version, code] as const)))('%s %s is complete and routed to its deciding level', (version, code) => {
    const award = catalogueVersions().find((v) => v.version === version)!.awards[code];
    expect(award.code).toBe(code);
    expect(award.route[0]).toBe('UNIT');
    expect(award.route[award.route.length - 1]).toBe(award.decidingLevel);
    expect(award.criteria.length).toBeGreaterThan(0);
    for (const c of award.criteria) expect(c.citation.length).toBeGreaterThan(0);
    expect(award.requiredDocuments.map((d) => d.code)).toEqual(expect.arrayContaining(['TO_TRINH', 'BAO_CAO_THANH_TICH']));
    for (const council of award.council) expect(award.route).toContain(council.level);
  });

  it('routes the three tiers of the seed plan', () => {
    expect(awardDefinition('GK_DONVI', '2025-12-31').route).toEqual(['UNIT']);
    expect(awardDefinition('BK_TINH', '2025-12-31').route).toEqual(['UNIT', 'PROVINCE']);
    expect(awardDefinition('BK_TTG', '2025-12-31').route).toEqual(['UNIT', 'PROVINCE', 'CENTRAL']);
    expect(awardDefinition('HCLD3', '2025-12-31').publicDisclosure?.workingDays).toBe(10);
  });

  it('knows its codes', () => {
    expect(isAwardCode('BK_TINH')).toBe(true);
    expect(isAwardCode('HUY_CHUONG_VANG')).toBe(false);
  });
});
