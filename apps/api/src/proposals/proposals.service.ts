import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { awardKindOf, awardNames } from '@vinhdanh/domain/catalogue';
import { conflict, invalid, notFound } from '@vinhdanh/domain/common/errors';
import type { Level } from '@vinhdanh/domain/common/levels';
import { placeOf, proposalText, type ProposalFacts, type ProposalText } from '@vinhdanh/domain/decisions';
import { currentUnit } from '@vinhdanh/domain/routing';
import { visibleNominations } from '@vinhdanh/persistence/read-model/nominations';
import { orgUnits } from '@vinhdanh/persistence/read-model/org';
import { documentUnits, forwardedFrom } from '@vinhdanh/persistence/read-model/proposals';
import type { AuthenticatedActor } from '../common/actor';

/**
 * Drafts the proposal letter and list for nominations a level forwarded upward, from what their
 * workflows recorded: the route resolved at submission (re-routed at a merger), the day of
 * forwarding, and the dossiers. One letter comes from one proposer to one addressee for one year.
 */
@Injectable()
export class ProposalsService {
  constructor(private readonly ds: DataSource) {}

  async text(actor: AuthenticatedActor, ids: string[], level: Level): Promise<ProposalText> {
    const byId = new Map((await visibleNominations(this.ds.manager, actor, ids)).map((r) => [r.id, r]));
    // Another unit's dossier is as absent as a missing one: its existence is not disclosed.
    const absent = ids.find((id) => !byId.has(id));
    if (absent) throw notFound('NOMINATION_NOT_FOUND', `Không tìm thấy hồ sơ ${absent}.`, `Nomination ${absent} not found.`);
    const rows = ids.map((id) => byId.get(id)!);
    const forwarded = await forwardedFrom(this.ds.manager, ids, level);
    const waiting = rows.filter((r) => !forwarded.has(r.id));
    if (waiting.length) {
      const names = waiting.map((r) => r.nominee_name).join(', ');
      throw conflict('NOT_FORWARDED', `Hồ sơ chưa được cấp này trình lên trên: ${names}.`, `Not yet forwarded upward from this level: ${names}.`);
    }
    const org = new Map((await orgUnits(this.ds.manager)).map((u) => [u.id, u]));
    const parties = rows.map((r) => {
      const { forwardedOn, to } = forwarded.get(r.id)!;
      const route = r.dossier.route ?? [];
      const from = route.find((s) => s.level === level);
      const next = route.find((s) => s.level === to);
      if (!from || !next) throw conflict('NOT_FORWARDED', `Hồ sơ của ${r.nominee_name} không có tuyến trình qua cấp này.`, `${r.nominee_name}'s route does not pass this level.`);
      const at = (id: string) => currentUnit(org, id, forwardedOn)?.id ?? id;
      return { row: r, forwardedOn, proposer: at(from.decisionUnitId), addressee: at(next.decisionUnitId), through: at(next.reviewUnitId) };
    });
    const one = <T>(values: T[]) => new Set(values).size === 1;
    if (!one(parties.map((p) => p.proposer)) || !one(parties.map((p) => p.addressee)) || !one(rows.map((r) => r.year))) {
      throw invalid('PROPOSAL_MIXED', 'Một tờ trình chỉ gồm các hồ sơ cùng năm, do cùng một cơ quan trình lên cùng một cấp.', 'One proposal letter holds nominations of one year, forwarded by one body to one addressee.', 'nominationIds');
    }
    const [first] = parties;
    const units = await documentUnits(this.ds.manager, [...new Set([first.proposer, first.addressee, first.through, ...rows.map((r) => r.unit_id)])]);
    const unit = (id: string) => units.get(id)!;
    const proposer = unit(first.proposer);
    const date = parties.map((p) => p.forwardedOn).sort().at(-1)!;
    const facts: ProposalFacts = {
      proposerNameVi: proposer.nameVi,
      proposerCode: proposer.issuerCode,
      addresseeNameVi: unit(first.addressee).nameVi,
      throughNameVi: first.through !== first.addressee ? unit(first.through).nameVi : null,
      place: placeOf({ issuerLevel: proposer.level, issuerNameVi: proposer.nameVi, parentNameVi: proposer.parentNameVi }),
      date,
      year: rows[0].year,
      items: rows.map((r) => ({
        nomineeName: r.nominee_name,
        nomineeKind: r.nominee_kind,
        position: r.nominee.position ?? null,
        unitNameVi: unit(r.unit_id).nameVi,
        awardCode: r.award_code,
        awardKind: awardKindOf(r.award_code) ?? 'FORM',
        achievements: r.dossier.achievements,
        posthumous: Boolean(r.dossier.posthumous),
        frontLine: Boolean(r.nominee.frontLine),
      })),
    };
    return proposalText(facts, (code) => awardNames(code).vi);
  }
}
