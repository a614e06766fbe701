import type { ConflictEntry } from '@vinhdanh/persistence/read-model/conflicts';

/** Entries of the conflict-of-interest register (sổ theo dõi xung đột lợi ích) the caller may read. */
export interface ConflictRegister {
  items: ConflictEntry[];
}
