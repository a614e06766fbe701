import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { findNominee, loadNomineeRecord, recordCollectiveYear, recordDiscipline, recordInitiative, recordManualAward, recordRating, type NomineeEntry } from '@vinhdanh/persistence/nominee-record';
import { upsertNominee } from '@vinhdanh/persistence/read-model/identity';
import { unitWithin } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, type AuthenticatedActor } from '../auth/public.decorator';
import { CollectiveYearDto, DisciplineDto, InitiativeDto, ManualAwardDto, RatingDto, RegisterNomineeDto } from './dto';
import { resolveNominee, uuidFromKey } from './nominee-identity';

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
    if (nominee.unitId !== actor.unitId && !(await this.auditorOver(actor, nominee.unitId))) throw NOMINEE_NOT_FOUND();
    return { id, nomineeKey: nominee.nomineeKey, unitId: nominee.unitId, name: nominee.name, record: await loadNomineeRecord(this.ds.manager, nominee.nomineeKey, nominee.kind) };
  }

  private async auditorOver(actor: AuthenticatedActor, unitId: string): Promise<boolean> {
    if (!actor.roles.includes('AUDITOR') && !actor.roles.includes('ADMIN')) return false;
    return !actor.scopeUnitId || unitWithin(this.ds.manager, unitId, actor.scopeUnitId);
  }

  @Post(':id/ratings')
  @HttpCode(200)
  async rating(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RatingDto) {
    const n = await this.writable(actor, id);
    await recordRating(this.ds.manager, n.nomineeKey, { year: dto.year, rating: dto.rating, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  @Post(':id/initiatives')
  @HttpCode(200)
  async initiative(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InitiativeDto) {
    const n = await this.writable(actor, id);
    await recordInitiative(this.ds.manager, n.nomineeKey, { year: dto.year, level: dto.level, kind: dto.kind, title: dto.title.normalize('NFC'), recognizedBy: dto.recognizedBy ?? null, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  @Post(':id/disciplines')
  @HttpCode(200)
  async discipline(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DisciplineDto) {
    const n = await this.writable(actor, id);
    if (dto.to && dto.to < dto.from) throw invalid('BAD_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end must not precede the start.', 'to');
    await recordDiscipline(this.ds.manager, n.nomineeKey, { from: dto.from, to: dto.to ?? null, level: dto.level, underReview: dto.underReview ?? false, note: dto.note ?? null, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  /** An award from before the system, entered by hand with its decision number (source MANUAL). */
  @Post(':id/awards')
  @HttpCode(200)
  async award(@CurrentActor() actor: AuthenticatedActor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ManualAwardDto) {
    const n = await this.writable(actor, id);
    await recordManualAward(this.ds.manager, n, { awardCode: dto.awardCode, year: dto.year, decisionNumber: dto.decisionNumber, decidedOn: dto.decidedOn, basis: dto.basis ?? 'REGULAR', achievementRef: dto.achievementRef ?? null, enteredBy: actor.userId });
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
    await recordCollectiveYear(this.ds.manager, n.nomineeKey, {
      year: dto.year,
      members: dto.members,
      membersCompletingTasks: dto.membersCompletingTasks ?? null,
      ldttCount: dto.ldttCount ?? null,
      cstdcsCount: dto.cstdcsCount ?? null,
      membersDisciplinedWarningOrAbove: dto.membersDisciplinedWarningOrAbove ?? null,
      enteredBy: actor.userId,
    });
    return this.record(actor, id);
  }

  private async nominee(id: string): Promise<NomineeEntry> {
    const row = await findNominee(this.ds.manager, id);
    if (!row) throw NOMINEE_NOT_FOUND();
    return row;
  }

  private async writable(actor: AuthenticatedActor, id: string): Promise<NomineeEntry> {
    const row = await this.nominee(id);
    if (row.unitId !== actor.unitId) throw NOMINEE_NOT_FOUND();
    requireClerk(actor, row.unitId);
    return row;
  }
}

const NOMINEE_NOT_FOUND = () => notFound('NOMINEE_NOT_FOUND', 'Không tìm thấy người/tập thể được đề nghị.', 'Nominee not found.');

function requireClerk(actor: AuthenticatedActor, unitId: string): void {
  if (!actor.roles.includes('CLERK') || actor.unitId !== unitId) {
    throw forbidden('CLERK_OF_UNIT_REQUIRED', 'Chỉ văn thư của đơn vị mới được cập nhật hồ sơ này.', 'Only a clerk of the unit may update this record.');
  }
}
