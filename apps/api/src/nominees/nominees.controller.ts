import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { uuidParam } from '../common/validation';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { conflict, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { findNominee, listNominees, loadNomineeRecord, recordCollectiveYear, recordDiscipline, recordInitiative, recordManualAward, recordRating, type NomineeEntry } from '@vinhdanh/persistence/nominee-record';
import { upsertNominee } from '@vinhdanh/persistence/read-model/identity';
import { unitWithin } from '@vinhdanh/persistence/read-model/org';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { CollectiveYearDto, DisciplineDto, InitiativeDto, ManualAwardDto, NomineeQueryDto, RatingDto, RegisterNomineeDto } from './dto';
import { resolveNominee, uuidFromKey } from './nominee-identity';
import { Operation } from '../contract/operation';
import type { NomineePage, NomineeRecordView, NomineeRegistered } from './responses';

/**
 * The nominee's record: the facts eligibility is judged on. Clerks of the nominee's unit keep it;
 * their unit's reviewers and auditors read it. Awards issued by Vinh Danh enter it automatically;
 * older ones are entered by hand with their decision numbers.
 */
@ApiTags('nominees')
@Controller('nominees')
export class NomineesController {
  constructor(private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post()
  @Operation({
    summary: { vi: 'Đăng ký người, tập thể được theo dõi', en: 'Register a nominee' },
    description: {
      vi: 'Văn thư đăng ký một người (theo số định danh cá nhân, chỉ lưu mã băm) hoặc tập thể để ghi quá trình thi đua. Quá trình do đơn vị đăng ký đầu tiên quản lý.',
      en: 'A clerk registers a person (by personal identification number, kept only as a keyed hash) or a collective, to keep their record. The unit that registers first keeps it.',
    },
    ok: { status: 201, body: 'NomineeRegistered' },
    errors: [403, 409],
  })
  async register(@CurrentActor() actor: AuthenticatedActor, @Body() dto: RegisterNomineeDto): Promise<NomineeRegistered> {
    requireClerk(actor, actor.unitId);
    const identity = await resolveNominee(this.ds.manager, this.config.identityKey, { unitId: actor.unitId, kind: dto.kind, name: dto.name, birthYear: dto.birthYear, personalId: dto.personalId }, '');
    const id = uuidFromKey(identity.nomineeKey);
    const { unitId } = await upsertNominee(this.ds.manager, { id, nomineeKey: identity.nomineeKey, unitId: actor.unitId, kind: dto.kind, name: identity.name, birthYear: dto.birthYear, personalIdHash: identity.personalIdHash, accountUserId: identity.accountUserId, recruitedOn: dto.recruitedOn });
    // The person's record is kept by the unit that registered them first; another unit learns nothing of it.
    if (unitId !== actor.unitId) throw conflict('NOMINEE_KEPT_ELSEWHERE', 'Hồ sơ cá nhân của người này do một đơn vị khác quản lý.', 'Another unit keeps this person’s record.');
    return { id, nomineeKey: identity.nomineeKey };
  }

  @Get()
  @Operation({
    summary: { vi: 'Danh sách người, tập thể đơn vị theo dõi', en: 'The nominees a unit keeps' },
    description: {
      vi: 'Những người, tập thể mà đơn vị của người gọi quản lý quá trình thi đua, tìm theo tên (không phân biệt dấu), xếp theo tên, kèm xếp loại gần nhất và số khen thưởng đã ghi.',
      en: 'The people and collectives whose record the caller’s unit keeps, found by name (ignoring accents), in name order, with the latest rating and the number of awards recorded.',
    },
    ok: { body: 'NomineePage' },
  })
  async list(@CurrentActor() actor: AuthenticatedActor, @Query() q: NomineeQueryDto): Promise<NomineePage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    return { page, pageSize, ...(await listNominees(this.ds.manager, actor.unitId, { q: q.q?.normalize('NFC'), kind: q.kind, page, pageSize })) };
  }

  @Get(':id/record')
  @Operation({
    summary: { vi: 'Quá trình thi đua của một người, tập thể', en: 'A nominee’s record' },
    description: { vi: 'Xếp loại, danh hiệu, khen thưởng, sáng kiến, kỷ luật — như công cụ kiểm tra điều kiện đọc. Cho đơn vị quản lý và thanh tra trong phạm vi.', en: 'Ratings, titles, awards, initiatives, discipline — as the eligibility engine reads them. For the keeping unit and auditors in scope.' },
    ok: { body: 'NomineeRecordView' },
    errors: [404],
  })
  async record(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string): Promise<NomineeRecordView> {
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
  @Operation({
    summary: { vi: 'Ghi xếp loại năm', en: 'Record a year’s rating' },
    description: { vi: 'Kết quả đánh giá, xếp loại của một năm (thay giá trị cũ nếu có).', en: 'The year’s assessment rating (replaces any earlier value).' },
    ok: { body: 'NomineeRecordView', description: { vi: 'Quá trình sau khi ghi', en: 'The record after the entry' } },
    errors: [403, 404],
  })
  async rating(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: RatingDto): Promise<NomineeRecordView> {
    const n = await this.writable(actor, id);
    await recordRating(this.ds.manager, n.nomineeKey, { year: dto.year, rating: dto.rating, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  @Post(':id/initiatives')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Ghi sáng kiến', en: 'Record an initiative' },
    description: { vi: 'Sáng kiến, đề tài được công nhận và cấp công nhận.', en: 'A recognised initiative or study, and the level that recognised it.' },
    ok: { body: 'NomineeRecordView', description: { vi: 'Quá trình sau khi ghi', en: 'The record after the entry' } },
    errors: [403, 404],
  })
  async initiative(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: InitiativeDto): Promise<NomineeRecordView> {
    const n = await this.writable(actor, id);
    await recordInitiative(this.ds.manager, n.nomineeKey, { year: dto.year, level: dto.level, kind: dto.kind, title: dto.title.normalize('NFC'), recognizedBy: dto.recognizedBy ?? null, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  @Post(':id/disciplines')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Ghi kỷ luật', en: 'Record a discipline' },
    description: { vi: 'Hình thức kỷ luật và thời gian thi hành, hoặc việc đang xem xét kỷ luật.', en: 'A disciplinary measure and its period, or one under review.' },
    ok: { body: 'NomineeRecordView', description: { vi: 'Quá trình sau khi ghi', en: 'The record after the entry' } },
    errors: [403, 404],
  })
  async discipline(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: DisciplineDto): Promise<NomineeRecordView> {
    const n = await this.writable(actor, id);
    if (dto.to && dto.to < dto.from) throw invalid('BAD_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end must not precede the start.', 'to');
    await recordDiscipline(this.ds.manager, n.nomineeKey, { from: dto.from, to: dto.to ?? null, level: dto.level, underReview: dto.underReview ?? false, note: dto.note ?? null, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  @Post(':id/awards')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Ghi khen thưởng đã có', en: 'Record an earlier award' },
    description: { vi: 'Khen thưởng từ trước khi có hệ thống, nhập tay kèm số quyết định (nguồn MANUAL).', en: 'An award from before the system, entered by hand with its decision number (source MANUAL).' },
    ok: { body: 'NomineeRecordView', description: { vi: 'Quá trình sau khi ghi', en: 'The record after the entry' } },
    errors: [403, 404],
  })
  async award(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: ManualAwardDto): Promise<NomineeRecordView> {
    const n = await this.writable(actor, id);
    await recordManualAward(this.ds.manager, n, { awardCode: dto.awardCode, year: dto.year, decisionNumber: dto.decisionNumber, decidedOn: dto.decidedOn, basis: dto.basis ?? 'REGULAR', achievementRef: dto.achievementRef ?? null, enteredBy: actor.userId });
    return this.record(actor, id);
  }

  @Post(':id/collective-years')
  @HttpCode(200)
  @Operation({
    summary: { vi: 'Ghi số liệu năm của tập thể', en: 'Record a collective’s year' },
    description: { vi: 'Số thành viên, số hoàn thành nhiệm vụ, số đạt danh hiệu, số bị kỷ luật trong năm.', en: 'Members, those completing their tasks, title holders and those disciplined in the year.' },
    ok: { body: 'NomineeRecordView', description: { vi: 'Quá trình sau khi ghi', en: 'The record after the entry' } },
    errors: [403, 404],
  })
  async collectiveYear(@CurrentActor() actor: AuthenticatedActor, @Param('id', uuidParam('id')) id: string, @Body() dto: CollectiveYearDto): Promise<NomineeRecordView> {
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
      clusterLedBy: dto.clusterLedBy ?? null,
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
