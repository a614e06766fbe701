import type { MessageAuth } from '../common/authenticity';
import type { Actor } from '../ladder/nomination';

/**
 * Emulation clusters and blocks (cụm, khối thi đua): units of a kind compete side by side, each year
 * under a leading unit and a deputy that take turns. At year end every member scores itself and
 * the others against the cluster's criteria; the leader closes the scoring; the ranking proposes
 * Cờ thi đua cấp tỉnh and Bằng khen within the cluster's quotas (Cờ thi đua is chosen among the
 * leaders of clusters and blocks: docs/law.md).
 */
export interface ClusterCriterion {
  code: string;
  nameVi: string;
  nameEn: string;
  /** Its weight in the total (the weights need not add up to anything). */
  weight: number;
  /** The highest score a sheet may give on it. */
  maxScore: number;
}

export interface ClusterDefinition {
  id: string;
  nameVi: string;
  nameEn: string;
  kind: 'CUM' | 'KHOI';
  /** Member units, in the order the leadership rotates. */
  members: string[];
  /** The year the first member led. */
  firstYear: number;
  criteria: ClusterCriterion[];
  /** How many of the ranking each award may take. */
  quotas: { flag: number; certificate: number };
  /** The pledge (giao ước thi đua) the members sign each year. */
  pledgeVi: string;
}

/** The year's leader and deputy: the members take turns in their listed order. */
export function rotation(cluster: Pick<ClusterDefinition, 'members' | 'firstYear'>, year: number): { leaderUnitId: string; deputyUnitId: string } {
  const n = cluster.members.length;
  const at = (((year - cluster.firstYear) % n) + n) % n;
  return { leaderUnitId: cluster.members[at], deputyUnitId: cluster.members[(at + 1) % n] };
}

/** One member's scores: for each member (itself included), a score per criterion. */
export type ScoreSheet = Record<string, Record<string, number>>;

export interface RankedUnit {
  unitId: string;
  rank: number;
  /** The average, over the other members' sheets, of the weighted total (0–100). */
  peerScore: number;
  /** What the unit gave itself (0–100), shown beside, never counted. */
  selfScore: number | null;
  /** Sheets that scored it (its own excluded). */
  scoredBy: number;
  /** Tied with another on the peer score: the cluster's meeting settles it. */
  tied: boolean;
  proposal: 'CO_TINH' | 'BK_TINH' | null;
}

/** A sheet's weighted total for one member, on a 0–100 scale. */
export function weightedTotal(criteria: ClusterCriterion[], scores: Record<string, number> | undefined): number | null {
  if (!scores) return null;
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  if (!weights) return null;
  return criteria.reduce((s, c) => s + (c.weight * Math.min(Math.max(scores[c.code] ?? 0, 0), c.maxScore)) / c.maxScore, 0) * (100 / weights);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The ranking by peer score (a unit's own sheet does not count for itself), ties sharing a rank;
 * the first `quotas.flag` ranks are proposed for Cờ thi đua cấp tỉnh and the next `quotas.certificate`
 * for Bằng khen, and a tie across a quota's edge is proposed to neither and marked, for the meeting.
 */
export function rankCluster(cluster: Pick<ClusterDefinition, 'members' | 'criteria' | 'quotas'>, sheets: Record<string, ScoreSheet>): RankedUnit[] {
  const rows = cluster.members.map((unitId) => {
    const peers = Object.entries(sheets).filter(([scorer]) => scorer !== unitId).map(([, sheet]) => weightedTotal(cluster.criteria, sheet[unitId])).filter((x): x is number => x !== null);
    const self = weightedTotal(cluster.criteria, sheets[unitId]?.[unitId]);
    return { unitId, peerScore: peers.length ? round2(peers.reduce((s, x) => s + x, 0) / peers.length) : 0, selfScore: self === null ? null : round2(self), scoredBy: peers.length };
  });
  rows.sort((a, b) => b.peerScore - a.peerScore || cluster.members.indexOf(a.unitId) - cluster.members.indexOf(b.unitId));
  const ranked = rows.map((r) => ({ ...r, rank: 1 + rows.filter((o) => o.peerScore > r.peerScore).length, tied: rows.some((o) => o !== r && o.peerScore === r.peerScore) }));
  const flagEnd = cluster.quotas.flag;
  const certificateEnd = flagEnd + cluster.quotas.certificate;
  // A place is within a quota only if every unit sharing its rank fits in it.
  const fits = (r: { rank: number; peerScore: number }, end: number) => r.rank - 1 + ranked.filter((o) => o.peerScore === r.peerScore).length <= end;
  return ranked.map((r) => ({
    ...r,
    proposal: r.scoredBy === 0 ? null : fits(r, flagEnd) ? 'CO_TINH' as const : r.rank > flagEnd && fits(r, certificateEnd) ? 'BK_TINH' as const : null,
  }));
}

export type ClusterRoundStatus = 'SCORING' | 'CLOSED';

export interface ClusterRoundInput {
  roundId: string;
  cluster: ClusterDefinition;
  year: number;
  leaderUnitId: string;
  deputyUnitId: string;
  openedBy: Actor;
  auth?: MessageAuth;
}

export interface ClusterRoundView {
  roundId: string;
  clusterId: string;
  year: number;
  status: ClusterRoundStatus;
  leaderUnitId: string;
  deputyUnitId: string;
  /** The members whose sheet is in. */
  scoredBy: string[];
  /** The members whose head has signed the year's pledge. */
  pledgeSignedBy: string[];
  ranking: RankedUnit[] | null;
  seq: number;
}

export interface SubmitScoresArgs { sheet: ScoreSheet; actor: Actor; auth?: MessageAuth }
export interface CloseRoundArgs { actor: Actor; auth?: MessageAuth }
export interface SignPledgeArgs { actor: Actor; auth?: MessageAuth }

export interface RecordClusterEventInput {
  type: 'ClusterRoundOpened' | 'ClusterPledgeSigned' | 'ClusterScoresSubmitted' | 'ClusterRoundClosed';
  actor: { userId: string; fullName: string; unitId: string };
  view: ClusterRoundView;
  /** The sheet just submitted, by its unit: kept in the read model, shown to all once closed. */
  sheet?: { unitId: string; scores: ScoreSheet };
}

export interface ClusterActivities {
  recordClusterEvent(input: RecordClusterEventInput): Promise<void>;
}

export const CLUSTER_ROUND_WORKFLOW_TYPE = 'clusterRoundWorkflow';
/** A round's workflow id, from its id (keyed by the API, as registrations' are). */
export const clusterRoundWorkflowId = (roundId: string) => `cluster-round-${roundId}`;
/** Rounds opened before ids were keyed ran as `cluster-<cluster>-<year>`, their id derived from that. */
export const legacyClusterRoundWorkflowId = (clusterId: string, year: number) => `cluster-${clusterId}-${year}`;
