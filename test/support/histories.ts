import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureTemporalCli } from '../../scripts/ensure-temporal-cli';
import type { Stack } from './stack';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');
const INDEX = path.join(HISTORIES_DIR, 'index.json');

export interface HistoryEntry {
  payloads: 'plaintext' | 'codec';
  /** The recorded workflow's id: codec payloads are bound to it, so replay must use it. */
  workflowId?: string;
  /**
   * For a nomination in flight across an upgrade (scripts/record-upgrade-history.ts): the revision
   * whose product started it; a later one finished it.
   */
  startedBy?: string;
}

export function historyIndex(): Record<string, HistoryEntry> {
  return (JSON.parse(fs.readFileSync(INDEX, 'utf8')) as { histories: Record<string, HistoryEntry> }).histories;
}

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under test/histories/ so the replay
 * test keeps proving that today's workflow code still runs it. Exported with the CLI
 * (`temporal workflow show -o json`), the same format an operator downloads from the Web UI; its
 * payloads are encrypted under the test codec key. Re-record only on purpose: a recorded history
 * is a promise to nominations already in flight. A plaintext (pre-codec) history is never replaced.
 */
export async function recordHistory(stack: Stack, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const file = `${name}.json`;
  const index = JSON.parse(fs.readFileSync(INDEX, 'utf8')) as { histories: Record<string, HistoryEntry> };
  if (index.histories[file]?.payloads === 'plaintext') return;
  await stack.temporal.workflow.getHandle(workflowId).result().catch(() => undefined);
  const json = execFileSync(ensureTemporalCli(), ['workflow', 'show', '--address', stack.config.temporalAddress, '--workflow-id', workflowId, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, file), json.endsWith('\n') ? json : `${json}\n`);
  index.histories[file] = { payloads: 'codec', workflowId };
  fs.writeFileSync(INDEX, `${JSON.stringify(index, null, 2)}\n`);
}
