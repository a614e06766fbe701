import type { EntityManager } from 'typeorm';

/**
 * Workflows whose histories were written before the payload codec existed. Their payloads are
 * plaintext; the codec accepts plaintext for these bindings only (docs/security.md, "Upgrading").
 */
export async function legacyPlaintextBindings(db: EntityManager): Promise<Set<string>> {
  const rows: { binding: string }[] = await db.query(`SELECT binding FROM codec_legacy_workflow`);
  return new Set(rows.map((r) => r.binding));
}

export async function adoptLegacyPlaintextBindings(db: EntityManager, bindings: string[]): Promise<number> {
  if (!bindings.length) return 0;
  const rows: unknown[] = await db.query(`INSERT INTO codec_legacy_workflow (binding) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING binding`, [bindings]);
  return rows.length;
}
