import type { Role } from '@vinhdanh/domain/ladder';

/** Who is reading: enough of the signed-in account to decide what it may see. */
export interface Reader {
  userId: string;
  unitId: string;
  roles: readonly Role[];
  /** An auditor's or inspector's scope: that unit and everything under it (null: the whole province). */
  scopeUnitId: string | null;
}

/** A SQL predicate with its parameters, numbered from $1; embed it with `shiftPlaceholders`. */
export interface Predicate {
  sql: string;
  params: unknown[];
}

const RANK = (expr: string) => `(CASE ${expr} WHEN 'UNIT' THEN 0 WHEN 'PROVINCE' THEN 1 ELSE 2 END)`;

/**
 * SQL predicate (over table alias `n`) for the nominations an actor may read: those of their own
 * unit; those whose route gives their unit a step at a level the nomination has reached (a province
 * sees a dossier once the unit forwards it, not while the unit still reviews it); and for auditors,
 * everything under their scope (inspectors likewise). The President's Office and the President see
 * the State awards routed to them once the central level is reached. Parameter $1 is the actor's unit, or the auditor's scope.
 */
export function visibleNominationsSql(actor: Reader): Predicate {
  if (actor.roles.includes('AUDITOR') || actor.roles.includes('INSPECTOR') || actor.roles.includes('ADMIN')) {
    if (!actor.scopeUnitId) return { sql: 'TRUE', params: [] };
    return {
      sql: `n.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE id = $1
              UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`,
      params: [actor.scopeUnitId],
    };
  }
  return {
    sql: `(n.unit_id = $1
           OR EXISTS (SELECT 1 FROM jsonb_array_elements(n.dossier->'route') r
                       WHERE $1::text IN (r->>'reviewUnitId', r->>'decisionUnitId', r->'president'->>'officeUnitId', r->'president'->>'presidentUnitId') AND ${RANK("r->>'level'")} <= ${RANK('n.current_level')}))`,
    params: [actor.unitId],
  };
}

/** Renumbers $n placeholders when a predicate is embedded after other parameters. */
export function shiftPlaceholders(sql: string, by: number): string {
  return sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + by}`);
}
