import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { loadNomineeRecord } from '@vinhdanh/persistence';
import { upsertNominee } from '@vinhdanh/persistence/read-model/identity';
import { unitWithin } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { CollectiveYearDto, DisciplineDto, InitiativeDto, ManualAwardDto, RatingDto, RegisterNomineeDto } from './dto';
import { resolveNominee, uuidFromKey } from './nominee-identity';

interface NomineeRow {
  id: string;
  nominee_key: string;
  unit_id: string;
  kind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
  name: string;
}

/**
 * The nominee's record: the facts eligibility is judged on. Clerks of the nominee's unit keep it;
 * their unit's reviewers and auditors read it. Awards issued by Vinh Danh enter it automatically;
 * older ones are entered by hand with their decision numbers.
 */
@ApiTags('nominees')
@ApiBearerAuth()
@Controller('nominees')
export class NomineesController {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  async register(@CurrentActor() actor: AuthenticatedActor, @Body() dto: RegisterNomineeDto) {
    requireClerk(actor, actor.unitId);
    const identity = await resolveNominee(this.ds.manager, this.config.identityKey, { unitId: actor.unitId, kind: dto.kind, name: dto.name, birthYear: dto.birthYear, personalId: dto.personalId }, '');
    const id = uuidFromKey(identity.nomineeKey);
    const { unitId } = await upsertNominee(this.ds.manager, { id, nomineeKey: identity.nomineeKey, unitId: actor.unitId, kind: dto.kind, name: identity.name, birthYear: dto.birthYear, personalIdHash: identity.personalIdHash, accountUserId: identity.accountUserId, recruitedOn: dto.recruitedOn });
    // The person's record is kept by the unit that registered them first; another unit learns nothing of it.
    if (unitId !== actor.unitId) throw conflict('NOMINEE_KEPT_ELSEWHERE', 'Hồ sơ cá nhân của người này do một đơn vị khác quản lý.', 'Another unit keeps this person’s record.');
    return { id, nomineeKey: identity.nomineeKey };
  }

  @Get(':id/record')
  async record(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string) {
    const nominee = await this.nominee(id);
    // Out of scope reads exactly like a nominee that does not exist.
    if (nominee.unit_id !== actor.unitId && !(await this.auditorOver(actor, nominee.unit_id))) throw NOMINEE_NOT_FOUND();
    return { id, nomineeKey: nominee.nominee_key, unitId: nominee.unit_id, name: nominee.name, record: await loadNomineeRecord(this.ds.manager, nominee.nominee_key, nominee.kind) };
  }

  private async auditorOver(actor: AuthenticatedActor, unitId: string): Promise<boolean> {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) return false;
    return !actor.scopeUnitId || unitWithin(this.ds.manager, unitId, actor.scopeUnitId);
  }

  @Post(':id/ratings')
  @HttpCode(200)
  async rating(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RatingDto) {
    const n = await this.writable(actor, id);
    await this.ds.query(
      `INSERT INTO nominee_rating (nominee_key, year, rating, entered_by) VALUES ($1,$2,$3,$4)
       ON CONFLICT (nominee_key, year) DO UPDATE SET rating = EXCLUDED.rating, entered_by = EXCLUDED.entered_by, entered_at = now()`,
      [n.nominee_key, dto.year, dto.rating, actor.userId],
    );
    return this.record(actor, id);
  }

  @Post(':id/initiatives')
  @HttpCode(200)
  async initiative(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InitiativeDto) {
    const n = await this.writable(actor, id);
    await this.ds.query(
      `INSERT INTO nominee_initiative (nominee_key, year, level, kind, title, recognized_by, entered_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [n.nominee_key, dto.year, dto.level, dto.kind, dto.title.normalize('NFC'), dto.recognizedBy ?? null, actor.userId],
    );
    return this.record(actor, id);
  }

  @Post(':id/disciplines')
  @HttpCode(200)
  async discipline(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DisciplineDto) {
    const n = await this.writable(actor, id);
    if (dto.to && dto.to < dto.from) throw invalid('BAD_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end must not precede the start.', 'to');
    await this.ds.query(
      `INSERT INTO nominee_discipline (nominee_key, from_date, to_date, level, under_review, note, entered_by) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [n.nominee_key, dto.from, dto.to ?? null, dto.level, dto.underReview ?? false, dto.note ?? null, actor.userId],
    );
    return this.record(actor, id);
  }

  /** An award from before the system, entered by hand with its decision number (source MANUAL). */
  @Post(':id/awards')
  @HttpCode(200)
  async award(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ManualAwardDto) {
    const n = await this.writable(actor, id);
    await this.ds.query(
      `INSERT INTO award_register (nominee_key, nominee_name, nominee_kind, award_code, year, decision_number, decided_on, source, unit_id, basis, achievement_ref, entered_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,'MANUAL',$8,$9,$10,$11)`,
      [n.nominee_key, n.name, n.kind, dto.awardCode, dto.year, dto.decisionNumber, dto.decidedOn, n.unit_id, dto.basis ?? 'REGULAR', dto.achievementRef ?? null, actor.userId],
    );
    return this.record(actor, id);
  }

  @Post(':id/collective-years')
  @HttpCode(200)
  async collectiveYear(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CollectiveYearDto) {
    const n = await this.writable(actor, id);
    if (n.kind === 'INDIVIDUAL') throw invalid('NOT_A_COLLECTIVE', 'Chỉ tập thể mới có số liệu thành viên.', 'Only collectives have member figures.', 'year');
    for (const field of ['membersCompletingTasks', 'ldttCount', 'cstdcsCount', 'membersDisciplinedWarningOrAbove'] as const) {
      if ((dto[field] ?? 0) > dto.members) throw invalid('COUNT_EXCEEDS_MEMBERS', `${field} vượt quá số thành viên.`, `${field} exceeds the number of members.`, field);
    }
    await this.ds.query(
      `INSERT INTO nominee_collective_year (nominee_key, year, members, members_completing_tasks, ldtt_count, cstdcs_count, members_disciplined_warning_or_above, entered_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (nominee_key, year) DO UPDATE SET members=EXCLUDED.members, members_completing_tasks=EXCLUDED.members_completing_tasks,
         ldtt_count=EXCLUDED.ldtt_count, cstdcs_count=EXCLUDED.cstdcs_count, members_disciplined_warning_or_above=EXCLUDED.members_disciplined_warning_or_above,
         entered_by=EXCLUDED.entered_by, entered_at=now()`,
      [n.nominee_key, dto.year, dto.members, dto.membersCompletingTasks ?? null, dto.ldttCount ?? null, dto.cstdcsCount ?? null, dto.membersDisciplinedWarningOrAbove ?? null, actor.userId],
    );
    return this.record(actor, id);
  }

  private async nominee(id: string): Promise<NomineeRow> {
    const [row] = await this.ds.query(`SELECT id, nominee_key, unit_id, kind, name FROM nominee WHERE id=$1`, [id]);
    if (!row) throw NOMINEE_NOT_FOUND();
    return row;
  }

  private async writable(actor: AuthenticatedActor, id: string): Promise<NomineeRow> {
    const row = await this.nominee(id);
    if (row.unit_id !== actor.unitId) throw NOMINEE_NOT_FOUND();
    requireClerk(actor, row.unit_id);
    return row;
  }
}

const NOMINEE_NOT_FOUND = () => notFound('NOMINEE_NOT_FOUND', 'Không tìm thấy người/tập thể được đề nghị.', 'Nominee not found.');

function requireClerk(actor: AuthenticatedActor, unitId: string): void {
  if (!actor.roles.includes('CLERK') || actor.unitId !== unitId) {
    throw forbidden('CLERK_OF_UNIT_REQUIRED', 'Chỉ văn thư của đơn vị mới được cập nhật hồ sơ này.', 'Only a clerk of the unit may update this record.');
  }
}
