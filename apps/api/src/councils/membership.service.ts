import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { checkAppointment, checkEndOfTerm, isCurrentMember } from '@vinhdanh/domain/council/membership';
import { accountRow } from '@vinhdanh/persistence/accounts/accounts';
import { appointMember, councilRows, councilTerms, endTerm, formCouncil, lockCouncil, type CouncilInfo } from '@vinhdanh/persistence/council/membership';
import { orgUnitRows, unitWithin, vietnamToday } from '@vinhdanh/persistence/read-model/org';
import { councilIdFor } from '@vinhdanh/domain/routing';
import type { Level } from '@vinhdanh/domain/common/levels';
import type { AuthenticatedActor } from '../common/actor';
import type { CouncilList, CouncilMembers } from './responses';

/**
 * Councils' membership, administered (docs/council-voting.md, "Membership"): administrators
 * appoint members for a term and end terms, dated and audited; a session takes the members of the
 * day it opens. Auditors read; a council's own members read their council.
 */
@Injectable()
export class MembershipService {
  constructor(private readonly ds: DataSource) {}

  async councils(actor: AuthenticatedActor): Promise<CouncilList> {
    const all = await councilRows(this.ds.manager);
    if (actor.roles.includes('ADMIN') || (reader(actor) && !actor.scopeUnitId)) return { items: all };
    if (!reader(actor)) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị, kiểm soát viên và thanh tra xem được danh sách Hội đồng.', 'Only administrators, auditors and inspectors read the list of councils.');
    const visible = [];
    for (const c of all) if (await unitWithin(this.ds.manager, c.unitId, actor.scopeUnitId!)) visible.push(c);
    return { items: visible };
  }

  async members(actor: AuthenticatedActor, councilId: string): Promise<CouncilMembers> {
    const council = (await councilRows(this.ds.manager)).find((c) => c.id === councilId);
    const terms = council ? await councilTerms(this.ds.manager, councilId) : [];
    const { today } = await vietnamToday(this.ds.manager);
    const allowed =
      !!council &&
      (actor.roles.includes('ADMIN') ||
        isCurrentMember(terms, actor.userId, today) ||
        (reader(actor) && (!actor.scopeUnitId || (await unitWithin(this.ds.manager, council.unitId, actor.scopeUnitId)))));
    // Outside those who may read it, a council is as absent as one that does not exist.
    if (!council || !allowed) throw notFound('COUNCIL_NOT_FOUND', 'Không có Hội đồng này.', 'No such council.');
    return { council, today, items: terms.map((t) => ({ ...t, current: t.fromDate <= today && (t.toDate === null || t.toDate >= today) })) };
  }

  /** A unit's emulation and commendation council, under the id routing gives the unit's level; members are appointed next. */
  async form(actor: AuthenticatedActor, f: { unitId: string; nameVi: string; nameEn: string; reason: string }): Promise<CouncilInfo> {
    admin(actor);
    const unit = (await orgUnitRows(this.ds.manager)).find((u) => u.id === f.unitId);
    if (!unit) throw invalid('UNKNOWN_UNIT', 'Không có đơn vị này.', 'No such unit.', 'unitId');
    if (unit.validTo) throw invalid('UNIT_CEASED', `Đơn vị đã chấm dứt hoạt động từ ${unit.validTo}.`, `The unit ceased on ${unit.validTo}.`, 'unitId');
    const council: CouncilInfo = { id: councilIdFor(unit.level as Level, unit.id), unitId: unit.id, level: unit.level, nameVi: f.nameVi.trim(), nameEn: f.nameEn.trim() };
    const formed = await this.ds.transaction((tx) => formCouncil(tx, { ...council, reason: f.reason, by: { userId: actor.userId, role: 'ADMIN' } }));
    if (!formed) throw conflict('COUNCIL_EXISTS', `Hội đồng ${council.id} đã có.`, `The council ${council.id} exists already.`);
    return council;
  }

  async appoint(actor: AuthenticatedActor, councilId: string, a: { userId: string; role: string; fromDate?: string; reason: string }): Promise<CouncilMembers> {
    admin(actor);
    await this.ds.transaction(async (tx) => {
      if (!(await lockCouncil(tx, councilId))) throw notFound('COUNCIL_NOT_FOUND', 'Không có Hội đồng này.', 'No such council.');
      const account = await accountRow(tx, a.userId);
      if (!account) throw invalid('UNKNOWN_ACCOUNT', 'Không có tài khoản này.', 'No such account.', 'userId');
      if (!account.active) throw conflict('ACCOUNT_INACTIVE', 'Tài khoản đã bị vô hiệu hóa.', 'The account is deactivated.');
      if (account.roles.includes('ADMIN')) throw invalid('ADMIN_WITH_WORKFLOW_ROLE', 'Quản trị hệ thống không là thành viên Hội đồng; hãy dùng tài khoản khác của người đó.', 'An administrator does not sit on a council; use the person’s other account.', 'userId');
      // The council role needs its account role: a secretary's is among those asked for a second factor, and
      // the account's roles are what the sign-in checks, not the seat it holds (docs/accounts.md).
      const needed = a.role === 'SECRETARY' ? 'COUNCIL_SECRETARY' : 'COUNCIL_MEMBER';
      if (!account.roles.includes(needed)) {
        throw invalid('COUNCIL_ROLE_NOT_ON_ACCOUNT', `Tài khoản cần vai trò ${needed === 'COUNCIL_SECRETARY' ? 'Thư ký Hội đồng' : 'Thành viên Hội đồng'} trước khi được bổ nhiệm (sửa tài khoản trước).`, `The account needs the role ${needed} before the appointment (change the account first).`, 'userId');
      }
      const { today } = await vietnamToday(tx);
      const role = checkAppointment(await councilTerms(tx, councilId), { userId: a.userId, role: a.role, fromDate: a.fromDate ?? today }, today);
      await appointMember(tx, { councilId, userId: a.userId, role, fromDate: a.fromDate ?? today, reason: a.reason, by: { userId: actor.userId, role: 'ADMIN' } });
    });
    return this.members(actor, councilId);
  }

  async end(actor: AuthenticatedActor, councilId: string, userId: string, e: { lastDay: string; reason: string }): Promise<CouncilMembers> {
    admin(actor);
    await this.ds.transaction(async (tx) => {
      if (!(await lockCouncil(tx, councilId))) throw notFound('COUNCIL_NOT_FOUND', 'Không có Hội đồng này.', 'No such council.');
      const { today } = await vietnamToday(tx);
      const term = checkEndOfTerm(await councilTerms(tx, councilId), userId, e.lastDay, today);
      await endTerm(tx, { councilId, userId, fromDate: term.fromDate, lastDay: e.lastDay, reason: e.reason, by: { userId: actor.userId, role: 'ADMIN' } });
    });
    return this.members(actor, councilId);
  }
}

const reader = (actor: AuthenticatedActor) => actor.roles.some((r) => r === 'AUDITOR' || r === 'INSPECTOR');

function admin(actor: AuthenticatedActor): void {
  if (!actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới bổ nhiệm, miễn nhiệm thành viên Hội đồng.', 'Only an administrator appoints and ends council members.');
}
