import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { auditEntry, checkpointAt, checkpointList, consistencyOf, decisionSignedEntry, inclusionOf, issueCheckpoint, leaves } from '@vinhdanh/persistence/audit/transparency';
import { memoizedSubtree, type Subtree } from '@vinhdanh/persistence/audit/merkle';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CheckpointSigner, checkpointNote } from '@vinhdanh/platform/transparency/checkpoint-signer';
import type { AuthenticatedActor } from '../common/actor';
import type { Checkpoint, CheckpointLog, ConsistencyProof, InclusionProof } from './responses';

/** The audit log's checkpoints and proofs (docs/audit.md, transparency log). */
@Injectable()
export class TransparencyService {
  readonly signer: CheckpointSigner;

  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.signer = new CheckpointSigner(config.feedSigningKey);
  }

  issue(): Promise<Checkpoint> {
    return issueCheckpoint(this.ds.manager, this.config.checkpoints.origin, (body) => {
      const note = checkpointNote(body);
      return { note, keyId: this.signer.keyId, signature: this.signer.sign(note) };
    });
  }

  /** On demand, for an auditor or the administrator (the worker signs one at least daily by itself). */
  issueFor(actor: AuthenticatedActor): Promise<Checkpoint> {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) {
      throw forbidden('AUDITOR_ONLY', 'Chỉ thanh tra, kiểm tra hoặc quản trị mới phát hành được điểm kiểm.', 'Only auditors or the administrator may issue a checkpoint.');
    }
    return this.issue();
  }

  async log(limit: number): Promise<CheckpointLog> {
    return { key: { keyId: this.signer.keyId, publicKeyPem: this.signer.publicKeyPem(), algorithm: 'ed25519' }, items: await checkpointList(this.ds.manager, limit) };
  }

  async latest(): Promise<Checkpoint> {
    const [latest] = await checkpointList(this.ds.manager, 1);
    if (!latest) throw notFound('NO_CHECKPOINT', 'Chưa có điểm kiểm nào của nhật ký.', 'No checkpoint of the log yet.');
    return latest;
  }

  /**
   * The tree of one checkpoint, kept for the next proof against it: the public proofs then cost one
   * read of the leaves per checkpoint and one hash per node, however many are asked for.
   */
  private tree?: { treeSize: number; subtree: Promise<Subtree> };

  private treeOf(treeSize: number): Promise<Subtree> {
    if (this.tree?.treeSize !== treeSize) {
      const subtree = leaves(this.ds.manager, treeSize).then(memoizedSubtree);
      this.tree = { treeSize, subtree };
      subtree.catch(() => (this.tree = undefined));
    }
    return this.tree.subtree;
  }

  async consistency(from: number, to: number): Promise<ConsistencyProof> {
    if (!(from >= 1 && to >= from)) throw invalid('BAD_TREE_SIZES', 'Cần from ≥ 1 và to ≥ from (kích thước cây của hai điểm kiểm).', 'from must be at least 1 and to at least from (the tree sizes of two checkpoints).', 'from');
    const [a, b] = await Promise.all([checkpointAt(this.ds.manager, from), checkpointAt(this.ds.manager, to)]);
    if (!a || !b) throw notFound('CHECKPOINT_NOT_FOUND', 'Không có điểm kiểm với kích thước cây này.', 'No checkpoint of that tree size.');
    return { from: a, to: b, proof: consistencyOf(await this.treeOf(to), from, to) };
  }

  /**
   * The proof that the entry recording a decision's signed PDF is in the log, against the newest
   * checkpoint; one is signed now if none covers the entry yet (issuing is idempotent).
   */
  async inclusion(decisionId: string): Promise<InclusionProof> {
    const seq = await decisionSignedEntry(this.ds.manager, decisionId);
    if (seq === undefined) throw notFound('DECISION_NOT_SIGNED', 'Quyết định chưa có bản ký số (hoặc không tồn tại).', 'The decision has no signed document yet (or does not exist).');
    const [latest] = await checkpointList(this.ds.manager, 1);
    const checkpoint = latest && latest.treeSize >= seq ? latest : await this.issue();
    return { decisionId, checkpoint, entry: await auditEntry(this.ds.manager, seq), leafIndex: seq - 1, proof: inclusionOf(await this.treeOf(checkpoint.treeSize), seq, checkpoint.treeSize) };
  }
}
