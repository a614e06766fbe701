import type { MessageAuth } from '../common/authenticity';
import type { Actor } from '../ladder/nomination';

/**
 * An exemplary model (điển hình tiên tiến): a collective or person whose way of working the movement
 * spreads. The plan follows each through four stages — found (phát hiện), fostered (bồi dưỡng),
 * summed up (tổng kết), replicated (nhân rộng) — and asks that models be made known through the press
 * and media: a model the unit head publishes is on the public page. Models link to the awards they won.
 */
export const MODEL_STAGES = ['PHAT_HIEN', 'BOI_DUONG', 'TONG_KET', 'NHAN_RONG'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

export const MODEL_STAGE_NAMES: Record<ModelStage, { vi: string; en: string }> = {
  PHAT_HIEN: { vi: 'Phát hiện', en: 'Found' },
  BOI_DUONG: { vi: 'Bồi dưỡng', en: 'Fostered' },
  TONG_KET: { vi: 'Tổng kết', en: 'Summed up' },
  NHAN_RONG: { vi: 'Nhân rộng', en: 'Replicated' },
};

export interface ModelInput {
  modelId: string;
  unitId: string;
  kind: 'INDIVIDUAL' | 'COLLECTIVE';
  subjectName: string;
  titleVi: string;
  descriptionVi: string;
  openedBy: Actor;
  auth?: MessageAuth;
}

export interface ModelView {
  modelId: string;
  unitId: string;
  stage: ModelStage;
  /** What was done at each stage reached, in order. */
  stages: { stage: ModelStage; note: string; at: string; by: string }[];
  published: boolean;
  /** Awards the model won, by their nomination. */
  awards: { nominationId: string; awardCode: string; decisionNumber: string }[];
  seq: number;
}

export interface AdvanceModelArgs { note: string; actor: Actor; auth?: MessageAuth }
export interface PublishModelArgs { actor: Actor; auth?: MessageAuth }
export interface LinkAwardArgs { award: { nominationId: string; awardCode: string; decisionNumber: string }; actor: Actor; auth?: MessageAuth }

/** The stage after this one, or none after replication. */
export function nextStage(stage: ModelStage): ModelStage | undefined {
  return MODEL_STAGES[MODEL_STAGES.indexOf(stage) + 1];
}

export interface RecordModelEventInput {
  type: 'ModelRegistered' | 'ModelAdvanced' | 'ModelPublished' | 'ModelAwardLinked';
  actor: { userId: string; role: string };
  view: ModelView;
  /** The model's own data, when it is registered. */
  model?: Omit<ModelInput, 'auth' | 'openedBy'>;
}

export interface ModelActivities {
  recordModelEvent(input: RecordModelEventInput): Promise<void>;
}

export const MODEL_WORKFLOW_TYPE = 'exemplaryModelWorkflow';
export const modelWorkflowId = (modelId: string) => `model-${modelId}`;
