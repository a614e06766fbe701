import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { Public } from '../auth/public.decorator';

const YEAR = /^\d{4}$/;

/**
 * What the law makes public, readable without signing in: the nominees under public posting (with
 * the period the workflow set and whether comments are open) and the decisions issued, revoked ones
 * marked. Only what a posted list or a signed decision shows — names, units, awards — never birth
 * years, dossiers or votes.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicController {
  constructor(private readonly ds: DataSource) {}

  @Get('disclosures')
  async disclosures() {
    const rows: { id: string; nomineeName: string; nomineeKind: string; awardCode: string; awardNameVi: string; awardNameEn: string; year: number; unitNameVi: string; unitNameEn: string; status: string; posting: { level: string; kind: string; from: string; until: string; comments: number; unanswered: number; ended: boolean }; rule: Record<string, unknown> | null }[] = await this.ds.query(
      `SELECT n.id, n.nominee_name AS "nomineeName", n.nominee_kind AS "nomineeKind", n.award_code AS "awardCode", n.year,
              n.dossier->>'awardNameVi' AS "awardNameVi", n.dossier->>'awardNameEn' AS "awardNameEn",
              u.name_vi AS "unitNameVi", u.name_en AS "unitNameEn", n.status, n.posting,
              (SELECT e.data FROM nomination_event e WHERE e.nomination_id = n.id AND e.type = 'PublicPostingStarted' ORDER BY e.seq DESC LIMIT 1) AS rule
         FROM nomination n JOIN org_unit u ON u.id = n.unit_id
        WHERE n.posting IS NOT NULL AND n.status NOT IN ('REJECTED','WITHDRAWN','EXPIRED')
        ORDER BY (n.status = 'PUBLIC_POSTING') DESC, n.posting->>'until' DESC LIMIT 500`,
    );
    const now = Date.now();
    return {
      items: rows.map((r) => {
        const untilAt = typeof r.rule?.untilAt === 'string' ? r.rule.untilAt : `${r.posting.until}T23:59:59+07:00`;
        const open = r.status === 'PUBLIC_POSTING' && !r.posting.ended && now < Date.parse(untilAt);
        return {
          nominationId: r.id, nomineeName: r.nomineeName, nomineeKind: r.nomineeKind, awardCode: r.awardCode, awardNameVi: r.awardNameVi, awardNameEn: r.awardNameEn,
          year: r.year, unitNameVi: r.unitNameVi, unitNameEn: r.unitNameEn, level: r.posting.level, kind: r.posting.kind,
          period: { from: r.posting.from, to: r.posting.until, untilAt, days: r.rule?.days ?? null, unit: r.rule?.unit ?? null },
          open, comments: r.posting.comments, citation: r.rule?.citation ?? [],
        };
      }),
    };
  }

  /**
   * Decisions, newest first. `year` filters by the year of issue, `awardYear` by the year the awards
   * are for (a 2025 title is decided in 2026). Each names its issuer as it was when it signed.
   */
  @Get('decisions')
  @ApiQuery({ name: 'year', required: false, example: 2026 })
  @ApiQuery({ name: 'awardYear', required: false, example: 2025 })
  async decisions(@Query('year') year?: string, @Query('awardYear') awardYear?: string) {
    for (const [name, value] of [['year', year], ['awardYear', awardYear]] as const) {
      if (value !== undefined && !YEAR.test(value)) throw invalid('BAD_YEAR', `Năm không hợp lệ: ${value}.`, `Invalid year: ${value}.`, name);
    }
    const decisions = await this.ds.query(
      `SELECT d.id, d.number, d.kind, d.issued_on::text AS "issuedOn", d.year, d.award_year AS "awardYear", d.award_code AS "awardCode",
              d.title_vi AS "titleVi", d.title_en AS "titleEn", d.signer_name AS "signerName",
              COALESCE(d.issuer_name_vi, u.name_vi) AS "issuerNameVi", COALESCE(d.issuer_name_en, u.name_en) AS "issuerNameEn",
              COALESCE((SELECT jsonb_agg(jsonb_build_object('nomineeName', r.nominee_name, 'nomineeKind', r.nominee_kind, 'posthumous', r.posthumous,
                                                            'revoked', r.revoked_at IS NOT NULL, 'revokedBy', rd.number, 'revokedByIssuerVi', rd.issuer_name_vi) ORDER BY r.nominee_name)
                          FROM award_register r LEFT JOIN decision rd ON rd.id = r.revocation_decision_id WHERE r.decision_id = d.id), '[]'::jsonb) AS recipients
         FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id
        WHERE ($1::int IS NULL OR d.year = $1::int) AND ($2::int IS NULL OR d.award_year = $2::int)
        ORDER BY d.issued_on DESC, d.created_at DESC LIMIT 200`,
      [year === undefined ? null : Number(year), awardYear === undefined ? null : Number(awardYear)],
    );
    return { items: decisions };
  }
}
