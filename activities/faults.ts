import { ApplicationFailure } from '@temporalio/common';
import { isPermanentSqlState, PERMANENT_FAULT } from '@vinhdanh/domain/engine/stalls';

/** PostgreSQL's SQLSTATE of a failed query, as pg gives it and as TypeORM wraps it. */
function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The non-retryable failure for an error no retry can mend, or undefined for one that may pass.
 * Only the SQLSTATE and the server's message cross into the history (encrypted, as every failure)
 * and the operators' list: the message names the fault (a column, a constraint) and the row's
 * values stay in pg's `detail`, left out — though a few messages quote the value they refused
 * (22P02, invalid input syntax).
 */
export function permanentFault(activity: string, err: unknown): ApplicationFailure | undefined {
  const sqlState = sqlStateOf(err);
  if (!isPermanentSqlState(sqlState)) return undefined;
  return ApplicationFailure.create({
    message: `${activity}: the database refused (${sqlState}): ${(err as Error).message}`.slice(0, 500),
    type: PERMANENT_FAULT,
    nonRetryable: true,
    details: [{ sqlState }],
  });
}
