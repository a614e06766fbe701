import type { EntityManager } from 'typeorm';
import { accountStream, linkHash } from './accounts';
import { appendAudit } from '../audit/chain';

/**
 * Sign-in through the province's identity provider (docs/accounts.md): what the API keeps between
 * sending a person to the provider and their return (10 minutes at most), and the one-time code
 * the web app then trades for a session (2 minutes, once; kept as a hash). Both are bound to the
 * browser that started (the hash of a cookie it holds), so neither can be finished in another's.
 */

export async function savePending(db: EntityManager, p: { state: string; codeVerifier: string; nonce: string; redirectUri: string; binding: string }): Promise<void> {
  // Requests nobody came back from are swept as new ones arrive.
  await db.query(`DELETE FROM oidc_pending WHERE created_at < now() - interval '10 minutes'`);
  await db.query(`INSERT INTO oidc_pending (state, code_verifier, nonce, redirect_uri, binding_hash) VALUES ($1,$2,$3,$4,$5)`, [p.state, p.codeVerifier, p.nonce, p.redirectUri, linkHash(p.binding)]);
}

/** The request a `state` names, taken once (a replayed answer finds nothing), if this browser started it. */
export async function takePending(db: EntityManager, state: string, binding: string): Promise<{ codeVerifier: string; nonce: string; redirectUri: string } | undefined> {
  const [rows] = await db.query(
    `DELETE FROM oidc_pending WHERE state=$1 AND binding_hash=$2 AND created_at > now() - interval '10 minutes' RETURNING code_verifier AS "codeVerifier", nonce, redirect_uri AS "redirectUri"`,
    [state, linkHash(binding)],
  );
  return rows[0];
}

export async function issueSignInCode(db: EntityManager, userId: string, code: string, binding: string): Promise<void> {
  await db.query(`DELETE FROM oidc_sign_in WHERE created_at < now() - interval '1 day'`);
  await db.query(`INSERT INTO oidc_sign_in (code_hash, user_id, binding_hash) VALUES ($1,$2,$3)`, [linkHash(code), userId, linkHash(binding)]);
}

/** The account an unused, fresh sign-in code of this browser is for, locked until `useSignInCode` (or the end of the transaction). */
export async function openSignInCode(tx: EntityManager, code: string, binding: string): Promise<string | undefined> {
  const [row] = await tx.query(
    `SELECT user_id AS "userId" FROM oidc_sign_in WHERE code_hash=$1 AND binding_hash=$2 AND used_at IS NULL AND created_at > now() - interval '2 minutes' FOR UPDATE`,
    [linkHash(code), linkHash(binding)],
  );
  return row?.userId;
}

/** The account linked to the provider's subject (issuer and `sub`), once a first sign-in linked them. */
export async function accountOfSubject(db: EntityManager, subject: string): Promise<string | undefined> {
  const [row] = await db.query(`SELECT id FROM user_account WHERE oidc_subject=$1`, [subject]);
  return row?.id;
}

/**
 * Links an account to the provider's subject at its first sign-in, on its audit stream; from then
 * on the account is found by the subject, which the provider never reassigns, not by a name a
 * person may change there. False when the account is linked to another subject.
 */
export async function linkSubject(tx: EntityManager, userId: string, subject: string): Promise<boolean> {
  const [row] = await tx.query(`SELECT oidc_subject AS subject FROM user_account WHERE id=$1 FOR UPDATE`, [userId]);
  if (!row || (row.subject !== null && row.subject !== subject)) return false;
  if (row.subject === subject) return true;
  await tx.query(`UPDATE user_account SET oidc_subject=$2 WHERE id=$1`, [userId, subject]);
  await appendAudit(tx, { stream: accountStream(userId), eventType: 'ProviderLinked', actorId: userId, occurredAt: new Date().toISOString(), payload: { subject } });
  return true;
}

export async function useSignInCode(tx: EntityManager, code: string): Promise<void> {
  await tx.query(`UPDATE oidc_sign_in SET used_at=now() WHERE code_hash=$1`, [linkHash(code)]);
}
