import { hash as argon2Hash, hashSync as argon2HashSync, verify as argon2Verify } from '@node-rs/argon2';
import { verify as bcryptVerify } from '@node-rs/bcrypt';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Passwords, as NIST SP 800-63B-4 (2025) §3.1.1.2 asks of a verifier: a minimum length and a
 * generous maximum, any characters (Unicode normalised, so "ồ" typed composed or decomposed is the
 * same password), no composition rules, no forced rotation, and a refusal of values that are
 * commonly used or known from breaches. The blocklist is zxcvbn-ts's common-password dictionary
 * (built from leaked password corpora) with its pattern matching, offline: nothing about a password
 * leaves the server. New hashes are Argon2id with OWASP's parameters (@node-rs/argon2's defaults:
 * 19 MiB, 2 passes), which, unlike bcrypt, reads the whole of a long Vietnamese passphrase; bcrypt
 * hashes made before (the demo's) still verify.
 */

export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordRefusal {
  code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_GUESSABLE';
  messageVi: string;
  messageEn: string;
}

const estimator = new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses; below it the password is a known or patterned one. */
const MIN_SCORE = 3;

const normalise = (password: string): string => password.normalize('NFKC');

/**
 * Why a new password is refused, or undefined. `personal` holds what an attacker knows of the person
 * (username, name, unit): a password built from them is refused like a common one.
 */
export function passwordRefusal(password: string, personal: string[], minLength: number): PasswordRefusal | undefined {
  const p = normalise(password);
  const length = [...p].length;
  if (length < minLength) {
    return { code: 'PASSWORD_TOO_SHORT', messageVi: `Mật khẩu cần ít nhất ${minLength} ký tự (một câu dễ nhớ là tốt nhất).`, messageEn: `A password needs at least ${minLength} characters (a memorable sentence is best).` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { code: 'PASSWORD_TOO_LONG', messageVi: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.`, messageEn: `A password has at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const words = personal.flatMap((s) => [s, ...s.split(/[\s._-]+/)]).map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 3);
  const lower = p.toLowerCase();
  const { score } = estimator.check(p, [...words, 'vinhdanh', 'vinh danh', 'thi đua', 'khen thưởng']);
  if (score < MIN_SCORE || words.some((w) => lower.includes(w) && w.length * 2 >= length)) {
    return {
      code: 'PASSWORD_GUESSABLE',
      messageVi: 'Mật khẩu này dễ đoán: quá phổ biến, đã lộ trong các vụ rò rỉ, lặp mẫu hoặc dựa vào tên của bạn. Hãy chọn một câu khác.',
      messageEn: 'This password is easy to guess: common, known from breaches, patterned or built from your name. Choose another sentence.',
    };
  }
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(normalise(password));
}

/** A hash to compare against when there is no account (or no password yet), made like every new one, so the time taken does not say whether a username exists. */
const ABSENT = argon2HashSync('vinhdanh-timing-guard');

/** Verifies against the stored hash (Argon2id, or bcrypt from before); a missing hash never matches. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) {
    await argon2Verify(ABSENT, normalise(password));
    return false;
  }
  return stored.startsWith('$argon2') ? argon2Verify(stored, normalise(password)) : bcryptVerify(password, stored);
}
