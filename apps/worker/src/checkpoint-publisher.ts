import type { DataSource } from 'typeorm';
import { checkpointList, issueCheckpoint } from '@vinhdanh/persistence/audit/transparency';
import { CheckpointSigner, checkpointNote } from '@vinhdanh/platform/transparency/checkpoint-signer';

/** How often the publisher looks whether a checkpoint is due. */
const LOOK_EVERY_MS = 10 * 60_000;

/**
 * Signs a checkpoint of the audit log whenever the last one is older than CHECKPOINT_INTERVAL (a
 * day by default), and at start when there is none: the log is published at least daily even if
 * nobody asks (docs/audit.md). With several workers, issuing is idempotent: the log's head is
 * locked while one is signed, and a second finds it done.
 */
export class CheckpointPublisher {
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly signer: CheckpointSigner;

  constructor(private readonly o: { dataSource: DataSource; origin: string; intervalMs: number; feedSigningKey: Buffer; log: { warn(o: object, m: string): void; info(o: object, m: string): void } }) {
    this.signer = new CheckpointSigner(o.feedSigningKey);
  }

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.publishIfDue()
        .catch((err) => this.o.log.warn({ err: String(err) }, 'checkpoint not issued; tried again later'))
        .finally(() => this.schedule(Math.min(LOOK_EVERY_MS, this.o.intervalMs)));
    }, delayMs);
    this.timer.unref?.();
  }

  async publishIfDue(): Promise<void> {
    const [latest] = await checkpointList(this.o.dataSource.manager, 1);
    if (latest && Date.now() - Date.parse(latest.issuedAt) < this.o.intervalMs) return;
    const issued = await issueCheckpoint(this.o.dataSource.manager, this.o.origin, (body) => {
      const note = checkpointNote(body);
      return { note, keyId: this.signer.keyId, signature: this.signer.sign(note) };
    });
    this.o.log.info({ treeSize: issued.treeSize, rootHash: issued.rootHash }, 'audit log checkpoint issued');
  }
}
