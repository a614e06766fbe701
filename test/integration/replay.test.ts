import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';

/**
 * Determinism guard: every recorded history under test/histories/ must replay against the current
 * workflow bundle. A change that would break nominations already running fails here; make such
 * changes behind `patched()` (docs/audit.md, "Changing workflow code safely").
 */
const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json')).sort();

describe('replay of recorded histories', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s replays against the current workflow code', async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { code: fs.readFileSync(process.env.VINHDANH_WORKFLOW_BUNDLE!, 'utf8') } }, history, file.replace(/\.json$/, ''));
  });
});
