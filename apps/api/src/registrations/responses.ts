import type { RegistrationEntry } from '@vinhdanh/domain/movement/registration';
import type { RegistrationRow } from '@vinhdanh/persistence/read-model/registrations';

/** The registration endpoints' bodies. */

export interface RegistrationList {
  items: RegistrationRow[];
}

/** A registration with its titles, one entry per nominee and title. */
export interface RegistrationDetail extends RegistrationRow {
  entries: (Omit<RegistrationEntry, 'nomineeKey'> & { line: number })[];
}
