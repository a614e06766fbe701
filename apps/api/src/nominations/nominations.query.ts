import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '@vinhdanh/domain/common/errors';
import {
  awardingDecision,
  listNominations,
  nominationSteps,
  nominationTasks,
  notificationsOf,
  markTasksRead,
  openTasks,
  proposalOf,
  toNomination,
  visibleNomination,
  type NominationRow,
} from '@vinhdanh/persistence/read-model/nominations';
import type { AuthenticatedActor } from '../common/actor';
import { sameAwardYearBefore } from '@vinhdanh/persistence/nominee-record';
import { registrationOf } from '@vinhdanh/persistence/read-model/registrations';
import { uuidFromKey } from '../nominees/nominee-identity';
import type { InboxQueryDto, ListQueryDto } from './dto';
import type { Inbox, NominationDetail, NominationPage, Notifications } from './responses';
import { interruptionOfRun } from '@vinhdanh/persistence/archive/engine-interruptions';
import { INTERRUPTION_TEXT } from '@vinhdanh/domain/engine/interruptions';
import { openStallOf } from '@vinhdanh/persistence/archive/engine-stalls';
import { STALL_TEXT } from '@vinhdanh/domain/engine/stalls';
import { isNamesake } from '@vinhdanh/domain/conflicts';
import { namesakesDeclared } from '@vinhdanh/persistence/read-model/conflicts';

const NOT_FOUND = () => notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');

/** Reads of the projections: a nomination with its steps, filtered lists, and each actor's inbox. */
@Injectable()
export class NominationsQuery {
  constructor(private readonly ds: DataSource) {}

  /** The row, or 404 exactly as for a nomination that does not exist, unless the actor may read it. */
  async requireVisible(actor: AuthenticatedActor, id: string): Promise<NominationRow> {
    const row = await visibleNomination(this.ds.manager, actor, id);
    if (!row) throw NOT_FOUND();
    return row;
  }

  async get(actor: AuthenticatedActor, id: string): Promise<NominationDetail> {
    const row = await this.requireVisible(actor, id);
    const db = this.ds.manager;
    const nomineeKey = row.nominee.nomineeKey;
    const namesake = isNamesake(actor.fullName, row.nominee);
    const [steps, tasks, decision, proposal, repeated, registered, interrupted, stalled, declared] = await Promise.all([
      nominationSteps(db, id),
      nominationTasks(db, id),
      row.decision_id ? awardingDecision(db, row.decision_id, id) : undefined,
      proposalOf(db, id),
      sameAwardYearBefore(db, nomineeKey, row.award_code, row.year),
      nomineeKey ? registrationOf(db, nomineeKey, row.award_code, row.year) : undefined,
      interruptionOfRun(db, row.run_id),
      openStallOf(db, row.workflow_id),
      namesake ? namesakesDeclared(db, actor.userId, [id]) : undefined,
    ]);
    // Opening the dossier reads the task that is the reader's: the inbox stops marking it new for
    // them. Written only when there is such a task (a page following a working dossier writes nothing).
    if (tasks.some((t) => t.status === 'OPEN' && t.unitId === actor.unitId && actor.roles.includes(t.role))) await markTasksRead(db, actor, id);
    return {
      ...toNomination(row),
      steps,
      tasks,
      decision: decision ?? null,
      proposal: proposal ?? null,
      nomineeId: nomineeKey ? uuidFromKey(nomineeKey) : null,
      sameAwardYearBefore: repeated,
      registration: registered ? { registrationId: registered.registrationId, status: registered.status, late: registered.late } : null,
      engineInterruption: interrupted
        ? { finding: interrupted.finding, closedAt: new Date(interrupted.closedAt).toISOString(), messageVi: INTERRUPTION_TEXT[interrupted.finding].vi, messageEn: INTERRUPTION_TEXT[interrupted.finding].en }
        : null,
      engineStall: stalled ? { step: stalled.step, kind: stalled.kind, since: new Date(stalled.stalledAt).toISOString(), messageVi: STALL_TEXT[stalled.kind].vi, messageEn: STALL_TEXT[stalled.kind].en } : null,
      namesakeOfReader: namesake ? { declared: !!declared?.has(id) } : null,
    };
  }

  async list(actor: AuthenticatedActor, q: ListQueryDto): Promise<NominationPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const { total, rows } = await listNominations(this.ds.manager, actor, { ...q, page, pageSize });
    return { page, pageSize, total, items: rows.map(toNomination) };
  }

  /** Open tasks of the caller's unit for any of the caller's roles, filtered and paged; overdue ones flagged. */
  async inbox(actor: AuthenticatedActor, q: InboxQueryDto = {}): Promise<Inbox> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const { sort, page: _p, pageSize: _s, ...filter } = q;
    return { page, pageSize, ...(await openTasks(this.ds.manager, actor, filter, { sort, page, pageSize })) };
  }

  async notifications(actor: AuthenticatedActor): Promise<Notifications> {
    return { items: await notificationsOf(this.ds.manager, actor.userId) };
  }
}
