import * as wf from '@temporalio/workflow';
import type { BenchActivities } from '@vinhdanh/domain/ladder/activities';

/**
 * The engine's ceiling for `npm run bench`: the same number of activities, local activities and
 * Updates per item as a nomination, doing nothing else. Vinh Danh's throughput is reported as a ratio of this.
 */
export const baselineStep = wf.defineUpdate<number, []>('baselineStep');

const { benchNoop } = wf.proxyActivities<BenchActivities>({ startToCloseTimeout: '10 seconds' });
const local = wf.proxyLocalActivities<BenchActivities>({ startToCloseTimeout: '10 seconds' });

/** Activities before the first Update and after each one; local activities likewise (0 when absent). */
export interface BaselinePlan {
  initialActivities: number;
  activitiesPerUpdate: number[];
  initialLocal?: number;
  localPerUpdate?: number[];
}

export async function benchBaselineWorkflow(plan: BaselinePlan): Promise<number> {
  const run = async (remote: number, locals: number) => {
    for (let i = 0; i < remote; i++) await benchNoop({ n: i });
    for (let i = 0; i < locals; i++) await local.benchNoop({ n: i });
  };
  let requested = 0;
  let done = 0;
  wf.setHandler(baselineStep, async () => {
    const ticket = ++requested;
    await wf.condition(() => done >= ticket);
    return ticket;
  });
  await run(plan.initialActivities, plan.initialLocal ?? 0);
  // Like a nomination: each Update is answered after the activities it causes have run.
  for (const [u, count] of plan.activitiesPerUpdate.entries()) {
    await wf.condition(() => requested > done);
    await run(count, plan.localPerUpdate?.[u] ?? 0);
    done++;
  }
  return done;
}
