/**
 * Names are compared in Unicode NFC, case-folded, with whitespace collapsed and invisible
 * characters removed: "Nguyễn" typed with combining marks, with precomposed letters, or with a
 * zero-width space inside is the same person.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800\u034F]/gu;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/gu;

export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

export function nameKey(name: string): string {
  return normalizeName(name).toLocaleLowerCase('vi');
}

/**
 * Vietnamese names (minority names included) are written in the Latin script with diacritics. A
 * letter of another script inside one (a Cyrillic "а" for a Latin "a") makes a look-alike name
 * that would count as a second person: it is refused, naming the letter.
 */
export function confusableLetter(name: string): { letter: string; script: string } | undefined {
  for (const ch of normalizeName(name)) {
    if (!/\p{L}/u.test(ch) || /\p{Script=Latin}/u.test(ch)) continue;
    const script = /\p{Script=Cyrillic}/u.test(ch) ? 'Cyrillic' : /\p{Script=Greek}/u.test(ch) ? 'Greek' : 'non-Latin';
    return { letter: ch, script };
  }
  return undefined;
}
