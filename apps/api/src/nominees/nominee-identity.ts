import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { DomainError, invalid } from '@vinhdanh/domain/common/errors';
import { confusableLetter, nameKey, normalizeName } from '@vinhdanh/domain/common/identity';
import type { RecipientKind } from '@vinhdanh/domain/common/levels';
import { checkPersonalId } from '@vinhdanh/domain/common/personal-id';
import { accountByPersonalId } from '@vinhdanh/persistence/read-model/identity';
import { personalIdHash } from '@vinhdanh/platform';
import type { EntityManager } from 'typeorm';

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A stable UUID (version 5 layout) derived from a key, so repeated requests land on one row. */
export function uuidFromKey(key: string): string {
  return uuidLayout(sha256(key));
}

const uuidLayout = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/**
 * A stable UUID under a secret (a key derived from IDENTITY_KEY): the same dossier always gets the
 * same id, and nobody without the key can compute it. A workflow id anyone could compute could be
 * taken at the Temporal frontend before the dossier is filed, blocking it for ever.
 */
export function keyedIdFrom(identityKey: Buffer): (key: string) => string {
  const idKey = Buffer.from(hkdfSync('sha256', identityKey, Buffer.alloc(0), 'vinhdanh workflow ids', 32));
  return (key) => uuidLayout(createHmac('sha256', idKey).update(key).digest('hex'));
}

export interface NomineeIdentity {
  name: string;
  /** `pid:<hash>` for a person (stable across units), else unit, kind, name and birth year. */
  nomineeKey: string;
  personalIdHash?: string;
  /** The account of the same person, found by the personal identification number, never typed. */
  accountUserId?: string;
}

/**
 * Who a nominee is. The name is normalised (NFC, invisible characters removed) and must be in one
 * script; a person is identified by their personal identification number, hashed, which also
 * links them to their account if they have one (so councils and reviewers recuse them). A number
 * held by an account of another name is refused rather than linking the wrong person.
 */
export async function resolveNominee(
  db: EntityManager,
  identityKey: Buffer,
  n: { unitId: string; kind: RecipientKind; name: string; birthYear?: number; personalId?: string },
  field = 'nominee',
): Promise<NomineeIdentity> {
  const at = (f: string) => (field ? `${field}.${f}` : f);
  const name = normalizeName(n.name);
  if (!name) throw invalid('NAME_REQUIRED', 'Tên người được đề nghị không được để trống.', 'The nominee name must not be blank.', at('name'));
  const confusable = confusableLetter(name);
  if (confusable) {
    throw invalid('NAME_CONFUSABLE', `Tên có chữ "${confusable.letter}" thuộc bảng chữ ${confusable.script}, dễ nhầm với chữ Latinh; hãy gõ lại bằng chữ Việt.`, `The name contains "${confusable.letter}", a ${confusable.script} letter that looks Latin; type it again in Vietnamese letters.`, at('name'));
  }
  if (n.kind === 'COLLECTIVE' || (n.kind === 'HOUSEHOLD' && !n.personalId)) {
    if (n.personalId) throw invalid('PERSONAL_ID_NOT_FOR_COLLECTIVE', 'Tập thể không có số định danh cá nhân.', 'A collective has no personal identification number.', at('personalId'));
    return { name, nomineeKey: [n.unitId, n.kind, nameKey(name), n.birthYear ?? ''].join('|') };
  }
  if (!n.personalId) {
    throw invalid('PERSONAL_ID_REQUIRED', 'Cần số định danh cá nhân (12 số trên căn cước) của người được đề nghị.', 'The nominee’s personal identification number (12 digits, on the identity card) is required.', at('personalId'));
  }
  const checked = checkPersonalId(n.personalId, n.birthYear);
  if (checked instanceof DomainError) throw new DomainError({ ...checked.toBody(), field: at('personalId') });
  const hash = personalIdHash(checked.digits, identityKey);
  const account = await accountByPersonalId(db, hash);
  if (account && nameKey(account.fullName) !== nameKey(name)) {
    throw invalid('PERSONAL_ID_MISMATCH', 'Số định danh cá nhân không khớp với họ tên đã nhập.', 'The personal identification number does not match the name given.', at('personalId'));
  }
  return { name, nomineeKey: `pid:${hash}`, personalIdHash: hash, ...(account ? { accountUserId: account.id } : {}) };
}
