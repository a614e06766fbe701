import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A decision (quyết định) conferring one or more awards. Numbers are gap-free per issuer and year:
 * the counter row is incremented in the same transaction that inserts the decision, so a rolled
 * back issuance releases its number and concurrent issuers queue on the counter's row lock.
 */
@Entity('decision')
@Unique(['issuerUnitId', 'year', 'seq'])
export class DecisionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Index({ unique: true }) @Column('text', { name: 'batch_key' }) batchKey!: string;
  @Column('text') number!: string;
  @Column('text', { name: 'issuer_unit_id' }) issuerUnitId!: string;
  @Column('int') year!: number;
  @Column('int') seq!: number;
  @Column('date', { name: 'issued_on' }) issuedOn!: string;
  @Column('text', { name: 'signer_id' }) signerId!: string;
  @Column('text', { name: 'signer_name' }) signerName!: string;
  @Column('text', { name: 'award_code' }) awardCode!: string;
  @Column('text', { name: 'title_vi' }) titleVi!: string;
  @Column('text', { name: 'title_en', nullable: true }) titleEn!: string | null;
  /** The issuer as named when it signed: a decision number is only unique with its issuer. */
  @Column('text', { name: 'issuer_name_vi', nullable: true }) issuerNameVi!: string | null;
  @Column('text', { name: 'issuer_name_en', nullable: true }) issuerNameEn!: string | null;
  /** AWARD confers; REVOCATION cancels an award decision (thu hồi). */
  @Column('text', { default: 'AWARD' }) kind!: string;
  /** The year the award is for (the issue year is `year`). */
  @Column('int', { name: 'award_year', nullable: true }) awardYear!: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

@Entity('decision_counter')
export class DecisionCounterEntity {
  @PrimaryColumn('text', { name: 'issuer_unit_id' }) issuerUnitId!: string;
  @PrimaryColumn('int') year!: number;
  @Column('int', { name: 'last_seq' }) lastSeq!: number;
}

/** Who received what, when, under which decision: the basis for future eligibility. */
@Entity('award_register')
export class AwardRegisterEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column('text', { name: 'nominee_key' }) nomineeKey!: string;
  @Column('text', { name: 'nominee_name' }) nomineeName!: string;
  @Column('text', { name: 'nominee_kind' }) nomineeKind!: string;
  @Column('text', { name: 'award_code' }) awardCode!: string;
  @Column('int') year!: number;
  @Column('text', { name: 'decision_number' }) decisionNumber!: string;
  @Column('date', { name: 'decided_on' }) decidedOn!: string;
  @Column('uuid', { name: 'decision_id', nullable: true }) decisionId!: string | null;
  @Index({ unique: true, where: 'nomination_id IS NOT NULL' })
  @Column('uuid', { name: 'nomination_id', nullable: true })
  nominationId!: string | null;
  /** REGISTER (issued here) or MANUAL (history entered by hand, with its decision number). */
  @Column('text') source!: string;
  @Column('text', { name: 'unit_id' }) unitId!: string;
  /** REGULAR, SUDDEN or THEMATIC: only regular awards count toward higher merit (Law Art 5(2)). */
  @Column('text', { default: 'REGULAR' }) basis!: string;
  @Column('text', { name: 'achievement_ref', nullable: true }) achievementRef!: string | null;
  @Column('text', { name: 'entered_by', nullable: true }) enteredBy!: string | null;
  @Column('text', { name: 'issuer_unit_id', nullable: true }) issuerUnitId!: string | null;
  @Column('text', { name: 'issuer_name_vi', nullable: true }) issuerNameVi!: string | null;
  /** Tiền thưởng: multiple, base salary in force on the decision date, amount (libs/domain/src/decisions). */
  @Column('jsonb', { nullable: true }) bonus!: Record<string, unknown> | null;
  @Column('boolean', { default: false }) posthumous!: boolean;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @Column('uuid', { name: 'revocation_case_id', nullable: true }) revocationCaseId!: string | null;
  @Column('uuid', { name: 'revocation_decision_id', nullable: true }) revocationDecisionId!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}

/** Transactional outbox: written with the event that causes it, delivered by an activity. */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index({ unique: true }) @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
  @Column('uuid', { name: 'nomination_id', nullable: true }) nominationId!: string | null;
  @Index() @Column('text', { name: 'recipient_user_id' }) recipientUserId!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text') kind!: string;
  @Column('text', { name: 'subject_vi' }) subjectVi!: string;
  @Column('text', { name: 'subject_en' }) subjectEn!: string;
  @Column('text', { name: 'body_vi' }) bodyVi!: string;
  @Column('text', { name: 'body_en' }) bodyEn!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt!: Date | null;
  @Column('timestamptz', { name: 'emailed_at', nullable: true }) emailedAt!: Date | null;
  @Column('timestamptz', { name: 'email_claimed_at', nullable: true }) emailClaimedAt!: Date | null;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
  @Column('int', { default: 0 }) attempts!: number;
}
