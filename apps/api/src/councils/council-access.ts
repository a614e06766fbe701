import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '@vinhdanh/domain/common/errors';
import { findCouncil, findSession, sitsOn, type CouncilRow, type SessionRow } from '@vinhdanh/persistence/read-model/councils';
import { unitWithin } from '@vinhdanh/persistence/read-model/org';
import type { AuthenticatedActor } from '../common/actor';

/**
 * Council data goes to its members (and the secretary), and to auditors whose scope holds the
 * council's unit. Anyone else gets the same 404 as for a council or session that does not exist,
 * so an outsider learns nothing, not even that it exists.
 */
@Injectable()
export class CouncilAccess {
  constructor(private readonly ds: DataSource) {}

  async council(actor: AuthenticatedActor, councilId: string): Promise<CouncilRow> {
    const council = await findCouncil(this.ds.manager, councilId);
    if (council && ((await sitsOn(this.ds.manager, councilId, actor.userId)) || (await this.auditorOver(actor, council.unitId)))) return council;
    throw notFound('COUNCIL_NOT_FOUND', 'Không tìm thấy Hội đồng.', 'Council not found.');
  }

  async session(actor: AuthenticatedActor, sessionId: string): Promise<SessionRow> {
    const session = await findSession(this.ds.manager, sessionId);
    if (session) {
      const member = session.members.some((m) => m.userId === actor.userId) || (await sitsOn(this.ds.manager, session.councilId, actor.userId));
      if (member || (await this.auditorOver(actor, session.councilUnitId))) return session;
    }
    throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
  }

  private async auditorOver(actor: AuthenticatedActor, unitId: string): Promise<boolean> {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) return false;
    return !actor.scopeUnitId || unitWithin(this.ds.manager, unitId, actor.scopeUnitId);
  }
}
