import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts administered in the product (docs/accounts.md): an account may exist before its owner
 * has set a password (an invitation is open), is deactivated rather than deleted (its acts stay
 * attributed), and counts its password changes: a token carries the count it was issued under, so older tokens stop working.
 * One-time links are kept as hashes only: whoever reads the database cannot use them. The second
 * factor's secret is sealed; the last time step accepted keeps a code from being used twice.
 */
export class Accounts1764320000000 implements MigrationInterface {
  name = 'Accounts1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE user_account ALTER COLUMN password_hash DROP NOT NULL,
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN credentials_version int NOT NULL DEFAULT 0,
        ADD COLUMN duties_exception text,
        ADD COLUMN totp_sealed text,
        ADD COLUMN totp_enabled_at timestamptz,
        ADD COLUMN totp_last_step bigint,
        ADD COLUMN totp_failures int NOT NULL DEFAULT 0,
        ADD COLUMN totp_failed_at timestamptz,
        ADD COLUMN oidc_subject text UNIQUE;

      CREATE TABLE account_link (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES user_account(id),
        purpose text NOT NULL CHECK (purpose IN ('INVITE','RESET')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX account_link_user_idx ON account_link (user_id);

      -- A term ends no earlier than the day before it begins (a term ended before its first day never sat).
      ALTER TABLE council_member ADD CONSTRAINT council_member_term CHECK (to_date IS NULL OR to_date >= from_date - 1);

      -- Sign-in through the province's identity provider: the authorization request waiting for its
      -- answer (state, PKCE verifier, nonce), and the one-time code the web app trades for a session.
      CREATE TABLE oidc_pending (
        state text PRIMARY KEY,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        redirect_uri text NOT NULL,
        binding_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE oidc_sign_in (
        code_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES user_account(id),
        binding_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE council_member DROP CONSTRAINT council_member_term;
      DROP TABLE oidc_sign_in; DROP TABLE oidc_pending; DROP TABLE account_link;
      UPDATE user_account SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE user_account ALTER COLUMN password_hash SET NOT NULL,
        DROP COLUMN active, DROP COLUMN deactivated_at, DROP COLUMN credentials_version, DROP COLUMN duties_exception, DROP COLUMN totp_sealed, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step, DROP COLUMN totp_failures, DROP COLUMN totp_failed_at, DROP COLUMN oidc_subject;
    `);
  }
}
