import type { MessageAuth } from '../common/authenticity';
import type { RecipientKind } from '../common/levels';
import type { Actor } from '../ladder/nomination';

/**
 * A unit's registration for a year of the movement (đăng ký thi đua): at the start of the year the
 * unit and its people register the emulation titles they aim for, with the unit's pledges; the
 * unit head approves. Titles are judged at year end against what was registered where the rules
 * require it (ELIGIBILITY_POLICY.registrationRequiredFor). One durable workflow per unit and year.
 */
export type RegistrationStatus = 'OPEN' | 'SUBMITTED' | 'RETURNED' | 'APPROVED';

/** When a registration is sent after its deadline: refused, or accepted and marked late. */
export type LateRule = 'REFUSE' | 'FLAG';

export interface RegistrationEntry {
  kind: Extract<RecipientKind, 'INDIVIDUAL' | 'COLLECTIVE'>;
  name: string;
  /** The title registered (a catalogue TITLE: LDTT, CSTDCS, TT_LDTT, TTLDXS…). */
  awardCode: string;
  birthYear?: number;
  position?: string;
  /** The nominee's identity as nominations carry it (a keyed hash for a person), so year-end dossiers find it. */
  nomineeKey: string;
  /** The last four digits of a person's identification number, to recognise the row; the number is not kept. */
  personalIdLast4?: string;
}

export interface RegistrationInput {
  registrationId: string;
  unitId: string;
  year: number;
  /** The last day to send it (Vietnam's calendar). */
  deadline: string;
  /** Days before the deadline the unit's clerks are reminded. */
  remindDaysBefore: number;
  lateRule: LateRule;
  openedBy: Actor;
  auth?: MessageAuth;
}

export interface RegistrationView {
  registrationId: string;
  unitId: string;
  year: number;
  status: RegistrationStatus;
  deadline: string;
  lateRule: LateRule;
  /** Sent after the deadline (accepted under the FLAG rule). */
  late: boolean;
  entries: RegistrationEntry[];
  /** The unit's pledges (giao ước thi đua): its targets for the year. */
  pledge: string;
  returnedReason?: string;
  /** Events recorded so far: the next one's number. */
  seq: number;
}

export interface SetEntriesArgs { entries: RegistrationEntry[]; pledge: string; actor: Actor; auth?: MessageAuth }
export interface SubmitRegistrationArgs { actor: Actor; auth?: MessageAuth }
export interface ApproveRegistrationArgs { actor: Actor; auth?: MessageAuth }
export interface ReturnRegistrationArgs { reason: string; actor: Actor; auth?: MessageAuth }

export type RegistrationEventType = 'RegistrationOpened' | 'RegistrationEdited' | 'RegistrationSubmitted' | 'RegistrationReturned' | 'RegistrationApproved' | 'RegistrationReminded' | 'RegistrationOverdue';

export interface RecordRegistrationEventInput {
  type: RegistrationEventType;
  actor?: { userId: string; fullName: string; role: string };
  view: RegistrationView;
  data?: Record<string, unknown>;
}

export interface RegistrationActivities {
  recordRegistrationEvent(input: RecordRegistrationEventInput): Promise<void>;
}

/**
 * A registration's workflow id, from its id (keyed by the API: nobody outside can compute it and
 * take it at the Temporal frontend first). Registrations opened before ids were keyed keep
 * `registration-<unit>-<year>`; their row records the id they run under.
 */
export const registrationWorkflowId = (registrationId: string) => `registration-${registrationId}`;
export const REGISTRATION_WORKFLOW_TYPE = 'registrationWorkflow';

/** The instant a Vietnam calendar day starts (UTC+7, no daylight saving). */
export function vietnamDayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00+07:00`);
}
