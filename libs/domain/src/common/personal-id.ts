import { invalid, type DomainError } from './errors';

/**
 * The personal identification number (số định danh cá nhân, printed on the citizen identity card,
 * CCCD): 12 digits — 3 for the province of birth registration, 1 for sex and century, 2 for the
 * year of birth, 6 random. It is the stable identifier that links a nominee to a system account
 * (conflicts of interest); it is hashed on arrival and never stored in clear.
 */
export function checkPersonalId(text: string, birthYear?: number): { digits: string } | DomainError {
  const digits = text.replace(/[\s.-]/g, '');
  const bad = (vi: string, en: string) => invalid('BAD_PERSONAL_ID', `Số định danh cá nhân không hợp lệ: ${vi}.`, `Invalid personal identification number: ${en}.`, 'nominee.personalId');
  if (!/^\d{12}$/.test(digits)) return bad('phải gồm đúng 12 chữ số', 'it must be exactly 12 digits');
  const province = Number(digits.slice(0, 3));
  if (province < 1 || province > 96) return bad(`mã nơi đăng ký khai sinh ${digits.slice(0, 3)} không tồn tại`, `no place-of-birth code ${digits.slice(0, 3)}`);
  if (birthYear !== undefined) {
    const centuryDigit = Number(digits[3]);
    const century = 1900 + Math.floor(centuryDigit / 2) * 100;
    const year = century + Number(digits.slice(4, 6));
    if (year !== birthYear) return bad(`mã năm sinh ${year} khác năm sinh ${birthYear}`, `its year of birth ${year} differs from ${birthYear}`);
  }
  return { digits };
}
