import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { awardDefinition, isAwardCode } from '@vinhdanh/domain/catalogue';
import { bonusFor, decisionTitle, type BaseSalaryStep } from '@vinhdanh/domain/decisions';
import type { RecipientKind } from '@vinhdanh/domain/common/levels';
import { allocateNumber } from '@vinhdanh/persistence/read-model/numbering';
import type { IssueDecisionInput, IssueDecisionResult } from '@vinhdanh/domain/ladder/activities';

const UNIQUE_VIOLATION = '23505';

/**
 * Issues (or finds) the decision for a batch and enters the nomination in the award register.
 *
 * Numbers are `<seq>/QĐ-<issuer code>`, gap-free per issuer and year: the counter row is bumped in
 * the same transaction as the decision insert, so concurrent issuers queue on its row lock and a
 * failed insert gives its number back. Nominations decided with the same batch key share one
 * decision; a retry finds the decision it already made. The decision keeps its issuer's name as
 * it was that day, and each recipient's bonus at the base salary in force on the decision date.
 */
export async function issueDecisionIn(ds: DataSource, input: IssueDecisionInput, baseSalary: BaseSalaryStep[]): Promise<IssueDecisionResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ds.transaction((tx) => issueOnce(tx, input, baseSalary));
    } catch (err) {
      // Two first members of one batch raced on batch_key: the loser retries and joins the winner.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION && attempt < 3) continue;
      throw err;
    }
  }
}

async function issueOnce(tx: EntityManager, input: IssueDecisionInput, baseSalary: BaseSalaryStep[]): Promise<IssueDecisionResult> {
  const [nomination] = await tx.query(`SELECT nominee_kind, dossier, nominee FROM nomination WHERE id=$1`, [input.nominationId]);
  const award = isAwardCode(input.awardCode) ? awardDefinition(input.awardCode, nomination?.dossier?.achievementPeriod?.to ?? `${input.year}-12-31`) : undefined;
  let [decision] = await tx.query(`SELECT id, number, issued_on::text AS issued_on, issuer_unit_id, issuer_name_vi, issuer_name_en FROM decision WHERE batch_key=$1`, [input.batchKey]);
  if (!decision) {
    const { number, seq, year, today, issuer } = await allocateNumber(tx, 'DECISION', input.issuerUnitId);
    const title = award ? decisionTitle(award, input.year) : { vi: `Quyết định về việc tặng ${input.awardNameVi}`, en: `Decision conferring ${input.awardCode}` };
    [decision] = await tx.query(
      `INSERT INTO decision (id, batch_key, number, issuer_unit_id, year, seq, issued_on, signer_id, signer_name, award_code, title_vi, title_en, issuer_name_vi, issuer_name_en, award_year, kind, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,'AWARD',now())
       RETURNING id, number, issued_on::text AS issued_on, issuer_unit_id, issuer_name_vi, issuer_name_en`,
      [randomUUID(), input.batchKey, number, input.issuerUnitId, year, seq, today, input.signer.userId, input.signer.fullName, input.awardCode, input.titleVi ?? title.vi, title.en, issuer.nameVi, issuer.nameEn, input.year],
    );
  }
  const bonus = award && nomination ? bonusFor(award, nomination.nominee_kind as RecipientKind, decision.issued_on, baseSalary) : undefined;
  await tx.query(
    `INSERT INTO award_register (nominee_key, nominee_name, nominee_kind, award_code, year, decision_number, decided_on, decision_id, nomination_id, source, unit_id, issuer_unit_id, issuer_name_vi, bonus, posthumous)
     SELECT n.nominee->>'nomineeKey', n.nominee_name, n.nominee_kind, n.award_code, n.year, $2, $3, $4, n.id, 'REGISTER', n.unit_id, $5, $6, $7, COALESCE((n.dossier->>'posthumous')::boolean, false)
       FROM nomination n WHERE n.id=$1
     ON CONFLICT (nomination_id) WHERE nomination_id IS NOT NULL DO NOTHING`,
    [input.nominationId, decision.number, decision.issued_on, decision.id, decision.issuer_unit_id, decision.issuer_name_vi, bonus ?? null],
  );
  return { decisionId: decision.id, number: decision.number, issuedOn: decision.issued_on, issuerUnitId: decision.issuer_unit_id, issuerNameVi: decision.issuer_name_vi, issuerNameEn: decision.issuer_name_en };
}
