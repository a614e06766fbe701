import { nextMilestone, planDeadlines, type Milestone } from './deadlines';

const DAY = 86_400_000;

describe('deadline milestones', () => {
  it('reminds, escalates and expires in time order', () => {
    const plan = planDeadlines(0, 14 * DAY, 3 * DAY, 7 * DAY);
    const done = new Set<Milestone>();
    const order: [Milestone, number][] = [];
    for (;;) {
      const next = nextMilestone(plan, done);
      order.push([next.milestone, next.at / DAY]);
      if (next.milestone === 'EXPIRE') break;
      done.add(next.milestone);
    }
    expect(order).toEqual([
      ['ESCALATE', 7],
      ['REMIND', 11],
      ['EXPIRE', 14],
    ]);
  });

  it('drops a reminder that would fall before the start and an escalation after the deadline', () => {
    const plan = planDeadlines(100, 2 * DAY, 5 * DAY, 3 * DAY);
    expect(plan.remindAt).toBeUndefined();
    expect(plan.escalateAt).toBeUndefined();
    expect(nextMilestone(plan, new Set())).toEqual({ milestone: 'EXPIRE', at: 100 + 2 * DAY });
  });
});
