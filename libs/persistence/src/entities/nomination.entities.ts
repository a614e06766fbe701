import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** Read model of one nomination (nominee × proposed award), folded from its workflow's events. */
@Entity('nomination')
export class NominationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index({ unique: true }) @Column('text', { name: 'dossier_key' }) dossierKey!: string;
  @Column('text', { name: 'workflow_id' }) workflowId!: string;
  @Index() @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text', { name: 'nominee_kind' }) nomineeKind!: string;
  @Column('text', { name: 'nominee_name' }) nomineeName!: string;
  @Column('jsonb') nominee!: Record<string, unknown>;
  @Index() @Column('text', { name: 'award_code' }) awardCode!: string;
  @Index() @Column('int') year!: number;
  @Column('jsonb') dossier!: Record<string, unknown>;
  @Column('text', { name: 'movement_id', nullable: true }) movementId!: string | null;
  @Index() @Column('text') status!: string;
  @Index() @Column('text', { name: 'current_level' }) currentLevel!: string;
  @Column('text', { name: 'current_step' }) currentStep!: string;
  @Column('text', { name: 'outcome_reason', nullable: true }) outcomeReason!: string | null;
  @Column('jsonb', { nullable: true }) eligibility!: Record<string, unknown> | null;
  @Column('text', { name: 'decision_id', nullable: true }) decisionId!: string | null;
  @Column('text', { name: 'submitted_by' }) submittedBy!: string;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  /** Sequence of the last event folded in: projections apply events in order and at most once. */
  @Column('int', { name: 'last_seq' }) lastSeq!: number;
}

/** One domain event of a nomination, as the workflow recorded it (the step history). */
@Entity('nomination_event')
@Unique(['nominationId', 'seq'])
export class NominationEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Index() @Column('uuid', { name: 'nomination_id' }) nominationId!: string;
  @Column('int') seq!: number;
  @Column('text') type!: string;
  @Column('text') level!: string;
  @Column('text', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text', { name: 'actor_role', nullable: true }) actorRole!: string | null;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { nullable: true }) rule!: string | null;
  @Column('jsonb') data!: Record<string, unknown>;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'projected_at', default: () => 'now()' }) projectedAt!: Date;
}

/** An open or closed task in someone's inbox. Assigned to a unit and role, not to a person. */
@Entity('task')
@Unique(['nominationId', 'taskKey'])
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column('uuid', { name: 'nomination_id' }) nominationId!: string;
  @Column('text', { name: 'task_key' }) taskKey!: string;
  @Column('text') kind!: string;
  @Column('text') level!: string;
  @Index() @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text') role!: string;
  @Index() @Column('text') status!: string;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('text', { name: 'closed_by', nullable: true }) closedBy!: string | null;
  @Column('jsonb', { default: () => "'{}'::jsonb" }) data!: Record<string, unknown>;
}
