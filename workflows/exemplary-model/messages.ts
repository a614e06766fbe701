import { defineUpdate } from '@temporalio/workflow';
import type { AdvanceModelArgs, LinkAwardArgs, ModelView, PublishModelArgs } from '@vinhdanh/domain/movement/exemplary-model';

export const advanceModelUpdate = defineUpdate<ModelView, [AdvanceModelArgs]>('advanceModel');
export const publishModelUpdate = defineUpdate<ModelView, [PublishModelArgs]>('publishModel');
export const linkAwardUpdate = defineUpdate<ModelView, [LinkAwardArgs]>('linkAward');
