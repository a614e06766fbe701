import { createHash } from 'node:crypto';
import { nameKey } from '@vinhdanh/domain/common/identity';

/**
 * A nominee is identified by unit, kind, name (NFC, case-folded) and birth year: the same person
 * typed with combining or precomposed diacritics is one nominee, with one record.
 */
export function nomineeKeyOf(unitId: string, kind: string, name: string, birthYear?: number | null): string {
  return [unitId, kind, nameKey(name), birthYear ?? ''].join('|');
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A stable UUID (version 5 layout) derived from a key, so repeated requests land on one row. */
export function uuidFromKey(key: string): string {
  const hex = sha256(key);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
