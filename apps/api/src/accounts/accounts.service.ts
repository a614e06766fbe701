import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { checkPersonalId } from '@vinhdanh/domain/common/personal-id';
import { LINK_LIFETIME_HOURS, checkAccount, checkNotSelf, checkUsername, type LinkPurpose } from '@vinhdanh/domain/accounts/accounts';
import {
  accountRow,
  accountRows,
  changeAccount,
  createAccount,
  deactivateAccount,
  issueLink,
  lockAccount,
  reactivateAccount,
  resetSecondFactor,
  unattendedTasks,
  type AccountRow,
} from '@vinhdanh/persistence/accounts/accounts';
import { accountByPersonalId } from '@vinhdanh/persistence/read-model/identity';
import { auditRows, orgUnitRows, unitWithin, unitsWithin } from '@vinhdanh/persistence/read-model/org';
import { accountStream } from '@vinhdanh/persistence/accounts/accounts';
import { APP_CONFIG, personalIdHash, type AppConfig } from '@vinhdanh/platform';
import type { AuthenticatedActor } from '../common/actor';
import type { AccountChangeDto, NewAccountDto } from './dto';
import type { AccountChanged, AccountCreated, AccountDeactivated, AccountHistory, AccountLink, AccountList } from './responses';

/** Where the web app lets a person set their password; the token follows the #. */
export const SET_PASSWORD_PATH = '/app/mat-khau';

/**
 * Accounts administered in the product (docs/accounts.md). Administrators create, change, deactivate
 * and re-link accounts; every act is on the account's audit stream with the administrator and the
 * reason. None of it reaches a workflow: an administrator cannot act in a nomination or read a
 * ballot from here.
 */
@Injectable()
export class AccountsService {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async list(actor: AuthenticatedActor, filter: { unitId?: string; active?: boolean }): Promise<AccountList> {
    if (!actor.roles.some((r) => r === 'ADMIN' || r === 'AUDITOR' || r === 'INSPECTOR')) {
      throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị, kiểm soát viên và thanh tra xem được danh sách tài khoản.', 'Only administrators, auditors and inspectors read the list of accounts.');
    }
    const items = await accountRows(this.ds.manager, filter);
    // A scoped auditor reads the accounts of their scope's units only.
    if (actor.roles.includes('ADMIN') || !actor.scopeUnitId) return { items };
    const within = new Set(await unitsWithin(this.ds.manager, actor.scopeUnitId));
    return { items: items.filter((a) => within.has(a.unitId)) };
  }

  /** Every administrative act on the account, from the audit chain; a scoped auditor reads accounts of their scope only. */
  async history(actor: AuthenticatedActor, id: string): Promise<AccountHistory> {
    if (!actor.roles.some((r) => r === 'ADMIN' || r === 'AUDITOR' || r === 'INSPECTOR')) {
      throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị, kiểm soát viên và thanh tra xem được lịch sử tài khoản.', 'Only administrators, auditors and inspectors read an account’s history.');
    }
    const account = await accountRow(this.ds.manager, id);
    // Outside a scoped auditor's scope, an account is as absent as one that does not exist.
    const hidden = !!account && !actor.roles.includes('ADMIN') && !!actor.scopeUnitId && !(await unitWithin(this.ds.manager, account.unitId, actor.scopeUnitId));
    if (!account || hidden) throw notFound('ACCOUNT_NOT_FOUND', 'Không có tài khoản này.', 'No such account.');
    const rows = await auditRows(this.ds.manager, accountStream(id));
    return {
      account,
      entries: rows.map((r) => ({ seq: r.stream_seq, eventType: r.event_type, actorId: r.actor_id, actorName: r.full_name, occurredAt: new Date(r.occurred_at).toISOString(), payload: r.payload, streamHash: r.stream_hash })),
    };
  }

  async create(actor: AuthenticatedActor, dto: NewAccountDto): Promise<AccountCreated> {
    admin(actor);
    checkUsername(dto.username);
    const fullName = dto.fullName.trim();
    if (fullName.length < 2) throw invalid('NAME_REQUIRED', 'Cần họ và tên.', 'The full name is required.', 'fullName');
    const roles = checkAccount(dto);
    await this.checkUnits(this.ds.manager, dto.unitId, dto.scopeUnitId);
    const pidHash = dto.personalId ? this.personalId(dto.personalId) : null;
    return this.ds.transaction(async (tx) => {
      if (pidHash && (await accountByPersonalId(tx, pidHash))) {
        throw conflict('PERSONAL_ID_TAKEN', 'Số định danh cá nhân này đã gắn với một tài khoản khác.', 'This personal identification number already belongs to another account.');
      }
      const created = await createAccount(
        tx,
        { username: dto.username, fullName, email: dto.email?.trim() || null, unitId: dto.unitId, roles, scopeUnitId: dto.scopeUnitId ?? null, personalIdHash: pidHash, dutiesException: dto.dutiesException?.trim() || null },
        by(actor),
      );
      if (!created) throw conflict('USERNAME_TAKEN', 'Tên đăng nhập đã có người dùng.', 'The username is taken.');
      const link = await this.link(tx, dto.username, 'INVITE', actor);
      return { account: (await accountRow(tx, dto.username))!, link };
    });
  }

  async change(actor: AuthenticatedActor, id: string, dto: AccountChangeDto): Promise<AccountChanged> {
    admin(actor);
    return this.ds.transaction(async (tx) => {
      const before = await this.existing(tx, id, true);
      const after = {
        fullName: dto.fullName?.trim() || before.fullName,
        email: dto.email === undefined ? before.email : dto.email?.trim() || null,
        unitId: dto.unitId ?? before.unitId,
        roles: dto.roles ?? before.roles,
        scopeUnitId: dto.scopeUnitId === undefined ? before.scopeUnitId : dto.scopeUnitId?.trim() || null,
        dutiesException: dto.dutiesException === undefined ? before.dutiesException : dto.dutiesException?.trim() || null,
      };
      const powers = after.unitId !== before.unitId || after.scopeUnitId !== before.scopeUnitId || JSON.stringify(after.roles) !== JSON.stringify(before.roles);
      if (powers) checkNotSelf(actor.userId, id, 'roles');
      const roles = checkAccount(after);
      await this.checkUnits(tx, after.unitId, after.scopeUnitId);
      const changed = await changeAccount(tx, before, { ...after, roles }, { ...by(actor), reason: dto.reason });
      return { account: (await accountRow(tx, id))!, changed };
    });
  }

  async deactivate(actor: AuthenticatedActor, id: string, reason: string): Promise<AccountDeactivated> {
    admin(actor);
    checkNotSelf(actor.userId, id, 'deactivate');
    return this.ds.transaction(async (tx) => {
      const before = await this.existing(tx, id, true);
      await deactivateAccount(tx, id, { ...by(actor), reason });
      // The administrator learns at once what now has no one to do it, and gives the role to a colleague.
      return { account: (await accountRow(tx, id))!, unattended: await unattendedTasks(tx, before.unitId, before.roles) };
    });
  }

  async reactivate(actor: AuthenticatedActor, id: string, reason: string): Promise<AccountRow> {
    admin(actor);
    return this.ds.transaction(async (tx) => {
      const account = await this.existing(tx, id, false);
      if (account.active) throw conflict('ACCOUNT_ACTIVE', 'Tài khoản đang hoạt động.', 'The account is active.');
      // The rules, and the unit's existence, as they stand now: the account may have been off for years.
      checkAccount(account);
      await this.checkUnits(tx, account.unitId, account.scopeUnitId);
      await reactivateAccount(tx, id, { ...by(actor), reason });
      return (await accountRow(tx, id))!;
    });
  }

  /** Clears a lost second factor: the person enrols again at their next sign-in; their sessions end. */
  async resetSecondFactor(actor: AuthenticatedActor, id: string, reason: string): Promise<AccountRow> {
    admin(actor);
    checkNotSelf(actor.userId, id, 'roles');
    return this.ds.transaction(async (tx) => {
      await this.existing(tx, id, true);
      if (!(await resetSecondFactor(tx, id, { ...by(actor), reason }))) throw conflict('NO_SECOND_FACTOR', 'Tài khoản chưa bật xác thực hai lớp.', 'The account has no second factor.');
      return (await accountRow(tx, id))!;
    });
  }

  /** A new one-time link: an invitation while no password was ever set, a reset after. */
  async newLink(actor: AuthenticatedActor, id: string): Promise<AccountLink> {
    admin(actor);
    return this.ds.transaction(async (tx) => {
      const account = await this.existing(tx, id, true);
      return this.link(tx, id, account.hasPassword ? 'RESET' : 'INVITE', actor);
    });
  }

  private async link(tx: EntityManager, userId: string, purpose: LinkPurpose, actor: AuthenticatedActor): Promise<AccountLink> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + LINK_LIFETIME_HOURS[purpose] * 3_600_000);
    await issueLink(tx, { userId, token, purpose, expiresAt, by: by(actor) });
    return { path: `${SET_PASSWORD_PATH}#${token}`, purpose, expiresAt: expiresAt.toISOString() };
  }

  /** The account, locked for the change; `active` refuses one that was deactivated. */
  private async existing(tx: EntityManager, id: string, active: boolean): Promise<AccountRow> {
    const account = (await lockAccount(tx, id)) ? await accountRow(tx, id) : undefined;
    if (!account) throw notFound('ACCOUNT_NOT_FOUND', 'Không có tài khoản này.', 'No such account.');
    if (active && !account.active) throw conflict('ACCOUNT_INACTIVE', 'Tài khoản đã bị vô hiệu hóa; kích hoạt lại trước.', 'The account is deactivated; reactivate it first.');
    return account;
  }

  private async checkUnits(db: EntityManager, unitId: string, scopeUnitId: string | null | undefined): Promise<void> {
    const units = new Map((await orgUnitRows(db)).map((u) => [u.id, u]));
    const unit = units.get(unitId);
    if (!unit) throw invalid('UNKNOWN_UNIT', 'Không có đơn vị này.', 'No such unit.', 'unitId');
    if (unit.validTo) throw invalid('UNIT_CEASED', `Đơn vị đã chấm dứt hoạt động từ ${unit.validTo}.`, `The unit ceased on ${unit.validTo}.`, 'unitId');
    if (scopeUnitId && !units.has(scopeUnitId)) throw invalid('UNKNOWN_UNIT', 'Không có đơn vị phạm vi này.', 'No such scope unit.', 'scopeUnitId');
  }

  private personalId(text: string): string {
    const checked = checkPersonalId(text);
    if (checked instanceof DomainError) throw new DomainError({ ...checked.toBody(), field: 'personalId' });
    return personalIdHash(checked.digits, this.config.identityKey);
  }
}

function admin(actor: AuthenticatedActor): void {
  if (!actor.roles.includes('ADMIN')) throw forbidden('ROLE_REQUIRED', 'Chỉ quản trị hệ thống mới quản lý tài khoản.', 'Only an administrator manages accounts.');
}

const by = (actor: AuthenticatedActor) => ({ userId: actor.userId, role: 'ADMIN' });
