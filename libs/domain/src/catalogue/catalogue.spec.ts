import { awardDefinition, awardForNomination, catalogueFor, catalogueVersions, isAwardCode } from './catalogue';
import { AWARD_CODES } from './types';

const instruments = (cs: { instrument: string }[]) => cs.map((c) => c.instrument).join(' | ');

describe('award catalogue', () => {
  it('selects the version in force on a date, at the boundary', () => {
    expect(catalogueFor('2025-06-30').version).toBe('2024.1');
    expect(catalogueFor('2025-07-01').version).toBe('2025.2');
    expect(() => catalogueFor('2023-12-31')).toThrow(/2024-01-01/);
  });

  it('has every award of the three tiers, with a route, councils on it, and criteria that cite an article or say why not', () => {
    const all = new Set(catalogueVersions().flatMap((v) => Object.keys(v.awards)));
    expect([...all].sort()).toEqual([...AWARD_CODES].sort());
    for (const v of catalogueVersions()) {
      for (const award of Object.values(v.awards)) {
        expect(award.route[0]).toBe('UNIT');
        expect(award.route[award.route.length - 1]).toBe(award.decidingLevel);
        expect(award.criteria.length).toBeGreaterThan(0);
        for (const c of [...award.criteria.flatMap((x) => x.citation), ...award.decider.citation]) expect(c.article ?? c.note).toBeTruthy();
        for (const council of award.council) expect(award.route).toContain(council.level);
        expect(award.requiredDocuments.map((d) => d.code)).toEqual(expect.arrayContaining(['TO_TRINH']));
      }
    }
  });

  it('keeps the district Giấy khen in 2024 only, and refuses it after the districts were abolished', () => {
    expect(awardDefinition('GK_HUYEN', '2025-06-30').decider.vi).toMatch(/cấp huyện/);
    expect(() => awardDefinition('GK_HUYEN', '2025-07-01')).toThrow(/01\/07\/2025/);
  });

  it('routes BK tỉnh through the provincial council, and the State awards through both councils', () => {
    expect(awardDefinition('BK_TINH', '2025-12-31').council).toEqual([expect.objectContaining({ level: 'PROVINCE', required: true })]);
    expect(awardDefinition('HCLD3', '2025-12-31').council.map((c) => c.level)).toEqual(['PROVINCE', 'CENTRAL']);
  });

  it('has the President decide the Labour Orders and Hero of Labour, and the Prime Minister the PM awards', () => {
    for (const code of ['HCLD1', 'HCLD2', 'HCLD3', 'AHLD'] as const) {
      const a = awardDefinition(code, '2025-12-31');
      expect(a.president).toBe(true);
      expect(a.decider.citation.map((c) => c.article)).toContain('83');
    }
    expect(awardDefinition('BK_TTG', '2025-12-31').president).toBeUndefined();
  });

  it('cites the provincial Chairman’s power to Art 79 (inferred, said so), not Art 83(4)', () => {
    const decider = awardDefinition('CSTD_TINH', '2025-12-31').decider;
    expect(decider.citation).toEqual([expect.objectContaining({ article: '79', note: expect.anything() })]);
  });

  it('posts State awards for 10 working days, citing Decree 98 in 2024 and Decree 152 in 2025', () => {
    expect(awardDefinition('HCLD3', '2025-06-30').publicDisclosure).toMatchObject({ days: 10, unit: 'WORKING_DAYS', level: 'PROVINCE' });
    expect(instruments(awardDefinition('HCLD3', '2025-06-30').publicDisclosure!.citation)).toMatch(/98\/2023/);
    expect(instruments(awardDefinition('HCLD3', '2025-12-31').publicDisclosure!.citation)).toMatch(/152\/2025/);
    expect(instruments(awardDefinition('HCLD3', '2025-12-31').publicDisclosure!.citation)).not.toMatch(/98\/2023/);
    expect(awardDefinition('AHLD', '2025-12-31').centralConsultation).toMatchObject({ workingDays: 10 });
    expect(awardDefinition('CSTD_TQ', '2025-12-31').centralConsultation).toMatchObject({ workingDays: 10 });
    expect(awardDefinition('GDVH', '2025-12-31').publicDisclosure).toMatchObject({ days: 10, unit: 'DAYS', level: 'UNIT' });
  });

  it('takes criteria from the achievement period and the authority from the submission date', () => {
    const a = awardForNomination('TTLDTT', '2025-06-30', '2025-08-01');
    expect(a).toMatchObject({ criteriaVersion: '2024.1', authorityVersion: '2025.2' });
    expect(a.decider.vi).toMatch(/Chủ tịch UBND cấp xã/);
    expect(awardForNomination('TTLDTT', '2025-06-30', '2025-06-30').decider.vi).not.toMatch(/cấp xã/);
    // A district award for a 2024 achievement submitted after the districts went goes to the commune.
    expect(() => awardForNomination('GK_HUYEN', '2024-12-31', '2025-08-01')).toThrow(/01\/07\/2025/);
  });

  it('allows the simplified procedure and posthumous awards only where the law does', () => {
    expect(awardDefinition('BK_TINH', '2025-12-31')).toMatchObject({ simplifiedProcedureAllowed: true, posthumous: 'ALLOWED' });
    expect(awardDefinition('CSTD_TINH', '2025-12-31').simplifiedProcedureAllowed).toBe(false);
    expect(awardDefinition('TTLDTT', '2025-12-31').posthumous).toBe('NOT_ALLOWED');
    expect(awardDefinition('LDTT', '2025-12-31').posthumous).toBe('UNCERTAIN');
  });

  it('gives the simplified procedure its one set of documents, cited to the decree in force', () => {
    const codes = (d?: { code: string }[]) => d?.map((x) => x.code);
    expect(codes(awardDefinition('BK_TINH', '2025-12-31').simplifiedDocuments)).toEqual(['TO_TRINH', 'BAO_CAO_TOM_TAT']);
    expect(awardDefinition('CSTD_TINH', '2025-12-31').simplifiedDocuments).toBeUndefined();
    const report = (date: string) => awardDefinition('BK_TINH', date).simplifiedDocuments![1].citation.map((c) => c.instrument);
    expect(report('2024-12-31').some((i) => i.includes('98/2023'))).toBe(true);
    expect(report('2025-12-31').some((i) => i.includes('98/2023'))).toBe(false);
  });

  it('cites Decree 98 for the Prime Minister’s authority only while it details the Law', () => {
    const decider = (date: string) => awardDefinition('BK_TTG', date).decider.citation.map((c) => c.instrument);
    expect(decider('2024-12-31').some((i) => i.includes('98/2023'))).toBe(true);
    expect(decider('2025-12-31').some((i) => i.includes('98/2023'))).toBe(false);
  });

  it('knows its codes', () => {
    expect(isAwardCode('BK_TINH')).toBe(true);
    expect(isAwardCode('HUY_CHUONG_VANG')).toBe(false);
  });
});
