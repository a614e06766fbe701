import type { Level } from '@vinhdanh/domain/common/levels';
import type { EventActor } from '@vinhdanh/domain/ladder/events';

/** The bodies the audit endpoints answer; the OpenAPI document's schemas are generated from these. */

/** One line of a nomination's story: who did what, when, under which rule. */
export interface TimelineEntry {
  /** The workflow event's sequence number (null for a refusal, which is not a workflow event). */
  seq: number | null;
  at: string;
  level: Level | null;
  type: string;
  /** The line in the language asked for. */
  text: string;
  actor: EventActor | { userId: string | null; role: string | null } | null;
  reason: string | null;
  rule: string | null;
  /** The Temporal history event that recorded it. */
  historyEventId: number | null;
  /** Where to read more: the decision, the council's tally. */
  links: { decision?: string; tally?: string };
}

/** A nomination's story from its Temporal history, authenticated, with the refusals for conflicts of interest. */
export interface NominationTimeline {
  nominationId: string;
  workflowId: string;
  /** The workflow in Temporal's Web UI, where the operator runs one. */
  temporalUi: string | null;
  /** History events whose payload did not authenticate: listed, never shown as facts. */
  unauthenticatedHistoryEvents: number[];
  recusals: TimelineEntry[];
  entries: TimelineEntry[];
}

/**
 * The workflow's Temporal history in Temporal's JSON form (`temporal.api.history.v1.History`),
 * payloads still encrypted: what `temporal workflow show --output json` prints.
 */
export interface TemporalHistory {
  events: Record<string, unknown>[];
}

/** The history replayed against today's code, and the read model and audit log compared with it. */
export interface ReplayReport {
  nominationId: string;
  /** Today's workflow code makes the same decisions from the same history. */
  deterministic: boolean;
  error?: string;
  historyEvents: number;
  recordedEvents: number;
  unauthenticatedHistoryEvents: number[];
  /** The read model holds exactly the events the history recorded. */
  readModelAgrees: boolean;
  /** The audit log holds exactly the events the history recorded. */
  auditLogAgrees: boolean;
}

export interface ReplayAllReport {
  checked: number;
  ok: boolean;
  failed: { nominationId: string; deterministic?: boolean; readModelAgrees?: boolean; auditLogAgrees?: boolean; error?: string }[];
}

/** A council session's story from its audit stream: opened, who took part (never how), the tally. */
export interface CouncilTimeline {
  sessionId: string;
  temporalUi: string | null;
  /** The tally record's address. */
  tally: string;
  entries: { seq: number; at: string; type: string; text: string; rule: string | null; payload: Record<string, unknown>; hash: string }[];
}

/** Everything an auditor takes away about one nomination, with SHA-256 digests to verify offline. */
export interface AuditExport {
  format: 'vinhdanh-audit-export/1';
  nominationId: string;
  exportedAt: string;
  exportedBy: string;
  /** SHA-256 (hex) of each part's canonical JSON. */
  manifest: Record<string, string>;
  /** timeline, history, auditRows, decision, tallies, and the signed decision PDF (base64) with its audit row: as stored, so the digests can be recomputed. */
  parts: Record<string, unknown>;
}

export interface AuditPeriodExport {
  format: 'vinhdanh-audit-export-period/1';
  from: string;
  to: string;
  count: number;
  bundles: AuditExport[];
  /** Nominations whose history could not be read: a finding in itself. */
  unavailable: { nominationId: string; error: string }[];
}
