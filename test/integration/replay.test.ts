import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { parseCodecKeys, VinhDanhCodec, vinhDanhDataConverter } from '@vinhdanh/platform';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { eventsFromHistory } from '../../apps/api/src/audit/history';
import { POSTING_GATE, PRESIDENT_STEP, ROUTE_COMPLETED_EVENT } from '../../workflows/nomination/nomination';
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

/**
 * A Labour Order nomination started by the product before the 2025 law's steps shipped (posting
 * that gates the council, the President's decision) and finished by today's product on the same
 * database and engine (scripts/record-upgrade-history.ts). It replays above; here is what it shows.
 */
describe('a nomination in flight across the upgrade that added the 2025 steps', () => {
  const file = 'nomination-upgraded-mid-flight.json';
  const entry = index[file];
  const raw = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'));
  const history = historyFromJSON(raw);
  const owner = { namespace: 'default', workflowId: entry.workflowId! };
  const codec = new VinhDanhCodec({ keys, onUnauthenticated: 'throw' });

  it('was started by the old code, with a route that had neither posting nor the President', async () => {
    expect(entry.startedBy).toMatch(/^[0-9a-f]{40}$/);
    const started = history.events![0].workflowExecutionStartedEventAttributes!;
    const [plain] = await codec.decode([started.input!.payloads![0] as Payload], { type: 'workflow', ...owner });
    const input = defaultPayloadConverter.fromPayload<{ routeVersion?: number; route: { level: string; posting?: unknown; president?: unknown }[] }>(plain);
    expect(input.routeVersion).toBeUndefined();
    expect(input.route.some((s) => s.posting || s.president)).toBe(false);
  });

  it('took each change from its next step on: the markers come after the old code’s steps, then the posting, both councils and the President', async () => {
    const markers = history.events!.flatMap((e) => {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return data ? [{ id: (JSON.parse(Buffer.from(data).toString()) as { id: string }).id, at: Number(e.eventId) }] : [];
    });
    expect(markers.map((m) => m.id)).toEqual([POSTING_GATE, ROUTE_COMPLETED_EVENT, PRESIDENT_STEP]);
    const { events } = await eventsFromHistory(history, codec, owner);
    const at = (type: string, from = 0) => events.find((e) => e.type === type && e.historyEventId > from);
    // The unit's review and forwarding were the old code's, before any marker.
    expect(at('ProposalForwarded')!.historyEventId).toBeLessThan(markers[0].at);
    const completed = at('RouteCompleted')!;
    expect(completed.data).toMatchObject({ added: ['PROVINCE:POSTING', 'CENTRAL:PRESIDENT'] });
    const posted = at('PublicPostingStarted', completed.historyEventId)!;
    const council = at('CouncilVoteRequested', posted.historyEventId)!;
    expect(at('PublicPostingEnded', posted.historyEventId)!.historyEventId).toBeLessThan(council.historyEventId);
    const proposal = at('ProposalSubmitted')!;
    expect(proposal.data).toMatchObject({ number: expect.stringMatching(/\/TTr-TTg$/) });
    const decision = at('DecisionIssued', proposal.historyEventId)!;
    expect(decision.data).toMatchObject({ number: expect.stringMatching(/\/QĐ-CTN$/) });
  });
});
