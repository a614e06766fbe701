import type { EntityManager } from 'typeorm';

/** Dossier files, content-addressed. Who may cite and read a file is decided here, per unit and per dossier. */

export async function storeUpload(tx: EntityManager, f: { sha256: string; content: Buffer; sizeBytes: number; mimeType: string; userId: string; unitId: string; name: string }): Promise<void> {
  await tx.query(`INSERT INTO document (sha256, content, size_bytes, mime_type, uploaded_by) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (sha256) DO NOTHING`, [f.sha256, f.content, f.sizeBytes, f.mimeType, f.userId]);
  await tx.query(
    `INSERT INTO document_upload (sha256, user_id, name, unit_id) VALUES ($1,$2,$3,$4) ON CONFLICT (sha256, user_id) DO UPDATE SET name = EXCLUDED.name, unit_id = EXCLUDED.unit_id`,
    [f.sha256, f.userId, f.name, f.unitId],
  );
}

/**
 * Of these files, those a unit may cite in a dossier: files someone of the unit uploaded, or files
 * already in a dossier (or a supplement) that the given visibility predicate lets the caller read.
 */
export async function citableDocuments(db: EntityManager, shas: string[], unitId: string, visible: { sql: string; params: unknown[] }): Promise<Set<string>> {
  if (!shas.length) return new Set();
  const shift = (sql: string) => sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + 2}`);
  const rows: { sha256: string }[] = await db.query(
    `SELECT s.sha256 FROM unnest($1::text[]) AS s(sha256)
      WHERE EXISTS (SELECT 1 FROM document_upload u WHERE u.sha256 = s.sha256 AND u.unit_id = $2)
         OR EXISTS (SELECT 1 FROM nomination n WHERE (${shift(visible.sql)}) AND ${citesSql('n', 's.sha256')})`,
    [shas, unitId, ...visible.params],
  );
  return new Set(rows.map((r) => r.sha256));
}

/** The file, if this nomination's dossier or one of its supplements cites it. */
export async function dossierDocument(db: EntityManager, nominationId: string, sha256: string): Promise<{ content: Buffer; mimeType: string; name: string } | undefined> {
  const [row] = await db.query(
    `SELECT d.content, d.mime_type AS "mimeType",
            COALESCE((SELECT e->>'name' FROM nomination n2, jsonb_array_elements(n2.dossier->'documents') e WHERE n2.id = $1 AND e->>'sha256' = d.sha256 LIMIT 1), d.sha256) AS name
       FROM document d JOIN nomination n ON n.id = $1
      WHERE d.sha256 = $2 AND ${citesSql('n', 'd.sha256')}`,
    [nominationId, sha256],
  );
  return row;
}

/** A file of one's own unit, before any dossier cites it (a draft's attachment). */
export async function unitUpload(db: EntityManager, unitId: string, sha256: string): Promise<{ content: Buffer; mimeType: string } | undefined> {
  const [row] = await db.query(
    `SELECT d.content, d.mime_type AS "mimeType" FROM document d WHERE d.sha256 = $1 AND EXISTS (SELECT 1 FROM document_upload u WHERE u.sha256 = d.sha256 AND u.unit_id = $2)`,
    [sha256, unitId],
  );
  return row;
}

function citesSql(n: string, sha: string): string {
  return `(${n}.dossier->'documents' @> jsonb_build_array(jsonb_build_object('sha256', ${sha}))
           OR EXISTS (SELECT 1 FROM nomination_event e WHERE e.nomination_id = ${n}.id AND e.type = 'SupplementProvided'
                        AND e.data->'documents' @> jsonb_build_array(jsonb_build_object('sha256', ${sha}))))`;
}
