import { createHash } from 'node:crypto';
import type { DomainErrorBody } from '@vinhdanh/domain/common/errors';
import { asDomainError } from '../common/error.filter';

/**
 * A list action (approve selected, confer selected) is the single action repeated per dossier:
 * each goes through its own authorisation, workflow and audit entry, and reports its own result or
 * refusal. The batch key is derived from the caller, the list and what else the action carries
 * (`body`: a justification, say), and each dossier's Idempotency-Key from it: the same request sent
 * again repeats nothing, and a corrected one is a new action.
 */
export async function perNomination<T>(
  kind: string,
  userId: string,
  nominationIds: string[],
  act: (id: string, batchKey: string, idempotencyKey: string) => Promise<T>,
  body?: string,
): Promise<{ batchKey: string; results: ({ nominationId: string; ok: true } & T | { nominationId: string; ok: false; error: DomainErrorBody })[] }> {
  const ids = [...new Set(nominationIds)].sort();
  const batchKey = `${kind}-${createHash('sha256').update([userId, ...ids, ...(body === undefined ? [] : [body])].join('|')).digest('hex').slice(0, 32)}`;
  const results: ({ nominationId: string; ok: true } & T | { nominationId: string; ok: false; error: DomainErrorBody })[] = [];
  for (const id of ids) {
    try {
      results.push({ nominationId: id, ok: true as const, ...(await act(id, batchKey, `${batchKey}:${id}`)) });
    } catch (err) {
      const error = asDomainError(err);
      if (!error) throw err;
      results.push({ nominationId: id, ok: false, error });
    }
  }
  return { batchKey, results };
}
