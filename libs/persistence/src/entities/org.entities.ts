import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Level } from '@vinhdanh/domain';

/** A node of the organisation tree: province → departments, communes, agencies, enterprises. */
@Entity('org_unit')
export class OrgUnitEntity {
  @PrimaryColumn('text') id!: string;
  @Index() @Column('text', { name: 'parent_id', nullable: true }) parentId!: string | null;
  /** PROVINCE_PC, HOME_AFFAIRS, DEPARTMENT, COMMUNE, AGENCY, ENTERPRISE, CENTRAL_BOARD, GOVERNMENT */
  @Column('text') kind!: string;
  @Column('text') level!: Level;
  @Column('text', { name: 'name_vi' }) nameVi!: string;
  @Column('text', { name: 'name_en' }) nameEn!: string;
  /** Decision issuer code in decision numbers, e.g. UBND in 123/QĐ-UBND. */
  @Column('text', { name: 'issuer_code' }) issuerCode!: string;
  /** Validity: a unit that ceased (reorganisation) hands over to its successor. */
  @Column('date', { name: 'valid_from', nullable: true }) validFrom!: string | null;
  @Column('date', { name: 'valid_to', nullable: true }) validTo!: string | null;
  @Column('text', { name: 'successor_id', nullable: true }) successorId!: string | null;
  @Column('text', { name: 'ceased_reason', nullable: true }) ceasedReason!: string | null;
}

/** A local account. Roles apply within the account's unit (authorisation is role *and* unit). */
@Entity('user_account')
export class UserAccountEntity {
  @PrimaryColumn('text') id!: string;
  @Index({ unique: true }) @Column('text') username!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { name: 'full_name' }) fullName!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Index() @Column('text', { name: 'unit_id' }) unitId!: string;
  @Column('text', { array: true }) roles!: string[];
  /** Auditor scope: a unit subtree root, or null for all. */
  @Column('text', { name: 'scope_unit_id', nullable: true }) scopeUnitId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
