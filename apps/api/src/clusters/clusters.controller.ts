import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { UpdateDefinition } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { conflict, forbidden, notFound } from '@vinhdanh/domain/common/errors';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';
import { CLUSTER_ROUND_WORKFLOW_TYPE, clusterRoundWorkflowId, legacyClusterRoundWorkflowId, rotation, type ClusterDefinition, type ClusterRoundInput, type ClusterRoundView } from '@vinhdanh/domain/movement/cluster';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { clusterRoundOf, clusterRounds, clusters, findCluster, findClusterRound, scoreSheets, scoredUnits } from '@vinhdanh/persistence/read-model/clusters';
import { orgUnitRows } from '@vinhdanh/persistence/read-model/org';
import { closeRoundUpdate, clusterRoundQuery, signPledgeUpdate, submitScoresUpdate } from '@vinhdanh/workflows/cluster-round/messages';
import type { clusterRoundWorkflow } from '@vinhdanh/workflows/cluster-round/workflow';
import { CurrentActor, plainActor, type AuthenticatedActor } from '../common/actor';
import { uuidParam } from '../common/validation';
import { Operation } from '../contract/operation';
import { keyedIdFrom, uuidFromKey } from '../nominees/nominee-identity';
import { messageAuth } from '../temporal/message-auth';
import { Engine } from '../temporal/engine';
import { OpenRoundDto, ScoresDto } from './dto';
import { projected } from '../common/projected';
import type { ClusterList, ClusterRoundDetail, ClusterSummary } from './responses';

/**
 * Emulation clusters and blocks (cụm, khối thi đua): their members and rounds, and each year's
 * scoring as a durable workflow — the members' heads score, the year's leading unit closes, the
 * ranking proposes Cờ thi đua and Bằng khen within the quotas.
 */
@ApiTags('clusters')
@Controller('clusters')
export class ClustersController {
  /** Keyed ids: nobody outside can compute a future round's workflow id and take it first. */
  private readonly idOf: (key: string) => string;

  constructor(private readonly ds: DataSource, private readonly engine: Engine, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.idOf = keyedIdFrom(config.identityKey);
  }

  @Get()
  @Operation({
    summary: { vi: 'Các cụm, khối thi đua', en: 'Emulation clusters and blocks' },
    description: { vi: 'Thành viên, tiêu chí, chỉ tiêu khen thưởng và các năm đã chấm điểm của mỗi cụm, khối.', en: 'Each cluster’s members, criteria, award quotas and scored years.' },
    ok: { body: 'ClusterList' },
  })
  async list(): Promise<ClusterList> {
    const names = await this.names();
    return { items: await Promise.all((await clusters(this.ds.manager)).map((c) => this.summary(c, names))) };
  }

  @Post(':id/rounds')
  @Operation({
    summary: { vi: 'Mở chấm điểm năm của cụm, khối', en: 'Open a year’s scoring' },
    description: {
      vi: 'Thủ trưởng đơn vị Cụm trưởng của năm (theo luân phiên) mở chấm điểm cuối năm. Mở lại năm đã mở trả 200.',
      en: 'The head of the year’s leading unit (by rotation) opens the year-end scoring. Opening a year already open answers 200.',
    },
    ok: { status: 201, body: 'ClusterRoundDetail' },
    also: [{ status: 200, body: 'ClusterRoundDetail', description: { vi: 'Đã mở trước đó', en: 'Already open' } }],
    errors: [403, 404],
  })
  async open(@CurrentActor() actor: AuthenticatedActor, @Param('id') id: string, @Body() dto: OpenRoundDto, @Res({ passthrough: true }) res: Response): Promise<ClusterRoundDetail> {
    const cluster = await findCluster(this.ds.manager, id);
    if (!cluster) throw notFound('CLUSTER_NOT_FOUND', 'Không tìm thấy cụm, khối thi đua.', 'Cluster not found.');
    const { leaderUnitId, deputyUnitId } = rotation(cluster, dto.year);
    if (!actor.roles.includes('DECISION_MAKER') || actor.unitId !== leaderUnitId) {
      throw forbidden('LEADER_REQUIRED', 'Chỉ thủ trưởng đơn vị Cụm trưởng (Khối trưởng) của năm mới mở chấm điểm.', 'Only the head of the year’s leading unit opens the scoring.');
    }
    const opened = await clusterRoundOf(this.ds.manager, cluster.id, dto.year);
    if (opened) {
      res.status(200).location(`/clusters/rounds/${opened.id}`);
      return this.detail(actor, opened.id);
    }
    const roundId = this.idOf(['cluster-round', cluster.id, dto.year].join('|'));
    const workflowId = clusterRoundWorkflowId(roundId);
    const input: ClusterRoundInput = { roundId, cluster, year: dto.year, leaderUnitId, deputyUnitId, openedBy: plainActor(actor), auth: messageAuth() };
    let created = true;
    try {
      await this.engine.start<typeof clusterRoundWorkflow>(CLUSTER_ROUND_WORKFLOW_TYPE, { taskQueue: this.config.taskQueue, workflowId, args: [input], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      created = false;
    }
    res.status(created ? 201 : 200).location(`/clusters/rounds/${roundId}`);
    // The opening step is projected a moment after the start: the answer waits for it, and on a
    // busy machine answers what the workflow itself holds.
    if (await projected(() => findClusterRound(this.ds.manager, roundId), this.config.temporalRpcTimeoutMs)) return this.detail(actor, roundId);
    const view = await this.engine.query(workflowId, clusterRoundQuery);
    return {
      id: roundId, clusterId: cluster.id, year: view.year, status: view.status, leaderUnitId: view.leaderUnitId, deputyUnitId: view.deputyUnitId, ranking: view.ranking, pledgeSignedBy: view.pledgeSignedBy,
      openedAt: new Date().toISOString(), closedAt: null, cluster: await this.summary(cluster, await this.names()), sheets: [], scoredBy: view.scoredBy,
    };
  }

  @Get('rounds/:roundId')
  @Operation({
    summary: { vi: 'Xem chấm điểm năm của cụm, khối', en: 'Read a year’s scoring' },
    description: { vi: 'Trạng thái, đơn vị đã chấm, phiếu của đơn vị mình (mọi phiếu khi đã kết thúc) và xếp hạng với đề nghị khen thưởng.', en: 'Status, who has scored, one’s own unit’s sheet (every sheet once closed), and the ranking with its proposals.' },
    ok: { body: 'ClusterRoundDetail' },
    errors: [404],
  })
  async round(@CurrentActor() actor: AuthenticatedActor, @Param('roundId', uuidParam('roundId')) roundId: string): Promise<ClusterRoundDetail> {
    return this.detail(actor, roundId);
  }

  @Post('rounds/:roundId/scores')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Gửi phiếu chấm điểm', en: 'Send a score sheet' },
    description: { vi: 'Thủ trưởng đơn vị thành viên chấm mọi thành viên (kể cả đơn vị mình) theo từng tiêu chí; gửi lại thay phiếu trước, cho đến khi kết thúc.', en: 'A member unit’s head scores every member (itself included) on every criterion; sending again replaces the sheet, until the close.' },
    ok: { body: 'ClusterRoundDetail' },
    errors: [403, 404, 409],
  })
  async scores(@CurrentActor() actor: AuthenticatedActor, @Param('roundId', uuidParam('roundId')) roundId: string, @Body() dto: ScoresDto): Promise<ClusterRoundDetail> {
    return this.update(actor, roundId, submitScoresUpdate, { sheet: dto.sheet });
  }

  @Post('rounds/:roundId/pledge')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Ký giao ước thi đua', en: 'Sign the pledge' },
    description: { vi: 'Thủ trưởng đơn vị thành viên ký giao ước thi đua của cụm, khối cho năm, một lần.', en: 'A member unit’s head signs the cluster’s pledge for the year, once.' },
    ok: { body: 'ClusterRoundDetail' },
    errors: [403, 404, 409],
  })
  async pledge(@CurrentActor() actor: AuthenticatedActor, @Param('roundId', uuidParam('roundId')) roundId: string): Promise<ClusterRoundDetail> {
    return this.update(actor, roundId, signPledgeUpdate, {});
  }

  @Post('rounds/:roundId/close')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Kết thúc chấm điểm, xếp hạng', en: 'Close the scoring and rank' },
    description: { vi: 'Thủ trưởng đơn vị Cụm trưởng kết thúc khi mọi thành viên đã chấm; xếp hạng theo điểm các đơn vị khác chấm và đề nghị khen thưởng trong chỉ tiêu.', en: 'The leading unit’s head closes once every member has scored; the ranking by the scores the others gave, with the proposals within the quotas.' },
    ok: { body: 'ClusterRoundDetail' },
    errors: [403, 404, 409],
  })
  async close(@CurrentActor() actor: AuthenticatedActor, @Param('roundId', uuidParam('roundId')) roundId: string): Promise<ClusterRoundDetail> {
    return this.update(actor, roundId, closeRoundUpdate, {});
  }

  private async update<A extends object>(actor: AuthenticatedActor, roundId: string, def: UpdateDefinition<ClusterRoundView, [A & { actor: Actor }]>, body: A): Promise<ClusterRoundDetail> {
    const round = await findClusterRound(this.ds.manager, roundId);
    if (!round) throw ROUND_NOT_FOUND();
    await this.engine.update(roundWorkflowId(round), def, { ...body, actor: plainActor(actor) }, { ended: () => conflict('ROUND_CLOSED', 'Đã kết thúc chấm điểm của cụm, khối.', 'The cluster’s scoring is closed.') });
    return this.detail(actor, roundId);
  }

  private async detail(actor: AuthenticatedActor, roundId: string): Promise<ClusterRoundDetail> {
    const round = await findClusterRound(this.ds.manager, roundId);
    if (!round) throw ROUND_NOT_FOUND();
    const cluster = (await findCluster(this.ds.manager, round.clusterId))!;
    const sheets = await scoreSheets(this.ds.manager, roundId, round.status === 'CLOSED' ? undefined : actor.unitId);
    return { ...round, cluster: await this.summary(cluster, await this.names()), sheets, scoredBy: await scoredUnits(this.ds.manager, roundId) };
  }

  private async summary(c: ClusterDefinition, names: Map<string, { nameVi: string; nameEn: string }>): Promise<ClusterSummary> {
    return { ...c, memberNames: c.members.map((unitId) => ({ unitId, nameVi: names.get(unitId)?.nameVi ?? unitId, nameEn: names.get(unitId)?.nameEn ?? unitId })), rounds: await clusterRounds(this.ds.manager, c.id) };
  }

  private async names() {
    return new Map((await orgUnitRows(this.ds.manager)).map((u) => [u.id, { nameVi: u.nameVi, nameEn: u.nameEn }]));
  }
}

const ROUND_NOT_FOUND = () => notFound('ROUND_NOT_FOUND', 'Không tìm thấy đợt chấm điểm.', 'Scoring round not found.');

/** The workflow a round runs under: keyed, or the former cluster-and-year id of a round opened before. */
function roundWorkflowId(round: { id: string; clusterId: string; year: number }): string {
  const legacy = legacyClusterRoundWorkflowId(round.clusterId, round.year);
  return uuidFromKey(legacy) === round.id ? legacy : clusterRoundWorkflowId(round.id);
}
