import { hashSync } from '@node-rs/bcrypt';
import { hashPassword, passwordRefusal, verifyPassword } from './passwords';

describe('passwords (NIST SP 800-63B-4 §3.1.1.2)', () => {
  const refusal = (p: string, personal: string[] = []) => passwordRefusal(p, personal, 15)?.code ?? 'OK';

  it('asks for length, not composition', () => {
    expect(refusal('ngắn')).toBe('PASSWORD_TOO_SHORT');
    expect(refusal('mùa thu lá vàng rơi bên hồ')).toBe('OK');
    expect(refusal('x'.repeat(129))).toBe('PASSWORD_TOO_LONG');
    // Length counts letters, not UTF-16 units or bytes: fifteen Vietnamese letters are fifteen.
    expect(passwordRefusal('ồ'.repeat(14), [], 15)?.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('refuses common, breached and patterned passwords, and ones built from the person', () => {
    for (const p of ['password12345678', '123456789012345', 'qwertyuiopasdfgh', 'aaaaaaaaaaaaaaaa', 'iloveyouiloveyou']) expect([p, refusal(p)]).toEqual([p, 'PASSWORD_GUESSABLE']);
    expect(refusal('nguyenvanan.1985', ['nguyenvanan', 'Nguyễn Văn An'])).toBe('PASSWORD_GUESSABLE');
    expect(refusal('vinhdanhvinhdanh')).toBe('PASSWORD_GUESSABLE');
  });

  it('hashes with Argon2id, reads Unicode the same however it was typed, and still verifies bcrypt', async () => {
    const h = await hashPassword('Mùa thu lá vàng rơi');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword('Mùa thu lá vàng rơi'.normalize('NFD'), h)).toBe(true);
    expect(await verifyPassword('Mùa thu lá vàng roi', h)).toBe(false);
    expect(await verifyPassword('vinhdanh', hashSync('vinhdanh', 4))).toBe(true);
    expect(await verifyPassword('vinhdanh', null)).toBe(false);
    expect(await verifyPassword('vinhdanh-timing-guard', undefined)).toBe(false);
  });
});
