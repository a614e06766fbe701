import type { AuthenticatedActor } from '../common/actor';
import type { Role } from '@vinhdanh/domain/ladder/nomination';

/** A signed-in session: the bearer token for every other request, and who it belongs to. */
export interface LoginResult {
  /** A JWT (HS256); send it as `Authorization: Bearer …`. It expires (JWT_EXPIRES_IN). */
  accessToken: string;
  /** Keep it in the browser for this account and send it with the next sign-ins: guessing elsewhere does not slow them. */
  deviceToken: string;
  user: { id: string; fullName: string; unitId: string; roles: Role[] };
}

/** The caller as the API knows them: unit, roles and, for auditors and inspectors, the scope. */
export type Me = AuthenticatedActor;

/** A password set through a one-time link: the person signs in with it next. */
export interface PasswordSet {
  username: string;
}
