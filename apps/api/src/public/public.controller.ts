import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { catalogueVersions } from '@vinhdanh/domain/catalogue';
import { levelRank, type Level } from '@vinhdanh/domain/common/levels';
import { addWorkingDays } from '@vinhdanh/domain/common/working-days';
import { invalid } from '@vinhdanh/domain/common/errors';
import { Public } from '../auth/public.decorator';

/** Awards whose proposers must post the nominee list publicly, with the rule (union over catalogue versions). */
function disclosureRulesOf() {
  const rules = new Map<string, { workingDays: number; level: Level; citation: unknown[]; nameVi: string; nameEn: string }>();
  for (const version of catalogueVersions()) {
    for (const award of Object.values(version.awards)) {
      if (award.publicDisclosure) rules.set(award.code, { ...award.publicDisclosure, nameVi: award.nameVi, nameEn: award.nameEn });
    }
  }
  return rules;
}

/** The catalogue is code, fixed for the life of the process: read it once. */
const DISCLOSURE_RULES = disclosureRulesOf();

/**
 * What the law makes public, readable without signing in: the nominees under public posting and the
 * decisions issued. Only what a posted list or a signed decision shows — names, units, awards — and
 * never birth years, dossiers or votes.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(private readonly ds: DataSource) {}

  @Get('disclosures')
  async disclosures() {
    const rules = DISCLOSURE_RULES;
    const rows: { id: string; nomineeName: string; nomineeKind: string; awardCode: string; year: number; unitNameVi: string; unitNameEn: string; currentLevel: Level; levels: Level[]; firstAt: Record<string, string> }[] = await this.ds.query(
      `SELECT n.id, n.nominee_name AS "nomineeName", n.nominee_kind AS "nomineeKind", n.award_code AS "awardCode", n.year,
              u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn", n.current_level AS "currentLevel",
              (SELECT jsonb_object_agg(level, at) FROM (SELECT level, min(occurred_at) AS at FROM nomination_event e WHERE e.nomination_id = n.id GROUP BY level) x) AS "firstAt"
         FROM nomination n JOIN org_unit u ON u.id = n.unit_id
        WHERE n.award_code = ANY($1) AND n.status IN ('IN_REVIEW','SUPPLEMENT_REQUESTED','AWAITING_COUNCIL','AWAITING_DECISION')
        ORDER BY n.submitted_at DESC LIMIT 500`,
      [[...rules.keys()]],
    );
    const today = new Date().toISOString().slice(0, 10);
    return {
      items: rows.flatMap((r) => {
        const rule = rules.get(r.awardCode)!;
        const reachedAt = r.firstAt?.[rule.level];
        if (!reachedAt || levelRank(r.currentLevel) < levelRank(rule.level)) return [];
        const from = reachedAt.slice(0, 10);
        const to = addWorkingDays(from, rule.workingDays);
        return [{
          nominationId: r.id, nomineeName: r.nomineeName, nomineeKind: r.nomineeKind, awardCode: r.awardCode, awardNameVi: rule.nameVi, awardNameEn: rule.nameEn,
          year: r.year, unitNameVi: r.unitNameVi, unitNameEn: r.unitNameEn, level: rule.level,
          period: { from, to, workingDays: rule.workingDays }, open: today <= to, citation: rule.citation,
        }];
      }),
    };
  }

  @Get('decisions')
  @ApiQuery({ name: 'year', required: false, example: 2025 })
  async decisions(@Query('year') year?: string) {
    if (year !== undefined && !/^\d{4}$/.test(year)) throw invalid('BAD_YEAR', `Năm không hợp lệ: ${year}.`, `Invalid year: ${year}.`, 'year');
    const decisions = await this.ds.query(
      `SELECT d.id, d.number, d.issued_on::text AS "issuedOn", d.award_code AS "awardCode", d.title_vi AS "titleVi", d.signer_name AS "signerName",
              u.name_vi AS "issuerNameVi", u.name_en AS "issuerNameEn",
              COALESCE((SELECT jsonb_agg(jsonb_build_object('nomineeName', r.nominee_name, 'nomineeKind', r.nominee_kind) ORDER BY r.nominee_name)
                          FROM award_register r WHERE r.decision_id = d.id), '[]'::jsonb) AS recipients
         FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id
        WHERE ($1::int IS NULL OR d.year = $1::int)
        ORDER BY d.issued_on DESC, d.created_at DESC LIMIT 200`,
      [year === undefined ? null : Number(year)],
    );
    return { items: decisions };
  }
}
