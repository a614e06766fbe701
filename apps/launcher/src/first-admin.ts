import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LINK_LIFETIME_HOURS, checkUsername } from '@vinhdanh/domain/accounts/accounts';
import { activeAdministrators, createAccount, issueLink, lockFirstAdministrator } from '@vinhdanh/persistence/accounts/accounts';
import { createUnit, orgUnitRows } from '@vinhdanh/persistence/read-model/org';

export interface FirstAdministrator {
  username: string;
  fullName: string;
  unitId: string;
  /** The unit to create when the organisation is still empty (a fresh install). */
  unit?: { nameVi: string; nameEn: string; level: 'UNIT' | 'PROVINCE' | 'CENTRAL'; kind: string; issuerCode: string };
}

/** Who the command acts as on the audit chain: no account exists yet to act. */
export const FIRST_ADMIN_ACTOR = { userId: 'first-admin-command', role: 'SYSTEM' };

/**
 * A real deployment's first step (docs/accounts.md): with no administrator yet, creates one (and,
 * in an empty install, the unit they belong to) and answers the one-time link through which they
 * set their password. Refused once any active administrator exists: from then on administrators
 * make accounts in the product, where the acts are theirs.
 */
export async function firstAdministrator(ds: DataSource, a: FirstAdministrator): Promise<{ token: string; expiresAt: Date; unitCreated: boolean }> {
  checkUsername(a.username);
  return ds.transaction(async (tx) => {
    // One first administrator even if the command runs twice at once.
    await lockFirstAdministrator(tx);
    if ((await activeAdministrators(tx)) > 0) throw new Error('an administrator already exists: create accounts in the product (Tài khoản), signed in as an administrator');
    const units = await orgUnitRows(tx);
    let unitCreated = false;
    if (!units.some((u) => u.id === a.unitId)) {
      if (!a.unit) throw new Error(`no unit ${a.unitId}: give --unit-name-vi, --unit-name-en, --level and --issuer-code to create it`);
      if (units.length) throw new Error(`no unit ${a.unitId}; the organisation already has units (${units.slice(0, 5).map((u) => u.id).join(', ')}…): pick one`);
      await createUnit(tx, { id: a.unitId, parentId: null, validFrom: null, ...a.unit }, FIRST_ADMIN_ACTOR);
      unitCreated = true;
    }
    const created = await createAccount(tx, { username: a.username, fullName: a.fullName, email: null, unitId: a.unitId, roles: ['ADMIN'], scopeUnitId: null, personalIdHash: null, dutiesException: null }, FIRST_ADMIN_ACTOR);
    if (!created) throw new Error(`the username ${a.username} is taken`);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + LINK_LIFETIME_HOURS.INVITE * 3_600_000);
    await issueLink(tx, { userId: a.username, token, purpose: 'INVITE', expiresAt, by: FIRST_ADMIN_ACTOR });
    return { token, expiresAt, unitCreated };
  });
}
