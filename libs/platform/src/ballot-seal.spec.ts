import { randomBytes } from 'node:crypto';
import { legacyReceiptHash as receiptHash, openBallot, sealBallot } from './ballot-seal';

describe('ballot sealing', () => {
  const key = randomBytes(32);
  it('round-trips and hides the content', () => {
    const sealed = sealBallot({ choices: { a: 'AGREE' } }, key);
    expect(sealed).not.toContain('AGREE');
    expect(openBallot(sealed, key)).toEqual({ choices: { a: 'AGREE' } });
  });
  it('refuses a tampered or foreign ballot', () => {
    const sealed = Buffer.from(sealBallot({ x: 1 }, key), 'base64');
    sealed[sealed.length - 1] ^= 1;
    expect(() => openBallot(sealed.toString('base64'), key)).toThrow();
    expect(() => openBallot(sealBallot({ x: 1 }, randomBytes(32)), key)).toThrow();
  });
  it('derives distinct receipt hashes per session', () => {
    expect(receiptHash('s1', 't')).not.toBe(receiptHash('s2', 't'));
  });
});
