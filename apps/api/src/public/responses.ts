import type { Citation } from '@vinhdanh/domain/catalogue';
import type { PostedNomination, PublishedDecision } from '@vinhdanh/persistence/read-model/public-record';

/** What the public reads without signing in. */

/** A nominee under public posting (or whose posting has ended): only what a posted list shows. */
export interface Disclosure extends Pick<PostedNomination, 'nomineeName' | 'nomineeKind' | 'awardCode' | 'awardNameVi' | 'awardNameEn' | 'year' | 'unitNameVi' | 'unitNameEn'> {
  nominationId: string;
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
