/**
 * Every body the API answers, by name: the input of `npm run api:generate`, which writes their JSON
 * Schemas to `contract/schemas.generated.json` for the OpenAPI document. It names every feature's
 * bodies, so it stands at the top beside the application module, above the features, and
 * `contract/` below them holds only what each operation is described with. A type answered by an operation
 * must be exported here under the name its `@Operation` gives.
 */
export type { ApiError } from './contract/errors';
export type { LoginResult, Me, PasswordSet, SecondFactorEnrolment, SignInOptions } from './auth/responses';
export type { AuthenticatedActor } from './common/actor';
export type { AccountChanged, AccountCreated, AccountDeactivated, AccountHistory, AccountLink, AccountList } from './accounts/responses';
export type { AccountRow } from '@vinhdanh/persistence/accounts/accounts';
export type { BatchReviewResult, Inbox, NamesakeDeclared, NominationDetail, NominationPage, Notifications, SubmitResult } from './nominations/responses';
export type { BatchDecisionResult, DecisionVerification, DecisionView } from './nominations/decision-responses';
export type { NominationView, DocumentRef } from '@vinhdanh/domain/ladder/nomination';
export type { CouncilList, CouncilMembers } from './councils/responses';
export type { CouncilInfo } from '@vinhdanh/persistence/council/membership';
export type { BallotReceipt, IssuedBallots, MyBallot, MyCouncils, ReceiptCheck, Reminded, SessionOpened, SessionTurnout, WaitingNominations } from './councils/responses';
export type { CouncilSessionView } from '@vinhdanh/domain/ladder/council';
export type { SessionTally } from '@vinhdanh/persistence/read-model/councils';
export type { AuditExport, AuditPeriodExport, CouncilTimeline, NominationTimeline, ReplayAllReport, ReplayReport, TemporalHistory } from './audit/responses';
export type { ChainReport } from '@vinhdanh/persistence/audit/verify';
export type { CodecPayloads } from './codec/codec.controller';
export type { CommentChallenge, CommentList, CommentReceived } from './comments/responses';
export type { ConflictRegister } from './conflicts/responses';
export type { ConflictEntry } from '@vinhdanh/persistence/read-model/conflicts';
export type { Dashboard } from './dashboard/responses';
export type { CatalogueVersions, EmulationMovements } from './eligibility/responses';
export type { EligibilityResult } from '@vinhdanh/domain/eligibility';
export type { HealthDetails, Liveness, Readiness } from './health/responses';
export type { NomineePage, NomineeRecordView, NomineeRegistered } from './nominees/responses';
export type { OrgUnits, OrgUnitView, SuccessionResult } from './org/responses';
export type { EngineStalls, StallsResumed } from './engine/responses';
export type { Disclosures, PublicDecisions } from './public/responses';
export type { CaseOpened, RevocationCaseDetail, RevocationCases } from './revocations/responses';
export type { RevocationView } from '@vinhdanh/domain/ladder/revocation';
export type { ChangeFeedPage, FeedKey } from './feed/responses';
export type { Checkpoint, CheckpointLog, ConsistencyProof, InclusionProof } from './transparency/responses';
export type { DraftList, DraftView } from './drafts/responses';
export type { ImportList, ImportView } from './imports/responses';
export type { CommendationReport } from '@vinhdanh/domain/reports/commendation-report';
export type { RegistrationDetail, RegistrationList } from './registrations/responses';
export type { ClusterList, ClusterRoundDetail } from './clusters/responses';
export type { PhaseReviewDetail, PhaseReviewList } from './phase-reviews/responses';
export type { ModelList, PublicModels } from './models/responses';
export type { ModelRow } from '@vinhdanh/persistence/read-model/models';
