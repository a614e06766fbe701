import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '@vinhdanh/domain/common/errors';
import type { AuthenticatedActor } from '../auth/public.decorator';
import type { ListQueryDto } from './dto';
import { shiftPlaceholders, visibleNominationsSql } from './visibility';

/** Reads of the projections: a nomination with its steps, filtered lists, and each actor's inbox. */
@Injectable()
export class NominationsQuery {
  constructor(private readonly ds: DataSource) {}

  /** 404, exactly as for a nomination that does not exist, unless the actor may read it. */
  async requireVisible(actor: AuthenticatedActor, id: string): Promise<void> {
    const vis = visibleNominationsSql(actor);
    const rows: unknown[] = await this.ds.query(`SELECT 1 FROM nomination n WHERE n.id = $1 AND (${shiftPlaceholders(vis.sql, 1)})`, [id, ...vis.params]);
    if (!rows.length) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
  }

  async get(actor: AuthenticatedActor, id: string) {
    const vis = visibleNominationsSql(actor);
    // Out of scope reads exactly like a nomination that does not exist.
    const [row] = await this.ds.query(`SELECT n.* FROM nomination n WHERE n.id = $1 AND (${shiftPlaceholders(vis.sql, 1)})`, [id, ...vis.params]);
    if (!row) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
    const steps = await this.ds.query(
      `SELECT seq, type, level, actor_id AS "actorId", actor_role AS "actorRole", reason, rule, data, occurred_at AS "occurredAt"
         FROM nomination_event WHERE nomination_id = $1 ORDER BY seq`,
      [id],
    );
    const tasks = await this.ds.query(
      `SELECT task_key AS "key", kind, level, unit_id AS "unitId", role, status, due_at AS "dueAt", created_at AS "createdAt", closed_at AS "closedAt", closed_by AS "closedBy"
         FROM task WHERE nomination_id = $1 ORDER BY created_at`,
      [id],
    );
    // The number with its issuer (numbers repeat across issuers), the bonus, and any revocation.
    const [decision] = row.decision_id
      ? await this.ds.query(
          `SELECT d.id, d.number, d.issued_on::text AS "issuedOn", d.signer_name AS "signerName", d.title_vi AS "titleVi",
                  COALESCE(d.issuer_name_vi, u.name_vi) AS "issuerNameVi", COALESCE(d.issuer_name_en, u.name_en) AS "issuerNameEn",
                  r.bonus, rd.number AS "revokedBy"
             FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id
             LEFT JOIN award_register r ON r.decision_id = d.id AND r.nomination_id = $2
             LEFT JOIN decision rd ON rd.id = r.revocation_decision_id
            WHERE d.id = $1`,
          [row.decision_id, id],
        )
      : [];
    const [proposal] = await this.ds.query(`SELECT number, submitted_on::text AS "submittedOn" FROM proposal_submission WHERE nomination_id = $1`, [id]);
    return { ...toNomination(row), steps, tasks, decision: decision ?? null, proposal: proposal ?? null };
  }

  async list(actor: AuthenticatedActor, q: ListQueryDto) {
    const vis = visibleNominationsSql(actor);
    const params: unknown[] = [...vis.params];
    const where = [vis.sql];
    const add = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`n.${column} = $${params.length}`);
    };
    add('unit_id', q.unitId);
    add('current_level', q.level);
    add('award_code', q.awardCode);
    add('status', q.status);
    add('year', q.year);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const rows = await this.ds.query(
      `SELECT n.*, count(*) OVER () AS total FROM nomination n WHERE ${where.join(' AND ')}
        ORDER BY n.submitted_at DESC, n.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { page, pageSize, total: Number(rows[0]?.total ?? 0), items: rows.map(toNomination) };
  }

  /** Open tasks of the caller's unit for any of the caller's roles; overdue ones flagged. */
  async inbox(actor: AuthenticatedActor) {
    const rows = await this.ds.query(
      `SELECT t.task_key AS "key", t.kind, t.level, t.role, t.due_at AS "dueAt", t.created_at AS "createdAt",
              t.due_at IS NOT NULL AND t.due_at < now() AS overdue,
              n.id AS "nominationId", n.nominee_name AS "nomineeName", n.award_code AS "awardCode", n.year, n.unit_id AS "unitId"
         FROM task t JOIN nomination n ON n.id = t.nomination_id
        WHERE t.status = 'OPEN' AND t.unit_id = $1 AND t.role = ANY($2)
        ORDER BY t.due_at NULLS LAST, t.created_at`,
      [actor.unitId, actor.roles],
    );
    return { items: rows };
  }

  async notifications(actor: AuthenticatedActor) {
    const rows = await this.ds.query(
      `SELECT id, kind, nomination_id AS "nominationId", subject_vi AS "subjectVi", subject_en AS "subjectEn", body_vi AS "bodyVi", body_en AS "bodyEn",
              created_at AS "createdAt", delivered_at AS "deliveredAt", read_at AS "readAt"
         FROM notification WHERE recipient_user_id = $1 AND delivered_at IS NOT NULL ORDER BY created_at DESC LIMIT 200`,
      [actor.userId],
    );
    return { items: rows };
  }
}

function toNomination(r: Record<string, any>) {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    unitId: r.unit_id,
    nominee: r.nominee,
    awardCode: r.award_code,
    awardNameVi: r.dossier?.awardNameVi,
    awardNameEn: r.dossier?.awardNameEn,
    year: r.year,
    status: r.status,
    currentLevel: r.current_level,
    currentStep: r.current_step,
    outcomeReason: r.outcome_reason,
    eligibility: r.eligibility,
    decisionId: r.decision_id,
    catalogueVersion: r.dossier?.catalogueVersion,
    dossier: r.dossier,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    lastSeq: r.last_seq,
    posting: r.posting ?? null,
  };
}
