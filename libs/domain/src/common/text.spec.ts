import fc from 'fast-check';
import { firstBadText, textProblem } from './text';

describe('text that can be stored', () => {
  it('accepts Vietnamese, emoji (a valid surrogate pair) and every other well-formed string', () => {
    expect(textProblem('Nguyễn Thị Hoa — Huân chương Lao động hạng Ba 🎖')).toBeUndefined();
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => textProblem(s.replace(/\u0000/g, '')) === undefined));
  });

  it('refuses a lone high or low surrogate anywhere, and NUL', () => {
    expect(textProblem('a\ud800')).toBe('LONE_SURROGATE');
    expect(textProblem('\udc00b')).toBe('LONE_SURROGATE');
    expect(textProblem('\ud800\ud800\udc00')).toBe('LONE_SURROGATE');
    expect(textProblem('\udc00\ud800')).toBe('LONE_SURROGATE');
    expect(textProblem('x\u0000y')).toBe('NUL');
  });

  it('agrees with the platform (String.prototype.isWellFormed) on any sequence of UTF-16 code units', () => {
    const codeUnit = fc.integer({ min: 1, max: 0xffff }).map((c) => String.fromCharCode(c));
    const surrogateHeavy = fc.oneof(codeUnit, fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)));
    fc.assert(fc.property(fc.string({ unit: surrogateHeavy, maxLength: 12 }), (s) => (textProblem(s) === undefined) === (s as string & { isWellFormed(): boolean }).isWellFormed()), { numRuns: 5000 });
  });

  it('names the path of the first bad string or key in a body', () => {
    expect(firstBadText({ nominee: { name: 'Hoa' }, documents: [{ title: 'ok' }, { title: 'x\ud800' }] })).toEqual({ path: 'documents[1].title', problem: 'LONE_SURROGATE' });
    expect(firstBadText({ ['k\udc00']: 1 })).toEqual({ path: 'k\udc00', problem: 'LONE_SURROGATE' });
    expect(firstBadText({ a: [1, true, null, 'fine'] })).toBeUndefined();
    expect(firstBadText('top\u0000')).toEqual({ path: '', problem: 'NUL' });
  });
});
