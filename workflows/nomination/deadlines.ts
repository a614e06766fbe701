/**
 * The milestones of a waiting task: a reminder to the assignee before the deadline, an escalation
 * to the unit head after a while, and expiry at the deadline. Pure, so it is unit-tested.
 */
export type Milestone = 'REMIND' | 'ESCALATE' | 'EXPIRE';

export interface DeadlinePlan {
  startedAt: number;
  dueAt: number;
  remindAt?: number;
  escalateAt?: number;
}

export function planDeadlines(
  startedAt: number,
  deadlineMs: number,
  reminderBeforeMs: number,
  escalateAfterMs: number | undefined,
): DeadlinePlan {
  const dueAt = startedAt + deadlineMs;
  const remindAt = dueAt - reminderBeforeMs;
  const escalateAt = escalateAfterMs === undefined ? undefined : startedAt + escalateAfterMs;
  return {
    startedAt,
    dueAt,
    remindAt: remindAt > startedAt ? remindAt : undefined,
    escalateAt: escalateAt !== undefined && escalateAt < dueAt ? escalateAt : undefined,
  };
}

/** The next milestone not yet passed, earliest first; expiry always comes last. */
export function nextMilestone(plan: DeadlinePlan, done: ReadonlySet<Milestone>): { milestone: Milestone; at: number } {
  const candidates: { milestone: Milestone; at: number }[] = [];
  if (plan.remindAt !== undefined && !done.has('REMIND')) candidates.push({ milestone: 'REMIND', at: plan.remindAt });
  if (plan.escalateAt !== undefined && !done.has('ESCALATE')) candidates.push({ milestone: 'ESCALATE', at: plan.escalateAt });
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0] ?? { milestone: 'EXPIRE', at: plan.dueAt };
}
