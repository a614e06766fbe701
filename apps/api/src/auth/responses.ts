import type { AuthenticatedActor, SecondFactorState } from '../common/actor';
import type { Role } from '@vinhdanh/domain/ladder/nomination';

/** A signed-in session: the bearer token for every other request, and who it belongs to. */
export interface LoginResult {
  /** A JWT (HS256); send it as `Authorization: Bearer …`. It expires (JWT_EXPIRES_IN). */
  accessToken: string;
  /** Keep it in the browser for this account and send it with the next sign-ins: guessing elsewhere does not slow them. */
  deviceToken: string;
  user: { id: string; fullName: string; unitId: string; roles: Role[] };
  /**
   * VERIFIED: signed in with a one-time code. ENROLMENT_REQUIRED: the account's roles need a second
   * factor and it has none yet: until it is turned on (`POST /auth/second-factor`), only /auth/me,
   * the enrolment and a password change answer. NOT_USED: the account needs none.
   */
  secondFactor: 'VERIFIED' | 'ENROLMENT_REQUIRED' | 'NOT_USED';
}

/** The caller as the API knows them: unit, roles and, for auditors and inspectors, the scope; and where they stand with the second factor. */
export type Me = AuthenticatedActor & { secondFactor: SecondFactorState };

/** A new second factor, waiting for its first code: shown once, to put into an authenticator app. */
export interface SecondFactorEnrolment {
  /** The secret in base32, to type into the app by hand. */
  secret: string;
  /** The otpauth:// address the app reads from a QR code. */
  uri: string;
}

/** A password set through a one-time link: the person signs in with it next. */
export interface PasswordSet {
  username: string;
}

/** How people may sign in here, for the sign-in page. */
export interface SignInOptions {
  /** Through the province's identity provider (GET /auth/oidc/start). */
  singleSignOn: boolean;
}
