import { conflictGround, conflictOfInterest, type NominationParties } from './conflicts';
import { isNamesake, namesakeDeclarationRequired } from './namesakes';

const parties: NominationParties = { nominationId: 'n1', nomineePersonalIdHash: 'h-nominee', nomineeAccountUserId: 'an.nguyen', submittedByUserId: 'vanthu' };

describe('conflicts of interest', () => {
  it('the nominee, by account or by personal id', () => {
    expect(conflictGround('an.nguyen', {}, parties, 'REVIEW')).toBe('NOMINEE');
    expect(conflictGround('other', { personalIdHash: 'h-nominee' }, parties, 'VOTE')).toBe('NOMINEE');
  });
  it('a registered relative', () => {
    expect(conflictGround('chi.tran', { personalIdHash: 'h-chi', relativeHashes: ['h-x', 'h-nominee'] }, parties, 'DECIDE')).toBe('RELATIVE');
  });
  it('the submitting clerk, for the decision only', () => {
    expect(conflictGround('vanthu', {}, parties, 'DECIDE')).toBe('SUBMITTER');
    expect(conflictGround('vanthu', {}, parties, 'REVIEW')).toBeUndefined();
  });
  it('a declaration on this nomination, and nothing for anyone else', () => {
    expect(conflictGround('b', { declaredNominationIds: ['n1'] }, parties, 'REVIEW')).toBe('DECLARED');
    expect(conflictGround('b', { declaredNominationIds: ['n2'], relativeHashes: ['h-y'] }, parties, 'REVIEW')).toBeUndefined();
    expect(conflictGround('b', undefined, { ...parties, nomineePersonalIdHash: undefined }, 'REVIEW')).toBeUndefined();
  });
  it('explains the refusal in both languages', () => {
    const e = conflictOfInterest('RELATIVE', 'DECIDE');
    expect(e).toMatchObject({ code: 'CONFLICT_OF_INTEREST', kind: 'FORBIDDEN' });
    expect(e.messageVi).toMatch(/quan hệ gia đình/);
    expect(e.messageEn).toMatch(/registered relative/);
  });
  it('a nominee who bears the actor’s name, whatever the spacing, case or invisible characters; never a collective', () => {
    expect(isNamesake('Nguyễn Văn An', { kind: 'INDIVIDUAL', name: '  nguyễn  VĂN an\u200b' })).toBe(true);
    expect(isNamesake('Nguyễn Văn An', { name: 'Nguyễn Văn Ân' })).toBe(false);
    expect(isNamesake('Tổ Toán', { kind: 'COLLECTIVE', name: 'Tổ Toán' })).toBe(false);
    expect(namesakeDeclarationRequired('Nguyễn Văn An')).toMatchObject({ code: 'NAMESAKE_DECLARATION_REQUIRED', kind: 'CONFLICT' });
  });
});
