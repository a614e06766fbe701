import type { ClusterDefinition, ScoreSheet } from '@vinhdanh/domain/movement/cluster';
import type { ClusterRoundRow } from '@vinhdanh/persistence/read-model/clusters';

/** The cluster endpoints' bodies. */

export interface ClusterSummary extends ClusterDefinition {
  memberNames: { unitId: string; nameVi: string; nameEn: string }[];
  rounds: ClusterRoundRow[];
}

export interface ClusterList {
  items: ClusterSummary[];
}

/** A year's round with its cluster, and the score sheets the reader may see: their own unit's while scoring, every one once closed. */
export interface ClusterRoundDetail extends ClusterRoundRow {
  cluster: ClusterSummary;
  sheets: { unitId: string; scores: ScoreSheet; submittedBy: string; submittedAt: string }[];
  /** The members whose sheet is in. */
  scoredBy: string[];
}
