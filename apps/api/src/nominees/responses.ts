import type { NomineeRecord } from '@vinhdanh/domain/eligibility';
import type { NomineeListItem } from '@vinhdanh/persistence/nominee-record';

/** The nominee endpoints' bodies. */

export interface NomineeRegistered {
  id: string;
  /** Derived from the personal identification number (or, for collectives, the unit and name): never the number itself. */
  nomineeKey: string;
}

/** A nominee's record as the eligibility engine reads it: ratings, titles, initiatives, discipline. */
export interface NomineeRecordView {
  id: string;
  nomineeKey: string;
  /** The unit that keeps the record. */
  unitId: string;
  name: string;
  record: NomineeRecord;
}

/** One page of the nominees a unit keeps, in name order. */
export interface NomineePage {
  page: number;
  pageSize: number;
  total: number;
  items: NomineeListItem[];
}
