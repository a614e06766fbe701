import type { ModelStage } from '@vinhdanh/domain/movement/exemplary-model';
import type { ModelRow } from '@vinhdanh/persistence/read-model/models';

/** The exemplary-model endpoints' bodies. */

export interface ModelList {
  items: ModelRow[];
}

/** A published model as the public reads it: no accounts named. */
export interface PublicModel {
  id: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  kind: 'INDIVIDUAL' | 'COLLECTIVE';
  subjectName: string;
  titleVi: string;
  descriptionVi: string;
  stage: ModelStage;
  stages: { stage: ModelStage; note: string; at: string }[];
  awards: { awardCode: string; decisionNumber: string }[];
  publishedAt: string | null;
}

export interface PublicModels {
  items: PublicModel[];
}
