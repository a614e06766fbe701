import { INTERRUPTIONS, INTERRUPTION_TEXT, interruptionOf } from './interruptions';

describe('what the engine did behind the product’s back', () => {
  const run = { runId: 'r1', recordedRunId: 'r1' };

  it('a run that reached its end is no interruption', () => {
    expect(interruptionOf({ ...run, status: 'COMPLETED' })).toBeUndefined();
    expect(interruptionOf({ runId: 'x', status: 'COMPLETED' })).toBeUndefined();
  });

  it('names each way the recorded run was closed by the engine', () => {
    expect(interruptionOf({ ...run, status: 'TERMINATED', terminateReason: 'by an operator' })).toBe('ENGINE_TERMINATED');
    expect(interruptionOf({ ...run, status: 'TERMINATED', terminateReason: 'replay the approval', resetInto: 'r9' })).toBe('ENGINE_RESET');
    expect(interruptionOf({ ...run, status: 'TERMINATED', terminateReason: 'reset' })).toBe('ENGINE_TERMINATED');
    expect(interruptionOf({ ...run, status: 'TERMINATED', terminateReason: 'Workflow history size exceeds limit.' })).toBe('ENGINE_HISTORY_LIMIT');
    expect(interruptionOf({ ...run, status: 'TERMINATED', terminateReason: 'Workflow history count exceeds limit.' })).toBe('ENGINE_HISTORY_LIMIT');
    expect(interruptionOf({ ...run, status: 'CANCELED' })).toBe('ENGINE_CANCELED');
    expect(interruptionOf({ ...run, status: 'TIMED_OUT' })).toBe('ENGINE_TIMED_OUT');
    expect(interruptionOf({ ...run, status: 'FAILED' })).toBe('ENGINE_FAILED');
  });

  it('a run other than the recorded one is foreign whatever its end, even a clean one', () => {
    expect(interruptionOf({ runId: 'r2', recordedRunId: 'r1', status: 'COMPLETED' })).toBe('FOREIGN_RUN');
    expect(interruptionOf({ runId: 'r2', recordedRunId: 'r1', status: 'TERMINATED', resetInto: 'r3' })).toBe('FOREIGN_RUN');
  });

  it('every finding has words in both languages', () => {
    for (const f of INTERRUPTIONS) expect(INTERRUPTION_TEXT[f].vi && INTERRUPTION_TEXT[f].en).toBeTruthy();
  });
});
