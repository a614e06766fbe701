import fs from 'node:fs';
import { CheckpointSigner } from '@vinhdanh/platform/transparency/checkpoint-signer';
import { runOperatorCommand } from './cli-context';
import { restoreCheck, type KeptCheckpoint } from './restore-check';

/**
 * `npm run restore:check -- --checkpoint kept.json [--checkpoint …] [--query "<visibility query>"]`,
 * after restoring the product database (docs/operations.md): the restored record against the
 * checkpoints kept outside it and against what the engine did since the backup. A file holds one
 * checkpoint (GET /public/checkpoints/latest) or a list of them (GET /public/checkpoints). Exit 1
 * when entries were lost, a nomination moved on after the backup, or a kept checkpoint does not verify.
 */
const args = process.argv.slice(2);
const valuesOf = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
const kept: KeptCheckpoint[] = valuesOf('--checkpoint').flatMap((file) => {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as KeptCheckpoint | { items: KeptCheckpoint[] };
    return 'items' in raw ? raw.items : [raw];
  } catch (err) {
    console.error(`--checkpoint ${file}: not a checkpoint file (${err instanceof Error ? err.message : err})`);
    process.exit(2);
  }
});
const [query] = valuesOf('--query');

runOperatorCommand(({ ds, client, codec, config }) => restoreCheck(ds, client, codec, { kept, checkpointKey: new CheckpointSigner(config.feedSigningKey).publicKey, query }));
