import { runOperatorCommand } from './cli-context';
import { rebuildProjections } from './rebuild';

/**
 * `npm run rebuild [-- --closed-only] [-- --keep]`: regenerates the projections from Temporal
 * histories into a scratch schema and proves they match the live read model (exit 1 if not).
 * With --keep the scratch schema stays, to be swapped in by an operator after a loss.
 */
runOperatorCommand(({ ds, client, codec }) => rebuildProjections(ds, client, codec, { closedOnly: process.argv.includes('--closed-only'), keep: process.argv.includes('--keep') }));
