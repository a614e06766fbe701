import type { ActorConflictFacts } from '@vinhdanh/domain/conflicts';
import type { Level, RecipientKind } from '@vinhdanh/domain/common/levels';
import type { PostingRule, RouteStep } from '@vinhdanh/domain/routing';

export const ROLES = [
  'CLERK',
  'REVIEWER',
  'DECISION_MAKER',
  'UNIT_HEAD',
  'COUNCIL_MEMBER',
  'COUNCIL_SECRETARY',
  'AUDITOR',
  'INSPECTOR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** What people call each role: the timeline, the web app and the notifications say these, never the codes. */
export const ROLE_NAMES: Record<Role, { vi: string; en: string }> = {
  CLERK: { vi: 'Văn thư', en: 'Clerk' },
  REVIEWER: { vi: 'Thẩm định viên', en: 'Reviewer' },
  DECISION_MAKER: { vi: 'Người có thẩm quyền quyết định', en: 'Decision maker' },
  UNIT_HEAD: { vi: 'Thủ trưởng đơn vị', en: 'Unit head' },
  COUNCIL_MEMBER: { vi: 'Thành viên Hội đồng', en: 'Council member' },
  COUNCIL_SECRETARY: { vi: 'Thư ký Hội đồng', en: 'Council secretary' },
  AUDITOR: { vi: 'Kiểm soát, giám sát', en: 'Auditor' },
  INSPECTOR: { vi: 'Thanh tra', en: 'Inspector' },
  ADMIN: { vi: 'Quản trị', en: 'Administrator' },
};

/** A role's name in a language; an unknown code (SYSTEM, PUBLIC) as it is. */
export function roleName(role: string | null | undefined, lang: 'vi' | 'en'): string {
  const names = (ROLE_NAMES as Record<string, { vi: string; en: string } | undefined>)[role ?? ''];
  return names ? names[lang] : String(role ?? '');
}

/** The authenticated caller, as the API vouches for it; recorded with every action. */
export interface Actor {
  userId: string;
  fullName: string;
  unitId: string;
  roles: Role[];
  /** What makes a conflict of interest, read fresh by the API for this action (docs/conflicts.md). */
  conflicts?: ActorConflictFacts;
}

/** The route's vocabulary is the domain's (libs/domain/src/routing). */
export type { PostingRule, RouteStep } from '@vinhdanh/domain/routing';

export interface PolicyDurations {
  reviewDeadlineMs: number;
  reminderBeforeMs: number;
  escalateAfterMs: number;
  supplementDeadlineMs: number;
  decisionDeadlineMs: number;
}

export interface DocumentRef {
  name: string;
  sha256: string;
  sizeBytes?: number;
  mimeType?: string;
  /** The dossier component it is (catalogue code, e.g. BAO_CAO_THANH_TICH), when the clerk filed it under one. */
  component?: string;
}

/** What the clerk submits (hồ sơ): the achievement and its evidence, by metadata and content hash. */
export interface Dossier {
  achievementPeriod: { from: string; to: string };
  achievements: string;
  documents: DocumentRef[];
  /** Simplified procedure case (Law Art 85, Decree 98 Art 40(1)), 1–5, if claimed. */
  simplifiedProcedureCase?: number;
  /** Truy tặng: the nominee has died; the award is given posthumously. */
  posthumous?: boolean;
  /** Reference to the achievement, so the same one cannot back a second award (Law Art 5(2)). */
  achievementRef?: string;
  /** The phase review (sơ kết, tổng kết) at which the unit proposes this commendation. */
  phaseReviewId?: string;
}

export interface Nominee {
  kind: RecipientKind;
  name: string;
  /** Normalised identity: `pid:<hash>` for a person, else unit, kind, name and birth year. */
  nomineeKey: string;
  /** HMAC of the personal identification number (never the number itself). */
  personalIdHash?: string;
  /** The nominee's own account, found by the personal identification number (recusal). */
  accountUserId?: string;
  /** Before personal identification numbers: an account id the clerk typed. Old inputs only. */
  userId?: string;
  birthYear?: number;
  position?: string;
  frontLine?: boolean;
  memberCount?: number;
}

export interface NominationInput {
  nominationId: string;
  dossierKey: string;
  /** The readable number in the unit's series for the year (`HS-2025-000123`); absent before it existed. */
  dossierNumber?: string;
  unitId: string;
  movementId?: string;
  dossier: Dossier;
  awardCode: string;
  awardNameVi: string;
  awardNameEn: string;
  year: number;
  nominee: Nominee;
  catalogueVersion: string;
  decidingLevel: Level;
  route: RouteStep[];
  policy: PolicyDurations;
  submittedBy: Actor;
  /**
   * 2 when the route carries the 2025 law's steps (posting, President). Inputs from before have
   * none; the workflow then asks `legacySteps` once, behind `patched()`.
   */
  routeVersion?: 2;
  /** Version of the catalogue whose authority and route apply (the one in force at submission). */
  authorityVersion?: string;
  procedure?: 'REGULAR' | 'SIMPLIFIED';
}

export const TERMINAL_STATUSES = ['AWARDED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'] as const;
export const NOMINATION_STATUSES = ['IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'PUBLIC_POSTING', 'AWAITING_COUNCIL', 'AWAITING_DECISION', ...TERMINAL_STATUSES] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];


export interface OpenTask {
  key: string;
  kind: TaskKind;
  level: Level;
  unitId: string;
  role: Role;
  dueAt?: string;
}

/** An open task as an inbox lists it: the task, whether it is overdue, and its nomination. */
export interface InboxTask {
  key: string;
  kind: OpenTask['kind'];
  level: Level;
  role: Role;
  dueAt: string | null;
  createdAt: string;
  overdue: boolean;
  nominationId: string;
  nomineeName: string;
  awardCode: string;
  year: number;
  /** The readable dossier number (`HS-2025-000123`), if it has one. */
  dossierNumber: string | null;
  /** The reader has not opened this dossier since the task became theirs. */
  unread: boolean;
  /** The unit that submitted the dossier, and its name. */
  unitId: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
}

/** The kinds of open task a nomination has, one at a time. */
export const TASK_KINDS = ['REVIEW', 'SUPPLEMENT', 'DECISION', 'COUNCIL', 'POSTING', 'PROPOSAL'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** What a Query returns and what the projection stores as the current state. */
export interface NominationView {
  nominationId: string;
  status: NominationStatus;
  level: Level;
  step: string;
  task?: OpenTask;
  supplement?: { items: string[]; deadline: string; round: number };
  eligibility?: { outcome: string; catalogueVersion: string; summaryVi: string; summaryEn: string };
  decision?: { decisionId: string; number: string; issuedOn: string; issuerUnitId?: string; issuerNameVi?: string; issuerNameEn?: string };
  /** The posting under way or last run: its period and its comments' state. */
  posting?: { level: Level; kind: PostingRule['kind']; from: string; until: string; comments: number; unanswered: number; ended: boolean };
  /** The Government's proposal to the President (tờ trình), once submitted. */
  proposal?: { number: string; submittedOn: string };
  outcomeReason?: string;
  lastSeq: number;
}
