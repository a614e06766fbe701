import type { DataSource } from 'typeorm';
import type { RecordModelEventInput } from '@vinhdanh/domain/movement/exemplary-model';
import { recordModelStep } from '@vinhdanh/persistence/read-model/models';

/** One step of an exemplary model: projected and audited, idempotently. */
export function recordModelEventIn(ds: DataSource, input: RecordModelEventInput): Promise<void> {
  return recordModelStep(ds.manager, input);
}
