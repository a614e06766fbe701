import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { roleName } from '@vinhdanh/domain/ladder/nomination';
import type { PayloadCodec } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { conflict, forbidden, notFound } from '@vinhdanh/domain/common/errors';
import { temporal } from '@temporalio/proto';
import { ArchiveIntegrityError, archivedHistory } from '@vinhdanh/persistence/archive/history-archive';
import { canonicalJson, legacyPlaintextBindings } from '@vinhdanh/persistence';
import { verifyAuditChains } from '@vinhdanh/persistence/audit/verify';
import { auditRows, streamOwnerUnit, unitWithin, workflowOwnerUnit } from '@vinhdanh/persistence/read-model/org';
import { GROUND_TEXT, type ConflictGround } from '@vinhdanh/domain/conflicts';
import { APP_CONFIG, vinhDanhDataConverter, workflowBundleOptions, type AppConfig } from '@vinhdanh/platform';
import type { AuthenticatedActor } from '../common/actor';
import { DecisionDocuments } from '../nominations/decision-documents.service';
import { projectedEventKeys, visibleNomination, visibleNominationIds, type NominationRow } from '@vinhdanh/persistence/read-model/nominations';
import { auditedEventKeys, auditStreamRows, decisionRowOf, tallyRecordsOf, userNames } from '@vinhdanh/persistence/read-model/audit-records';
import { PAYLOAD_CODEC } from '../temporal/temporal.module';
import { Engine } from '../temporal/engine';
import { describeEvent, eventsFromHistory } from './history';
import type { AuditExport, AuditPeriodExport, CouncilTimeline, NominationTimeline, ReplayAllReport, ReplayReport, TemporalHistory, TimelineEntry } from './responses';
import type { ChainReport } from '@vinhdanh/persistence/audit/verify';

const silent = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: console.error, log: () => undefined };

@Injectable()
export class AuditService {
  private bundle?: Promise<{ code: string }>;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: Engine,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec,
    private readonly decisions: DecisionDocuments,
  ) {}

  private owner(workflowId: string) {
    return { namespace: this.config.temporalNamespace, workflowId };
  }

  requireAuditor(actor: AuthenticatedActor): void {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) {
      throw forbidden('AUDITOR_ONLY', 'Chỉ thanh tra, kiểm tra mới xem được nhật ký kiểm toán.', 'Only auditors may read the audit trail.');
    }
  }

  /**
   * The whole chain is verified for everyone (a break anywhere is a finding); an auditor with a
   * scope learns where a break is only when it lies within that scope.
   */
  async verifyChains(actor: AuthenticatedActor): Promise<ChainReport> {
    const report = await verifyAuditChains(this.ds.manager);
    if (!actor.scopeUnitId) return report;
    const inScope = async (unit: string | undefined) => unit !== undefined && (await unitWithin(this.ds.manager, unit, actor.scopeUnitId!));
    const outside = '(ngoài phạm vi / outside your scope)';
    const problem = report.archive.firstProblem;
    const archive = problem && !(await inScope(await workflowOwnerUnit(this.ds.manager, problem.workflowId))) ? { ...report.archive, firstProblem: { workflowId: outside, runId: outside, problem: problem.problem } } : report.archive;
    const findings = [];
    for (const f of report.engine.findings) if (await inScope(await workflowOwnerUnit(this.ds.manager, f.workflowId))) findings.push(f);
    const engine = { findings };
    if (!report.firstBroken || (await inScope(await streamOwnerUnit(this.ds.manager, report.firstBroken.stream)))) return { ...report, archive, engine };
    return { ...report, archive, engine, firstBroken: { globalSeq: report.firstBroken.globalSeq, problem: report.firstBroken.problem, stream: outside } };
  }

  private async nomination(actor: AuthenticatedActor, id: string) {
    this.requireAuditor(actor);
    // Out of scope reads exactly like a nomination that does not exist.
    const row = await visibleNomination(this.ds.manager, actor, id);
    if (!row) throw notFound('NOMINATION_NOT_FOUND', 'Không tìm thấy hồ sơ.', 'Nomination not found.');
    return row;
  }

  /**
   * The history of the run the record belongs to. Never simply the latest run: anyone who reaches
   * the Temporal frontend may start another run under a finished nomination's id. Rows from before
   * the run was recorded resolve to the id's first run.
   */
  private async fetchHistory(n: Pick<NominationRow, 'workflow_id' | 'run_id'>): Promise<temporal.api.history.v1.IHistory> {
    // Once archived, the archive is the record (checked against the hash the audit chain holds);
    // Temporal deletes a closed history when the namespace's retention runs out.
    const archived = await this.archived(n.workflow_id, n.run_id);
    if (archived) return temporal.api.history.v1.History.decode(archived.history);
    const runId = n.run_id ?? (await this.firstRun(n.workflow_id));
    return this.engine.within((c) => c.workflow.getHandle(n.workflow_id, runId).fetchHistory());
  }

  private async archived(workflowId: string, runId: string | null) {
    try {
      return await archivedHistory(this.ds.manager, workflowId, runId);
    } catch (err) {
      if (!(err instanceof ArchiveIntegrityError)) throw err;
      throw conflict('ARCHIVE_TAMPERED', `Lịch sử lưu trữ của ${workflowId} không khớp với mã băm trong chuỗi nhật ký kiểm toán (${err.problem}): không hiển thị; hãy báo cho thanh tra.`, `The archived history of ${workflowId} does not match the hash in the audit chain (${err.problem}): not shown; report it to the inspectors.`);
    }
  }

  private async firstRun(workflowId: string): Promise<string | undefined> {
    let first: { runId: string; startTime: Date } | undefined;
    for await (const run of this.engine.client.workflow.list({ query: `WorkflowId = '${workflowId.replace(/'/g, '')}'` })) {
      if (!first || run.startTime < first.startTime) first = { runId: run.runId, startTime: run.startTime };
    }
    return first?.runId;
  }

  /** Who did what, when, under which rule: the recorded events, with names, links and the UI link. */
  async timeline(actor: AuthenticatedActor, id: string, lang: 'vi' | 'en'): Promise<NominationTimeline> {
    const n = await this.nomination(actor, id);
    const { events, unauthenticated } = await eventsFromHistory(await this.fetchHistory(n), this.codec, this.owner(n.workflow_id));
    const users = await userNames(this.ds.manager);
    // Refusals for a conflict of interest are not workflow events (the Update was refused); they sit on their own audit stream.
    const recusals = (await auditRows(this.ds.manager, `recusal:nomination:${id}`)).map((r): TimelineEntry => {
      const ground = GROUND_TEXT[r.payload.ground as ConflictGround];
      const who = `${r.full_name ?? r.actor_id} (${roleName(r.actor_role, lang)})`;
      return {
        seq: null,
        at: r.occurred_at,
        level: null,
        type: 'RecusalEnforced',
        text: `${who} ${describeEvent('RecusalEnforced', lang)}: ${lang === 'vi' ? ground?.vi : ground?.en}`,
        actor: { userId: r.actor_id, role: r.actor_role },
        reason: null,
        rule: 'CONFLICT_OF_INTEREST',
        historyEventId: null,
        links: {},
      };
    });
    return {
      nominationId: id,
      workflowId: n.workflow_id,
      temporalUi: this.config.temporalUiUrl ? `${this.config.temporalUiUrl}/namespaces/${this.config.temporalNamespace}/workflows/${n.workflow_id}` : null,
      // History events whose payload did not authenticate: listed, never shown as facts.
      unauthenticatedHistoryEvents: unauthenticated,
      recusals,
      entries: events.map((e) => {
        const who = e.actor ? `${users.get(e.actor.userId) ?? e.actor.fullName} (${roleName(e.actor.role, lang)})` : lang === 'vi' ? 'Hệ thống' : 'System';
        return {
          seq: e.seq,
          at: e.at,
          level: e.level,
          type: e.type,
          text: `${who} ${describeEvent(e.type, lang)}${e.reason ? ` — ${e.reason}` : ''}`,
          actor: e.actor ?? null,
          reason: e.reason ?? null,
          rule: e.rule ?? null,
          historyEventId: e.historyEventId,
          links: e.type === 'DecisionIssued' ? { decision: `/decisions/${e.data.decisionId}` } : e.type === 'CouncilResultReceived' ? { tally: e.data.tallyRef } : {},
        };
      }),
    };
  }

  async history(actor: AuthenticatedActor, id: string): Promise<TemporalHistory> {
    const n = await this.nomination(actor, id);
    return JSON.parse(historyToJSON(await this.fetchHistory(n)));
  }

  /**
   * Replays the recorded history against the current workflow code, and checks that the read model
   * and the audit log hold exactly the events the history recorded.
   */
  async replay(actor: AuthenticatedActor, id: string): Promise<ReplayReport> {
    const n = await this.nomination(actor, id);
    const history = await this.fetchHistory(n);
    this.bundle ??= bundleWorkflowCode({ ...workflowBundleOptions(), logger: silent });
    let deterministic = true;
    let error: string | undefined;
    try {
      const legacy = await legacyPlaintextBindings(this.ds.manager);
      await Worker.runReplayHistory({ workflowBundle: await this.bundle, dataConverter: vinhDanhDataConverter(this.config.codecKeys, 'mark', (b) => legacy.has(b)) }, history, n.workflow_id);
    } catch (err) {
      deterministic = false;
      error = err instanceof Error ? err.message : String(err);
    }
    const { events, unauthenticated } = await eventsFromHistory(history, this.codec, this.owner(n.workflow_id));
    const recorded = events.map((e) => `${e.seq}:${e.type}`);
    const projected = await projectedEventKeys(this.ds.manager, id);
    const audited = await auditedEventKeys(this.ds.manager, `nomination:${id}`);
    const same = (a: string[]) => a.length === recorded.length && a.every((x, i) => x === recorded[i]);
    return { nominationId: id, deterministic, error, historyEvents: history.events?.length ?? 0, recordedEvents: recorded.length, unauthenticatedHistoryEvents: unauthenticated, readModelAgrees: same(projected), auditLogAgrees: same(audited) };
  }

  /** Replays every nomination in the auditor's scope (optionally submitted within a period). */
  async replayAll(actor: AuthenticatedActor, from?: string, to?: string): Promise<ReplayAllReport> {
    const ids = await this.idsInScope(actor, from, to);
    const failed: { nominationId: string; deterministic?: boolean; readModelAgrees?: boolean; auditLogAgrees?: boolean; error?: string }[] = [];
    for (const id of ids) {
      try {
        const r = await this.replay(actor, id);
        if (!r.deterministic || !r.readModelAgrees || !r.auditLogAgrees) failed.push(r);
      } catch (err) {
        // A nomination whose history cannot be fetched is itself a finding, not a reason to stop.
        failed.push({ nominationId: id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return { checked: ids.length, ok: failed.length === 0, failed };
  }

  /** A council session's story from its audit stream: opened, who voted (never how), tally. */
  async councilTimeline(actor: AuthenticatedActor, sessionId: string, lang: 'vi' | 'en'): Promise<CouncilTimeline> {
    this.requireAuditor(actor);
    const unit = await workflowOwnerUnit(this.ds.manager, `council-session-${sessionId}`);
    const inScope = unit !== undefined && (!actor.scopeUnitId || (await unitWithin(this.ds.manager, unit, actor.scopeUnitId)));
    const rows = inScope ? await auditRows(this.ds.manager, `council:${sessionId}`) : [];
    if (!rows.length) throw notFound('SESSION_NOT_FOUND', 'Không tìm thấy phiên họp.', 'Session not found.');
    return {
      sessionId,
      temporalUi: this.config.temporalUiUrl ? `${this.config.temporalUiUrl}/namespaces/${this.config.temporalNamespace}/workflows/council-session-${sessionId}` : null,
      tally: `/councils/sessions/${sessionId}/tally`,
      entries: rows.map((r) => ({
        seq: r.stream_seq,
        at: r.occurred_at,
        type: r.event_type,
        text: `${r.full_name ?? (lang === 'vi' ? 'Hệ thống' : 'System')} ${describeEvent(r.event_type, lang)}`,
        rule: r.rule,
        payload: r.payload,
        hash: r.stream_hash,
      })),
    };
  }

  private async idsInScope(actor: AuthenticatedActor, from?: string, to?: string): Promise<string[]> {
    this.requireAuditor(actor);
    return visibleNominationIds(this.ds.manager, actor, { from, to });
  }

  /** The exports of every nomination submitted in a period, each verifiable on its own. */
  async exportPeriod(actor: AuthenticatedActor, from: string, to: string): Promise<AuditPeriodExport> {
    const ids = await this.idsInScope(actor, from, to);
    const bundles = [];
    const unavailable: { nominationId: string; error: string }[] = [];
    for (const id of ids) {
      try {
        bundles.push(await this.export(actor, id));
      } catch (err) {
        unavailable.push({ nominationId: id, error: err instanceof Error ? err.message : String(err) });
      }
    }
    return { format: 'vinhdanh-audit-export-period/1', from, to, count: bundles.length, bundles, unavailable };
  }

  /** The signed decision as filed, with the audit row that recorded its hash: the auditor checks both offline. */
  private async signedDecision(decisionId: string) {
    const doc = await this.decisions.signed(decisionId);
    const [auditRow] = await auditStreamRows(this.ds.manager, `decision:${decisionId}`);
    return { decisionId, sha256: doc.sha256, signer: doc.signer, signedAt: doc.signedAt, pdfBase64: doc.pdf.toString('base64'), auditRow };
  }

  /** Everything an auditor takes away, with a manifest of SHA-256 digests to verify offline. */
  async export(actor: AuthenticatedActor, id: string): Promise<AuditExport> {
    const n = await this.nomination(actor, id);
    // Hash exactly what is shipped: JSON, with dates as ISO strings.
    const parts: Record<string, unknown> = JSON.parse(JSON.stringify({
      timeline: await this.timeline(actor, id, 'vi'),
      history: await this.history(actor, id),
      auditRows: await auditStreamRows(this.ds.manager, `nomination:${id}`),
      decision: n.decision_id ? await decisionRowOf(this.ds.manager, n.decision_id) : null,
      tallies: await tallyRecordsOf(this.ds.manager, id),
      decisionDocument: n.decision_id ? await this.signedDecision(n.decision_id) : null,
    }));
    const manifest = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, createHash('sha256').update(canonicalJson(v)).digest('hex')]));
    return { format: 'vinhdanh-audit-export/1', nominationId: id, exportedAt: new Date().toISOString(), exportedBy: actor.userId, manifest, parts };
  }
}
