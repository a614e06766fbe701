/**
 * Names are compared in Unicode NFC, case-folded, with whitespace collapsed: "Nguyễn" typed with
 * combining marks and with precomposed letters is the same person.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function nameKey(name: string): string {
  return normalizeName(name).toLocaleLowerCase('vi');
}
