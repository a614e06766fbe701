import { Secret, TOTP } from 'otpauth';
import { acceptedStep, newSecondFactor, secondFactorKey } from './second-factor';

describe('second factor (RFC 6238)', () => {
  const key = secondFactorKey(Buffer.alloc(32, 7));
  const made = newSecondFactor('thutruong.so-gddt', key);
  const app = new TOTP({ secret: Secret.fromBase32(made.base32), algorithm: 'SHA1', digits: 6, period: 30 });
  const now = Date.UTC(2026, 11, 8, 2, 0, 10); // 10 s into a step
  const step = Math.floor(now / 30_000);
  const code = (offsetSteps: number) => app.generate({ timestamp: now + offsetSteps * 30_000 });

  it('makes a 160-bit secret, sealed, and an address apps read', () => {
    expect(Buffer.from(Secret.fromBase32(made.base32).bytes).length).toBe(20);
    expect(made.sealed).not.toContain(made.base32);
    expect(made.uri).toBe(`otpauth://totp/Vinh%20Danh:thutruong.so-gddt?issuer=Vinh%20Danh&secret=${made.base32}&algorithm=SHA1&digits=6&period=30`);
  });

  it('accepts the code of now and one step either side, answering its step', () => {
    expect(acceptedStep(code(0), made.sealed, key, null, now)).toBe(step);
    expect(acceptedStep(code(-1), made.sealed, key, null, now)).toBe(step - 1);
    expect(acceptedStep(code(1), made.sealed, key, null, now)).toBe(step + 1);
    expect(acceptedStep(code(2), made.sealed, key, null, now)).toBeUndefined();
    expect(acceptedStep(code(-2), made.sealed, key, null, now)).toBeUndefined();
  });

  it('refuses a step already used or older, and anything that is not six digits', () => {
    expect(acceptedStep(code(0), made.sealed, key, step, now)).toBeUndefined();
    expect(acceptedStep(code(-1), made.sealed, key, step, now)).toBeUndefined();
    expect(acceptedStep(code(1), made.sealed, key, step, now)).toBe(step + 1);
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(acceptedStep(bad, made.sealed, key, null, now)).toBeUndefined();
  });

  it('cannot be opened under another key', () => {
    expect(() => acceptedStep(code(0), made.sealed, secondFactorKey(Buffer.alloc(32, 8)), null, now)).toThrow();
  });
});
