import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { awardDefinition, isAwardCode } from '@vinhdanh/domain/catalogue';
import { bonusFor, decisionTitle, type BaseSalaryStep } from '@vinhdanh/domain/decisions';
import type { RecipientKind } from '@vinhdanh/domain/common/levels';
import { allocateNumber } from '@vinhdanh/persistence/read-model/numbering';
import { decisionOfBatch, insertDecision, registerAward } from '@vinhdanh/persistence/read-model/decisions';
import { nominationRow } from '@vinhdanh/persistence/read-model/nominations';
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
  const nomination = await nominationRow(tx, input.nominationId);
  const award = isAwardCode(input.awardCode) ? awardDefinition(input.awardCode, nomination?.dossier?.achievementPeriod?.to ?? `${input.year}-12-31`) : undefined;
  let decision = await decisionOfBatch(tx, input.batchKey);
  if (!decision) {
    const { number, seq, year, today, issuer } = await allocateNumber(tx, 'DECISION', input.issuerUnitId);
    const title = award ? decisionTitle(award, input.year) : { vi: `Quyết định về việc tặng ${input.awardNameVi}`, en: `Decision conferring ${input.awardCode}` };
    decision = await insertDecision(tx, {
      id: randomUUID(), kind: 'AWARD', batchKey: input.batchKey, number, issuerUnitId: input.issuerUnitId, year, seq, issuedOn: today, signer: input.signer,
      awardCode: input.awardCode, title: { vi: input.titleVi ?? title.vi, en: title.en }, issuer, awardYear: input.year,
    });
  }
  const bonus = award && nomination ? bonusFor(award, nomination.nominee_kind as RecipientKind, decision.issuedOn, baseSalary) : undefined;
  await registerAward(tx, input.nominationId, decision, bonus ?? null);
  return { decisionId: decision.id, number: decision.number, issuedOn: decision.issuedOn, issuerUnitId: decision.issuerUnitId, issuerNameVi: decision.issuerNameVi, issuerNameEn: decision.issuerNameEn };
}
