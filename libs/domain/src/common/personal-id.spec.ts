import { DomainError } from './errors';
import { checkPersonalId } from './personal-id';

describe('personal identification number', () => {
  it('accepts 12 digits whose year of birth matches, spaces and dots tolerated', () => {
    expect(checkPersonalId('001085012345', 1985)).toEqual({ digits: '001085012345' });
    expect(checkPersonalId('066 1 92 000 123', 1992)).toEqual({ digits: '066192000123' });
    expect(checkPersonalId('079203000001', 2003)).toEqual({ digits: '079203000001' });
  });
  it.each([
    ['too short', '00108501234', undefined],
    ['letters', '00108501234O', undefined],
    ['unknown place code', '099085012345', undefined],
    ['year of birth differs', '001085012345', 1986],
    ['century differs', '001285012345', 1985],
  ])('refuses %s with a reason', (_, text, year) => {
    const r = checkPersonalId(text, year);
    expect(r).toBeInstanceOf(DomainError);
    expect((r as DomainError).code).toBe('BAD_PERSONAL_ID');
  });
});
