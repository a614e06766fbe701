import type { AuthenticatedActor } from '../auth/public.decorator';

/**
 * SQL predicate (over table alias `n`) for the nominations an actor may read: those of their own
 * unit, those whose route passes through their unit (reviewers, deciders up the ladder), and for
 * auditors everything under their scope. Parameter $1 is the actor's unit, $2 the auditor scope.
 */
export function visibleNominationsSql(actor: AuthenticatedActor): { sql: string; params: unknown[] } {
  if (actor.roles.includes('AUDITOR') || actor.roles.includes('ADMIN')) {
    if (!actor.scopeUnitId) return { sql: 'TRUE', params: [] };
    return {
      sql: `n.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM org_unit WHERE id = $1
              UNION ALL SELECT o.id FROM org_unit o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub)`,
      params: [actor.scopeUnitId],
    };
  }
  return {
    sql: `(n.unit_id = $1
           OR n.dossier->'route' @> jsonb_build_array(jsonb_build_object('reviewUnitId', $1::text))
           OR n.dossier->'route' @> jsonb_build_array(jsonb_build_object('decisionUnitId', $1::text)))`,
    params: [actor.unitId],
  };
}

/** Renumbers $n placeholders when a predicate is embedded after other parameters. */
export function shiftPlaceholders(sql: string, by: number): string {
  return sql.replace(/\$(\d+)/g, (_, n) => `$${Number(n) + by}`);
}
