import * as wf from '@temporalio/workflow';
import type { BenchActivities } from '@vinhdanh/domain/ladder/activities';

/**
 * The engine's ceiling for `npm run bench`: the same number of activities and Updates per item as
 * a nomination, doing nothing else. Vinh Danh's throughput is reported as a ratio of this.
 */
export const baselineStep = wf.defineUpdate<number, []>('baselineStep');

const { benchNoop } = wf.proxyActivities<BenchActivities>({ startToCloseTimeout: '10 seconds' });

export async function benchBaselineWorkflow(plan: { initialActivities: number; activitiesPerUpdate: number[] }): Promise<number> {
  let requested = 0;
  let done = 0;
  wf.setHandler(baselineStep, async () => {
    const ticket = ++requested;
    await wf.condition(() => done >= ticket);
    return ticket;
  });
  for (let i = 0; i < plan.initialActivities; i++) await benchNoop({ n: i });
  // Like a nomination: each Update is answered after the activities it causes have run.
  for (const count of plan.activitiesPerUpdate) {
    await wf.condition(() => requested > done);
    for (let i = 0; i < count; i++) await benchNoop({ n: i });
    done++;
  }
  return done;
}
