import type { EntityManager } from 'typeorm';
import { linkHash } from './accounts';

/**
 * Sign-in through the province's identity provider (docs/accounts.md): what the API keeps between
 * sending a person to the provider and their return (10 minutes at most), and the one-time code
 * the web app then trades for a session (2 minutes, once; kept as a hash).
 */

export async function savePending(db: EntityManager, p: { state: string; codeVerifier: string; nonce: string; redirectUri: string }): Promise<void> {
  // Requests nobody came back from are swept as new ones arrive.
  await db.query(`DELETE FROM oidc_pending WHERE created_at < now() - interval '10 minutes'`);
  await db.query(`INSERT INTO oidc_pending (state, code_verifier, nonce, redirect_uri) VALUES ($1,$2,$3,$4)`, [p.state, p.codeVerifier, p.nonce, p.redirectUri]);
}

/** The request a `state` names, taken once (a replayed answer finds nothing). */
export async function takePending(db: EntityManager, state: string): Promise<{ codeVerifier: string; nonce: string; redirectUri: string } | undefined> {
  const [rows] = await db.query(
    `DELETE FROM oidc_pending WHERE state=$1 AND created_at > now() - interval '10 minutes' RETURNING code_verifier AS "codeVerifier", nonce, redirect_uri AS "redirectUri"`,
    [state],
  );
  return rows[0];
}

export async function issueSignInCode(db: EntityManager, userId: string, code: string): Promise<void> {
  await db.query(`DELETE FROM oidc_sign_in WHERE created_at < now() - interval '1 day'`);
  await db.query(`INSERT INTO oidc_sign_in (code_hash, user_id) VALUES ($1,$2)`, [linkHash(code), userId]);
}

/** The account an unused, fresh sign-in code is for, locked until `useSignInCode` (or the end of the transaction). */
export async function openSignInCode(tx: EntityManager, code: string): Promise<string | undefined> {
  const [row] = await tx.query(`SELECT user_id AS "userId" FROM oidc_sign_in WHERE code_hash=$1 AND used_at IS NULL AND created_at > now() - interval '2 minutes' FOR UPDATE`, [linkHash(code)]);
  return row?.userId;
}

export async function useSignInCode(tx: EntityManager, code: string): Promise<void> {
  await tx.query(`UPDATE oidc_sign_in SET used_at=now() WHERE code_hash=$1`, [linkHash(code)]);
}
