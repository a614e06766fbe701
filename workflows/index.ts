/** Entry point of the workflow bundle: every workflow type the worker registers. */
export { nominationWorkflow } from './nomination/workflow';
export { councilSessionWorkflow } from './council/workflow';
export { benchBaselineWorkflow } from './bench/baseline';
export { revocationWorkflow } from './revocation/workflow';
export { registrationWorkflow } from './registration/workflow';
export { clusterRoundWorkflow } from './cluster-round/workflow';
export { phaseReviewWorkflow, unitReportWorkflow } from './phase-review/workflow';
export { exemplaryModelWorkflow } from './exemplary-model/workflow';
