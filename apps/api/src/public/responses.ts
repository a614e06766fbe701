import type { Citation } from '@vinhdanh/domain/catalogue';
import type { PublishedDecision } from '@vinhdanh/persistence/read-model/public-record';

/** What the public reads without signing in. */

/** A nominee under public posting (or whose posting has ended): only what a posted list shows. */
export interface Disclosure {
  nominationId: string;
  nomineeName: string;
  nomineeKind: string;
  awardCode: string;
  awardNameVi: string;
  awardNameEn: string;
  year: number;
  unitNameVi: string;
  unitNameEn: string;
  level: string;
  /** PUBLIC_POSTING (niêm yết công khai) or CENTRAL_CONSULTATION (lấy ý kiến). */
  kind: string;
  period: { from: string; to: string; untilAt: string; days: number | null; unit: string | null };
  /** Whether comments are accepted now. */
  open: boolean;
  comments: number;
  citation: Citation[];
}

export interface Disclosures {
  items: Disclosure[];
}

export interface PublicDecisions {
  items: PublishedDecision[];
}
