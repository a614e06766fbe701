import type { ImportCounts, ImportRow, ImportRowState, ImportStatus } from '@vinhdanh/persistence/read-model/imports';

/** The list-import endpoints' bodies. */

/** An uploaded list: its settings, where it stands, and how many rows are in each state. */
export interface ImportSummary {
  id: string;
  fileName: string;
  awardCode: string;
  awardNameVi: string;
  awardNameEn: string;
  year: number;
  nomineeKind: 'INDIVIDUAL' | 'COLLECTIVE';
  /** PREVIEW: checked, nothing sent; RUNNING: rows being sent; DONE: every sendable row has its outcome. */
  status: ImportStatus;
  /** The header row recognised and skipped, if any. */
  header: string | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Rows by state: INVALID (refused by the checks), READY, SUBMITTED, ALREADY (nominated before: nothing started), FAILED. */
  counts: ImportCounts;
}

/** An import with one page of its rows. */
export interface ImportView extends ImportSummary {
  page: number;
  pageSize: number;
  /** Rows matching the state filter, over all pages. */
  rowsTotal: number;
  rows: ImportRow[];
  /** The state filter applied, if any. */
  state: ImportRowState | null;
}

export interface ImportList {
  items: ImportSummary[];
}
