import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';

export const IS_PUBLIC = 'vinhdanh:public';
/** Marks the few endpoints that need no sign-in: health, docs, sign-in, the public disclosure page. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const BEFORE_SECOND_FACTOR = 'vinhdanh:before-second-factor';
/**
 * Marks what a person whose roles need a second factor may do before giving one: read who they are,
 * enrol a second factor, change their password. Everything else answers 403 SECOND_FACTOR_REQUIRED.
 */
export const BeforeSecondFactor = () => SetMetadata(BEFORE_SECOND_FACTOR, true);

/** Where the request stands with the second factor, as the guard found it (request.secondFactor). */
export interface SecondFactorState {
  /** The account's roles call for one (SECOND_FACTOR_ROLES), or it has one in use. */
  required: boolean;
  /** A second factor is in use on the account. */
  enabled: boolean;
  /** This session was opened with a code (a bearer token from the identity provider: where its `amr` names a second factor). */
  verified: boolean;
}

export const CurrentSecondFactor = createParamDecorator((_: unknown, ctx: ExecutionContext): SecondFactorState => ctx.switchToHttp().getRequest().secondFactor);

export interface AuthenticatedActor extends Actor {
  scopeUnitId: string | null;
}

/** The authenticated caller, as the JWT guard loaded it from the account table. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedActor => ctx.switchToHttp().getRequest().actor);

/** The caller as a workflow message carries it: who, in which unit, with which roles (no scope). */
export const plainActor = (a: AuthenticatedActor): Actor => ({ userId: a.userId, fullName: a.fullName, unitId: a.unitId, roles: a.roles });
