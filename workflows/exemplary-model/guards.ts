import { conflict, forbidden, invalid } from '@vinhdanh/domain/common/errors';
import { nextStage, type AdvanceModelArgs, type LinkAwardArgs, type ModelView, type PublishModelArgs } from '@vinhdanh/domain/movement/exemplary-model';
import type { Actor } from '@vinhdanh/domain/ladder/nomination';

const unitStaff = (view: ModelView, actor: Actor) => actor.unitId === view.unitId && (actor.roles.includes('CLERK') || actor.roles.includes('DECISION_MAKER'));

/** The unit's clerk or head moves the model to its next stage, saying what was done; stages go in order. */
export function validateAdvanceModel(view: ModelView, args: AdvanceModelArgs): void {
  if (!unitStaff(view, args.actor)) throw forbidden('UNIT_STAFF_REQUIRED', 'Chỉ văn thư hoặc thủ trưởng của đơn vị mới theo dõi điển hình của đơn vị.', 'Only the unit’s clerk or head follows its models.');
  if (!nextStage(view.stage)) throw conflict('LAST_STAGE', 'Điển hình đã ở giai đoạn nhân rộng.', 'The model is already being replicated.');
  if (typeof args.note !== 'string' || args.note.trim().length < 10 || args.note.length > 20_000) throw invalid('NOTE_REQUIRED', 'Cần ghi việc đã làm ở giai đoạn này (ít nhất 10 ký tự).', 'Say what was done at this stage (10 characters or more).', 'note');
}

/** The unit head publishes a model once it has been summed up. */
export function validatePublishModel(view: ModelView, args: PublishModelArgs): void {
  if (args.actor.unitId !== view.unitId || !args.actor.roles.includes('DECISION_MAKER')) throw forbidden('HEAD_REQUIRED', 'Chỉ thủ trưởng đơn vị mới công bố điển hình.', 'Only the unit head publishes a model.');
  if (view.published) throw conflict('ALREADY_PUBLISHED', 'Điển hình đã được công bố.', 'The model is already published.');
  if (view.stage === 'PHAT_HIEN' || view.stage === 'BOI_DUONG') throw conflict('NOT_SUMMED_UP', 'Chỉ công bố điển hình đã được tổng kết.', 'Only a model that has been summed up is published.');
}

/** An award the unit's staff link to its model, once. */
export function validateLinkAward(view: ModelView, args: LinkAwardArgs): void {
  if (!unitStaff(view, args.actor)) throw forbidden('UNIT_STAFF_REQUIRED', 'Chỉ văn thư hoặc thủ trưởng của đơn vị mới theo dõi điển hình của đơn vị.', 'Only the unit’s clerk or head follows its models.');
  if (view.awards.some((a) => a.nominationId === args.award.nominationId)) throw conflict('AWARD_ALREADY_LINKED', 'Khen thưởng này đã gắn với điển hình.', 'This award is already linked to the model.');
}
