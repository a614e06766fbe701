import { createHash } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { notFound } from '@vinhdanh/domain/common/errors';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { asDomainError } from '../common/error.filter';
import { BatchDecisionDto } from './dto';
import { NominationsService } from './nominations.service';

@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly service: NominationsService, private readonly ds: DataSource) {}

  /**
   * Confers several nominations in one decision: each nomination's workflow is asked to decide with
   * the same batch key, so they share one number; each answer (or refusal, with its reason) is
   * reported per nomination. The batch key is derived from the request, so a retry joins the same decision.
   */
  @Post()
  @HttpCode(200)
  async confer(@CurrentActor() actor: AuthenticatedActor, @Body() dto: BatchDecisionDto) {
    const ids = [...new Set(dto.nominationIds)].sort();
    const batchKey = `batch-${createHash('sha256').update([actor.userId, ...ids].join('|')).digest('hex').slice(0, 32)}`;
    const results = [];
    for (const id of ids) {
      try {
        const view = await this.service.decide(actor, id, { action: 'CONFER', titleVi: dto.titleVi, batchKey }, `${batchKey}:${id}`);
        results.push({ nominationId: id, ok: true, status: view.status, decision: view.decision });
      } catch (err) {
        const error = asDomainError(err);
        if (!error) throw err;
        results.push({ nominationId: id, ok: false, error });
      }
    }
    return { batchKey, results };
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const [decision] = await this.ds.query(
      `SELECT d.id, d.number, d.issuer_unit_id AS "issuerUnitId", u.name_vi AS "issuerNameVi", d.issued_on::text AS "issuedOn",
              d.signer_name AS "signerName", d.award_code AS "awardCode", d.title_vi AS "titleVi"
         FROM decision d JOIN org_unit u ON u.id = d.issuer_unit_id WHERE d.id = $1`,
      [id],
    );
    if (!decision) throw notFound('DECISION_NOT_FOUND', 'Không tìm thấy quyết định.', 'Decision not found.');
    const recipients = await this.ds.query(
      `SELECT nominee_name AS "nomineeName", nominee_kind AS "nomineeKind", award_code AS "awardCode", year, nomination_id AS "nominationId"
         FROM award_register WHERE decision_id = $1 ORDER BY nominee_name`,
      [id],
    );
    return { ...decision, recipients };
  }
}
