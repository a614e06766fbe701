import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureTemporalCli } from '../../scripts/ensure-temporal-cli';
import type { Stack } from './stack';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history under test/histories/ so the replay
 * test keeps proving that today's workflow code still runs it. Exported with the CLI
 * (`temporal workflow show -o json`), the same format an operator downloads from the Web UI.
 * Re-record only on purpose: a recorded history is a promise to nominations already in flight.
 */
export async function recordHistory(stack: Stack, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  await stack.temporal.workflow.getHandle(workflowId).result();
  const json = execFileSync(ensureTemporalCli(), ['workflow', 'show', '--address', stack.config.temporalAddress, '--workflow-id', workflowId, '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), json.endsWith('\n') ? json : `${json}\n`);
}
