import { hash as bcryptHash } from '@node-rs/bcrypt';
import type { DataSource } from 'typeorm';
import { DEMO_CLUSTERS, DEMO_COUNCILS, DEMO_UNITS, DEMO_USERS, demoPersonalId } from './demo-org';
import { upsertCluster } from '../read-model/clusters';

export const DEMO_PASSWORD = 'vinhdanh';

/**
 * Loads the demo organisation and accounts; idempotent, so every start may call it. Accounts get
 * their (fictitious) personal identification number as the product stores it: hashed.
 */
export async function seedDemo(ds: DataSource, opts: { personalIdHash: (digits: string) => string }): Promise<{ units: number; users: number; councils: number }> {
  const hash = await bcryptHash(DEMO_PASSWORD, 10);
  return ds.transaction(async (tx) => {
    for (const u of DEMO_UNITS) {
      await tx.query(
        `INSERT INTO org_unit (id, parent_id, kind, level, name_vi, name_en, issuer_code) VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (id) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en`,
        [u.id, u.parentId, u.kind, u.level, u.nameVi, u.nameEn, u.issuerCode],
      );
    }
    // Validity after every unit exists: a successor must be there first.
    for (const u of DEMO_UNITS.filter((x) => x.validTo)) {
      await tx.query(`UPDATE org_unit SET valid_to=$2, successor_id=$3, ceased_reason=$4 WHERE id=$1`, [u.id, u.validTo, u.successorId, u.ceasedReason]);
    }
    for (const u of DEMO_USERS) {
      await tx.query(
        `INSERT INTO user_account (id, username, password_hash, full_name, email, unit_id, roles, scope_unit_id, personal_id_hash)
         VALUES ($1,$1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (id) DO UPDATE SET roles = EXCLUDED.roles, full_name = EXCLUDED.full_name, personal_id_hash = COALESCE(user_account.personal_id_hash, EXCLUDED.personal_id_hash)`,
        [u.username, hash, u.fullName, `${u.username}@vinhdanh.local`, u.unitId, u.roles, u.scopeUnitId ?? null, opts.personalIdHash(demoPersonalId(u.username).personalId)],
      );
    }
    for (const c of DEMO_COUNCILS) {
      await tx.query(`INSERT INTO council (id, unit_id, level, name_vi, name_en) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (id) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en`, [c.id, c.unitId, c.level, c.nameVi, c.nameEn]);
      for (const m of c.members) {
        await tx.query(
          `INSERT INTO council_member (council_id, user_id, role, from_date) VALUES ($1,$2,$3,'2024-01-01') ON CONFLICT DO NOTHING`,
          [c.id, m.username, m.role],
        );
      }
    }
    for (const c of DEMO_CLUSTERS) await upsertCluster(tx, c);
    return { units: DEMO_UNITS.length, users: DEMO_USERS.length, councils: DEMO_COUNCILS.length };
  });
}
