import type { DataSource } from 'typeorm';
import { addDays, addWorkingDays, type WorkingCalendar } from '@vinhdanh/domain/common/working-days';
import { vietnamToday } from '@vinhdanh/persistence/read-model/org';
import type { PlanPostingInput, PlanPostingResult } from '@vinhdanh/domain/ladder/activities';

export interface PostingClock {
  calendar: WorkingCalendar;
  /** Development only: a posting of this many seconds, so a demonstration need not wait two weeks. */
  devPostingSeconds?: number;
}

/**
 * The posting period as the law counts it: from today (Vietnam), `days` working days (skipping
 * weekends and the configured holidays) or calendar days, ending at the close of the last day.
 * The workflow records the result, so a later change of the holiday calendar cannot move it.
 */
export async function planPostingIn(ds: DataSource, input: PlanPostingInput, clock: PostingClock): Promise<PlanPostingResult> {
  const { today } = await vietnamToday(ds.manager);
  if (clock.devPostingSeconds !== undefined) {
    const untilAt = new Date(Date.now() + clock.devPostingSeconds * 1000);
    return { from: today, until: untilAt.toISOString().slice(0, 10), untilAt: untilAt.toISOString() };
  }
  const until = input.rule.unit === 'WORKING_DAYS' ? addWorkingDays(today, input.rule.days, clock.calendar) : addDays(today, input.rule.days);
  return { from: today, until, untilAt: new Date(`${until}T23:59:59.999+07:00`).toISOString() };
}
