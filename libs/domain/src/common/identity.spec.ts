import { confusableLetter, nameKey, normalizeName } from './identity';

describe('Vietnamese name identity', () => {
  it('treats combining and precomposed diacritics as the same name', () => {
    const precomposed = 'Nguyễn Thị Hoa';
    const combining = 'Nguye\u0302\u0303n Thi\u0323 Hoa';
    expect(combining).not.toBe(precomposed);
    expect(nameKey(combining)).toBe(nameKey(precomposed));
    expect(normalizeName(combining)).toBe(precomposed);
  });

  it('folds case and collapses whitespace, non-breaking spaces included', () => {
    expect(nameKey('  NGUYỄN \u00A0 thị\u2003hoa ')).toBe('nguyễn thị hoa');
  });

  it('removes invisible characters: a zero-width space does not make a second person', () => {
    expect(nameKey('Nguyễn\u200B Thị Hoa')).toBe(nameKey('Nguyễn Thị Hoa'));
    expect(nameKey('Ng\u00ADuyễn Thị\u2060 Hoa\uFEFF')).toBe(nameKey('Nguyễn Thị Hoa'));
    expect(normalizeName('\u200B\u200C\u200D\uFEFF \u2060')).toBe('');
  });

  it('flags a letter of another script hiding in a Latin name', () => {
    expect(confusableLetter('Nguyễn Thị Hoa')).toBeUndefined();
    expect(confusableLetter('H\u00E0 Giang Đinh')).toBeUndefined();
    expect(confusableLetter('Nguyễn Thị Ho\u0430')).toEqual({ letter: '\u0430', script: 'Cyrillic' });
    expect(confusableLetter('\u0391nh')).toEqual({ letter: '\u0391', script: 'Greek' });
  });
});
