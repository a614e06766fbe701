import type { EntityManager } from 'typeorm';
import type { RecordPhaseReviewEventInput, ReportFigures, ReviewTotals, UnitReportStatus } from '@vinhdanh/domain/movement/phase-review';
import type { DocumentRef } from '@vinhdanh/domain/ladder/nomination';
import { appendAudit } from '../audit/chain';
import { notifyUnit } from './outbox';

export interface PhaseReviewRow {
  id: string;
  movementId: string;
  phase: 'SO_KET' | 'TONG_KET';
  titleVi: string;
  deadline: string;
  status: 'OPEN' | 'CLOSING' | 'AGGREGATED';
  totals: ReviewTotals | null;
  openedBy: string;
  openedAt: string;
  aggregatedAt: string | null;
}

export interface UnitReportRow {
  unitId: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  status: UnitReportStatus;
  late: boolean;
  overdue: boolean;
  figures: ReportFigures | null;
  summary: string | null;
  documents: DocumentRef[] | null;
  submittedBy: string | null;
  submittedAt: string | null;
  /** Nominations the unit proposed at this review (khen thưởng tại đợt), and how many were awarded. */
  proposedAtReview: number;
  awardedAtReview: number;
}

const REVIEW = `id, movement_id AS "movementId", phase, title_vi AS "titleVi", deadline::text AS deadline, status, totals, opened_by AS "openedBy", opened_at AS "openedAt", aggregated_at AS "aggregatedAt"`;

const RULE = 'Kế hoạch 823/KH-UBND, mục II (sơ kết, tổng kết)';

/**
 * Projects one step of a review or of a unit's report, with its audit entry (stream
 * `phase-review:<id>`) and the notice to whoever must act, in one transaction; each step is recorded
 * once, whatever the retries.
 */
export async function recordPhaseReviewStep(db: EntityManager, e: RecordPhaseReviewEventInput): Promise<void> {
  await db.transaction(async (tx) => {
    const unit = e.unitId ?? null;
    // Once per review, unit and kind of step (a report is sent once; a reminder, once).
    const [done] = await tx.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = $2 AND coalesce(payload->>'unitId', '') = coalesce($3, '') LIMIT 1`, [`phase-review:${e.reviewId}`, e.type, unit]);
    if (done) return;
    switch (e.type) {
      case 'PhaseReviewOpened': {
        const r = e.review!;
        await tx.query(
          `INSERT INTO phase_review (id, movement_id, phase, title_vi, deadline, grace_days, status, opened_by) VALUES ($1,$2,$3,$4,$5,$6,'OPEN',$7) ON CONFLICT (id) DO NOTHING`,
          [e.reviewId, r.movementId, r.phase, r.titleVi, r.deadline, r.graceDays, r.openedBy],
        );
        break;
      }
      case 'PhaseReviewClosing':
        await tx.query(`UPDATE phase_review SET status = 'CLOSING' WHERE id = $1 AND status = 'OPEN'`, [e.reviewId]);
        break;
      case 'PhaseReviewAggregated':
        await tx.query(`UPDATE phase_review SET status = 'AGGREGATED', totals = $2, aggregated_at = now() WHERE id = $1`, [e.reviewId, JSON.stringify(e.totals)]);
        break;
      case 'UnitReportOpened':
        await tx.query(`INSERT INTO phase_review_unit (review_id, unit_id, status) VALUES ($1,$2,'OPEN') ON CONFLICT DO NOTHING`, [e.reviewId, unit]);
        await notice(tx, e, ['CLERK', 'DECISION_MAKER'], 'Báo cáo sơ kết, tổng kết phong trào thi đua', 'Report for the movement’s review', 'Sở Nội vụ đề nghị đơn vị gửi báo cáo sơ kết, tổng kết; mở “Sơ kết, tổng kết” để báo cáo.', 'The Department of Home Affairs asks for the unit’s review report; open “Reviews” to send it.');
        break;
      case 'UnitReportReminded':
        await tx.query(`UPDATE phase_review_unit SET reminded = true WHERE review_id = $1 AND unit_id = $2`, [e.reviewId, unit]);
        await notice(tx, e, ['CLERK'], 'Sắp hết hạn báo cáo sơ kết, tổng kết', 'Review report due soon', 'Còn 3 ngày đến hạn gửi báo cáo sơ kết, tổng kết.', 'The review report is due in three days.');
        break;
      case 'UnitReportOverdue':
        await tx.query(`UPDATE phase_review_unit SET overdue = true WHERE review_id = $1 AND unit_id = $2`, [e.reviewId, unit]);
        await notice(tx, e, ['CLERK', 'DECISION_MAKER'], 'Quá hạn báo cáo sơ kết, tổng kết', 'Review report overdue', 'Đơn vị chưa gửi báo cáo sơ kết, tổng kết đúng hạn; báo cáo gửi muộn được ghi là muộn.', 'The unit has not sent its review report on time; a late one is marked late.');
        break;
      case 'UnitReportSubmitted':
        await tx.query(
          `UPDATE phase_review_unit SET status = 'SUBMITTED', late = $3, figures = $4, summary = $5, documents = $6, submitted_by = $7, submitted_at = now() WHERE review_id = $1 AND unit_id = $2`,
          [e.reviewId, unit, e.report!.late, JSON.stringify(e.report!.figures), e.report!.summary, JSON.stringify(e.report!.documents), e.actor?.userId ?? null],
        );
        break;
      case 'UnitReportMissing':
        await tx.query(`UPDATE phase_review_unit SET status = 'MISSING' WHERE review_id = $1 AND unit_id = $2 AND status = 'OPEN'`, [e.reviewId, unit]);
        break;
    }
    await appendAudit(tx, {
      stream: `phase-review:${e.reviewId}`, eventType: e.type, actorId: e.actor?.userId ?? null, actorRole: e.actor?.role ?? null, rule: RULE, occurredAt: new Date().toISOString(),
      payload: { ...(unit ? { unitId: unit } : {}), ...(e.report ? { figures: e.report.figures, late: e.report.late } : {}), ...(e.totals ? { totals: e.totals } : {}) },
    });
  });
}

async function notice(tx: EntityManager, e: RecordPhaseReviewEventInput, roles: string[], subjectVi: string, subjectEn: string, bodyVi: string, bodyEn: string): Promise<void> {
  await notifyUnit(tx, { unitId: e.unitId!, roles, key: `phase-review:${e.reviewId}:${e.unitId}:${e.type}`, kind: e.type, subjectVi, subjectEn, bodyVi, bodyEn });
}

export async function reviewClosing(db: EntityManager, id: string): Promise<boolean> {
  const [row] = await db.query(`SELECT status FROM phase_review WHERE id = $1`, [id]);
  return row?.status === 'CLOSING' || row?.status === 'AGGREGATED';
}

export async function phaseReviews(db: EntityManager, unitId?: string): Promise<PhaseReviewRow[]> {
  return db.query(
    `SELECT ${REVIEW} FROM phase_review r WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM phase_review_unit u WHERE u.review_id = r.id AND u.unit_id = $1) ORDER BY opened_at DESC LIMIT 100`,
    [unitId ?? null],
  );
}

export async function findPhaseReview(db: EntityManager, id: string): Promise<PhaseReviewRow | undefined> {
  const [row] = await db.query(`SELECT ${REVIEW} FROM phase_review WHERE id = $1`, [id]);
  return row;
}

export async function unitReports(db: EntityManager, id: string, unitId?: string): Promise<UnitReportRow[]> {
  return db.query(
    `SELECT p.unit_id AS "unitId", o.name_vi AS "unitNameVi", o.name_en AS "unitNameEn", p.status, p.late, p.overdue, p.figures, p.summary, p.documents,
            p.submitted_by AS "submittedBy", p.submitted_at AS "submittedAt",
            (SELECT count(*)::int FROM nomination n WHERE n.unit_id = p.unit_id AND n.dossier->>'phaseReviewId' = p.review_id::text) AS "proposedAtReview",
            (SELECT count(*)::int FROM nomination n WHERE n.unit_id = p.unit_id AND n.dossier->>'phaseReviewId' = p.review_id::text AND n.status = 'AWARDED') AS "awardedAtReview"
       FROM phase_review_unit p LEFT JOIN org_unit o ON o.id = p.unit_id WHERE p.review_id = $1 AND ($2::text IS NULL OR p.unit_id = $2) ORDER BY o.name_vi`,
    [id, unitId ?? null],
  );
}

/** Whether a unit was asked to report to a review (and so may propose commendations at it). */
export async function unitInReview(db: EntityManager, reviewId: string, unitId: string): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM phase_review_unit WHERE review_id = $1 AND unit_id = $2`, [reviewId, unitId]);
  return rows.length > 0;
}
