import { nameKey, normalizeName } from './identity';

describe('Vietnamese name identity', () => {
  it('treats combining and precomposed diacritics as the same name', () => {
    const precomposed = 'Nguyễn Thị Hoa';
    const combining = 'Nguye\u0302\u0303n Thi\u0323 Hoa';
    expect(combining).not.toBe(precomposed);
    expect(nameKey(combining)).toBe(nameKey(precomposed));
    expect(normalizeName(combining)).toBe(precomposed);
  });

  it('folds case and collapses whitespace', () => {
    expect(nameKey('  NGUYỄN   thị hoa ')).toBe('nguyễn thị hoa');
  });
});
