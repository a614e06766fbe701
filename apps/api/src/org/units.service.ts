import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { createUnit, lockUnit, orgUnitRows, renameUnit, type NewUnit } from '@vinhdanh/persistence/read-model/org';
import type { AuthenticatedActor } from '../common/actor';
import type { OrgUnitView } from './responses';

/** The unit ids: stable for ever (decisions, routes and accounts name them), so plain and lower-case. */
const UNIT_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const RANK = { UNIT: 0, PROVINCE: 1, CENTRAL: 2 } as const;

/**
 * Units administered: added to the tree and renamed, each act on the unit's audit stream. A unit
 * ends by succession (OrgController), never by deletion: decisions and routes keep naming it.
 */
@Injectable()
export class UnitsService {
  constructor(private readonly ds: DataSource) {}

  async create(actor: AuthenticatedActor, u: NewUnit): Promise<OrgUnitView> {
    admin(actor);
    if (!UNIT_ID.test(u.id)) throw invalid('BAD_UNIT_ID', 'Mã đơn vị gồm 2–63 ký tự: chữ thường không dấu, số, gạch ngang.', 'A unit id is 2–63 characters: lower-case letters without diacritics, digits, hyphens.', 'id');
    return this.ds.transaction(async (tx) => {
      const units = new Map((await orgUnitRows(tx)).map((x) => [x.id, x]));
      if (u.parentId) {
        const parent = units.get(u.parentId);
        if (!parent) throw invalid('UNKNOWN_UNIT', 'Không có đơn vị cấp trên này.', 'No such parent unit.', 'parentId');
        if (parent.validTo) throw invalid('UNIT_CEASED', `Đơn vị cấp trên đã chấm dứt hoạt động từ ${parent.validTo}.`, `The parent unit ceased on ${parent.validTo}.`, 'parentId');
        if (RANK[u.level] > RANK[parent.level as keyof typeof RANK]) {
          throw invalid('LEVEL_ABOVE_PARENT', 'Đơn vị không thể ở cấp cao hơn đơn vị cấp trên của nó.', 'A unit cannot be of a higher level than its parent.', 'level');
        }
      }
      if (!(await createUnit(tx, u, { userId: actor.userId, role: 'ADMIN' }))) throw conflict('UNIT_EXISTS', 'Mã đơn vị đã có.', 'The unit id is taken.');
      return (await orgUnitRows(tx)).find((x) => x.id === u.id)!;
    });
  }

  async rename(actor: AuthenticatedActor, id: string, r: { nameVi?: string; nameEn?: string; issuerCode?: string; reason: string }): Promise<OrgUnitView> {
    admin(actor);
    return this.ds.transaction(async (tx) => {
      const unit = await lockUnit(tx, id);
      if (!unit) throw notFound('UNIT_NOT_FOUND', 'Không có đơn vị này.', 'No such unit.');
      if (unit.validTo) throw conflict('ALREADY_CEASED', 'Đơn vị đã chấm dứt hoạt động; tên của nó giữ như lúc đó.', 'The unit has ceased; its name stays as it was.');
      const before = { nameVi: unit.nameVi, nameEn: unit.nameEn, issuerCode: unit.issuerCode };
      const after = { nameVi: r.nameVi?.trim() ?? unit.nameVi, nameEn: r.nameEn?.trim() ?? unit.nameEn, issuerCode: r.issuerCode?.trim() ?? unit.issuerCode };
      await renameUnit(tx, { id, before, after, reason: r.reason, by: { userId: actor.userId, role: 'ADMIN' } });
      return (await orgUnitRows(tx)).find((x) => x.id === id)!;
    });
  }
}

function admin(actor: AuthenticatedActor): void {
  if (!actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới quản lý đơn vị.', 'Only an administrator manages units.');
}
