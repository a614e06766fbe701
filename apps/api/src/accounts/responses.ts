import type { AccountRow } from '@vinhdanh/persistence/accounts/accounts';
import type { LinkPurpose } from '@vinhdanh/domain/accounts/accounts';

/** The accounts endpoints' bodies. */

/** Accounts as administrators and auditors read them: never a password, hash or link. */
export interface AccountList {
  items: AccountRow[];
}

/**
 * A one-time link for the person to set their password. Shown once: only its hash is kept, so it
 * cannot be shown again; a new one revokes the old.
 */
export interface AccountLink {
  /** The web app's address, to append to the site's origin and hand to the person (the token is after #, so no server log ever sees it). */
  path: string;
  purpose: LinkPurpose;
  expiresAt: string;
}

export interface AccountCreated {
  account: AccountRow;
  link: AccountLink;
}

export interface AccountChanged {
  account: AccountRow;
  /** The fields that changed (none when the request changed nothing). */
  changed: string[];
}

/** An account and every administrative act on it, as the audit chain holds them. */
export interface AccountHistory {
  account: AccountRow;
  entries: { seq: number; eventType: string; actorId: string | null; actorName: string | null; occurredAt: string; payload: Record<string, unknown>; streamHash: string }[];
}

/** A deactivated account, and the unit's open tasks no active account can now take (its roles held by no one else). */
export interface AccountDeactivated {
  account: AccountRow;
  unattended: { role: string; openTasks: number }[];
}
