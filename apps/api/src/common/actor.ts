import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';

export const IS_PUBLIC = 'vinhdanh:public';
/** Marks the few endpoints that need no sign-in: health, docs, sign-in, the public disclosure page. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export interface AuthenticatedActor extends Actor {
  scopeUnitId: string | null;
}

/** The authenticated caller, as the JWT guard loaded it from the account table. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedActor => ctx.switchToHttp().getRequest().actor);

/** The caller as a workflow message carries it: who, in which unit, with which roles (no scope). */
export const plainActor = (a: AuthenticatedActor): Actor => ({ userId: a.userId, fullName: a.fullName, unitId: a.unitId, roles: a.roles });
