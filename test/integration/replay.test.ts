import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { parseCodecKeys, VinhDanhCodec, vinhDanhDataConverter } from '@vinhdanh/platform';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { eventsFromHistory } from '../../apps/api/src/audit/history';
import { LOCAL_TRANSACTIONS, POSTING_GATE, PRESIDENT_STEP, ROUTE_COMPLETED_EVENT } from '../../workflows/nomination/nomination';
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
    const markers = patchMarkers(history);
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

/** The patch ids of a history's markers, with where each stands. */
function patchMarkers(history: ReturnType<typeof historyFromJSON>): { id: string; at: number }[] {
  return history.events!.flatMap((e) => {
    const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    return data ? [{ id: (JSON.parse(Buffer.from(data).toString()) as { id: string }).id, at: Number(e.eventId) }] : [];
  });
}

/**
 * A Labour Order nomination the product started while recordEvent, appraise and issueDecision were
 * activities, and finished after they became local activities (LOCAL_TRANSACTIONS). It replays
 * above; here the audit's reading of it: every event, whichever way it was recorded, once, in order.
 */
describe('a nomination in flight across the move to local activities', () => {
  const file = 'nomination-upgraded-to-local-transactions.json';
  const entry = index[file];
  const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
  const owner = { namespace: 'default', workflowId: entry.workflowId! };
  const codec = new VinhDanhCodec({ keys, onUnauthenticated: 'throw' });
  const scheduled = (name: string) => history.events!.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === name).map((e) => Number(e.eventId));
  const localMarkers = history.events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').map((e) => Number(e.eventId));

  it('recorded the old code’s steps as activities, and every step after the marker as local activities', () => {
    const marker = patchMarkers(history).find((m) => m.id === LOCAL_TRANSACTIONS)!;
    expect(marker).toBeDefined();
    for (const name of ['recordEvent', 'appraise']) {
      expect(scheduled(name).length).toBeGreaterThan(0);
      expect(Math.max(...scheduled(name))).toBeLessThan(marker.at);
    }
    expect(scheduled('issueDecision')).toEqual([]);
    expect(localMarkers.length).toBeGreaterThan(0);
    expect(Math.min(...localMarkers)).toBeGreaterThan(marker.at);
  });

  it('keeps every event for the audit: numbered 1…n without a gap, from the activities before and the markers after', async () => {
    const { events, unauthenticated } = await eventsFromHistory(history, codec, owner);
    expect(unauthenticated).toEqual([]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const marker = patchMarkers(history).find((m) => m.id === LOCAL_TRANSACTIONS)!;
    const before = events.filter((e) => e.historyEventId < marker.at);
    const after = events.filter((e) => e.historyEventId > marker.at);
    expect(before.map((e) => e.type)).toContain('ProposalForwarded');
    expect(before.every((e) => scheduled('recordEvent').includes(e.historyEventId))).toBe(true);
    expect(after.every((e) => localMarkers.includes(e.historyEventId))).toBe(true);
    expect(after.map((e) => e.type)).toEqual(expect.arrayContaining(['PublicPostingStarted', 'CouncilResultReceived', 'ProposalSubmitted', 'DecisionIssued']));
    expect(after.at(-1)).toMatchObject({ type: 'DecisionIssued', data: { number: expect.stringMatching(/\/QĐ-CTN$/) } });
  });

  it('does not read a marker whose result was not made by the product', async () => {
    const forged = historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')));
    const marker = forged.events!.find((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity' && e.markerRecordedEventAttributes.details?.result)!;
    const result = marker.markerRecordedEventAttributes!.details!.result!.payloads![0];
    result.data = Buffer.from(result.data!).map((b, i) => (i === 40 ? b ^ 0xff : b));
    const { events, unauthenticated } = await eventsFromHistory(forged, codec, owner);
    expect(unauthenticated).toEqual([Number(marker.eventId)]);
    expect(events.some((e) => e.historyEventId === Number(marker.eventId))).toBe(false);
  });
});
