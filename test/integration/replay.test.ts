import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { parseCodecKeys, vinhDanhDataConverter } from '@vinhdanh/platform';
import { HISTORIES_DIR, historyIndex } from '../support/histories';
import { TEST_SECRETS } from '../support/test-secrets';

/**
 * Determinism guard: every recorded history under test/histories/ must replay against the current
 * workflow bundle, through the same codec the worker uses. A change that would break nominations
 * already running fails here; make such changes behind `patched()` (docs/audit.md).
 *
 * Histories recorded before the payload codec are plaintext: they stand for the workflows in flight
 * at that upgrade, which the codec reads as adopted legacy workflows (docs/security.md).
 */
const index = historyIndex();
const files = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const { keys } = parseCodecKeys(TEST_SECRETS.CODEC_KEYS);

describe('replay of recorded histories', () => {
  it('has recorded histories to replay, each listed in the index', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => !index[f])).toEqual([]);
  });

  it.each(files)('%s replays against the current workflow code', async (file) => {
    const entry = index[file];
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    const legacy = entry.payloads === 'plaintext';
    const dataConverter = vinhDanhDataConverter(keys, 'mark', legacy ? () => true : undefined);
    await Worker.runReplayHistory({ workflowBundle: { code: fs.readFileSync(process.env.VINHDANH_WORKFLOW_BUNDLE!, 'utf8') }, dataConverter }, history, entry.workflowId ?? file.replace(/\.json$/, ''));
  });
});
