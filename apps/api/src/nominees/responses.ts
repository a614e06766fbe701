import type { NomineeRecord } from '@vinhdanh/domain/eligibility';

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
