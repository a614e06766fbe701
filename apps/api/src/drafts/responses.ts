import type { DraftSummary } from '@vinhdanh/persistence/read-model/drafts';

/** The draft endpoints' bodies. */

export interface DraftList {
  items: DraftSummary[];
}

/** A draft with the form it holds. */
export interface DraftView extends DraftSummary {
  body: Record<string, unknown>;
}
