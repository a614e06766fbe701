import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { awardForNomination, isAwardCode } from '@vinhdanh/domain/catalogue';
import { conflict, DomainError, forbidden, invalid, notFound } from '@vinhdanh/domain/common/errors';
import { parseList, type ListKind } from '@vinhdanh/domain/imports/list-rows';
import { APP_CONFIG, type AppConfig } from '@vinhdanh/platform';
import { readFirstSheet, SpreadsheetError, writeTable } from '@vinhdanh/platform/spreadsheets/xlsx';
import { actingAccount } from '@vinhdanh/persistence/read-model/identity';
import {
  abandonedImports, claimImport, findImport, finishImport, importCounts, importRows, insertImport, renewImportLease, rowsToSend, settleRows, unitImports,
  type ImportHeader, type ImportRowToSend, type ImportSettings, type RowOutcome,
} from '@vinhdanh/persistence/read-model/imports';
import { vietnamToday } from '@vinhdanh/persistence/read-model/org';
import { nominationsByDossierKey } from '@vinhdanh/persistence/read-model/nominations';
import type { AuthenticatedActor } from '../common/actor';
import { NominationsService, type CheckedSubmission } from '../nominations/nominations.service';
import { resolveNominee, uuidFromKey } from '../nominees/nominee-identity';
import { dossierKeys } from '../nominations/nominations.service';
import type { ImportRowsQueryDto, ImportUploadDto } from './dto';
import type { ImportList, ImportSummary, ImportView } from './responses';

/** A year-end list is 1,000–2,000 names; a whole province's in one file is not a list. */
export const MAX_IMPORT_ROWS = 5000;
/** 5,000 rows of six short cells are well under 1 MiB as .xlsx. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** How long a sender holds an import before another API instance may take it over. */
const LEASE_SECONDS = 30;
/** How often each API instance looks for imports whose sender stopped. */
const SWEEP_MS = 15_000;
/** Rows read per round of sending (the lease is renewed between rounds). */
const ROUND = 200;

interface UploadedFile { originalname: string; size: number; buffer: Buffer }

/**
 * A unit's year-end list uploaded as a spreadsheet: checked row by row and kept as a preview, sent
 * only when the clerk says so, each row as its own nomination (its own workflow, started exactly as
 * a dossier sent alone, with the list's shared checks made once). Sending survives the API: it is
 * driven from the database under a lease, so another instance, or this one restarted, takes over an
 * import whose sender stopped, and a row already started is never started twice (its nomination's
 * id derives from nominee, award and year).
 */
@Injectable()
export class ImportsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('imports');
  private readonly sending = new Set<string>();
  private sweeper?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly ds: DataSource,
    private readonly nominations: NominationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_MS);
    this.sweeper.unref();
    void this.sweep();
  }

  onApplicationShutdown(): void {
    this.stopping = true;
    clearInterval(this.sweeper);
  }

  /** Checks an uploaded list and keeps it as a preview; the same upload again answers the first. */
  async upload(actor: AuthenticatedActor, file: UploadedFile | undefined, dto: ImportUploadDto): Promise<{ view: ImportView; created: boolean }> {
    requireClerk(actor);
    if (!file) throw invalid('FILE_REQUIRED', 'Chưa chọn tệp (trường "file").', 'No file was sent (field "file").', 'file');
    const kind: ListKind = dto.nomineeKind ?? 'INDIVIDUAL';
    const settings: ImportSettings = {
      achievements: dto.achievements.normalize('NFC'),
      achievementPeriod: { from: dto.from ?? `${dto.year}-01-01`, to: dto.to ?? `${dto.year}-12-31` },
      documents: (dto.documents ?? []).map((d) => ({ ...d })),
      ...(dto.movementId ? { movementId: dto.movementId } : {}),
      nomineeKind: kind,
    };
    // The list's own checks first (role, award, period, documents, route): a list for an award the
    // unit cannot propose is refused whole, before a row is read.
    const checked = await this.nominations.check(actor, { awardCode: dto.awardCode, year: dto.year, ...settings, nomineeKind: kind });
    const lines = await readSheet(file.buffer);
    const { today } = await vietnamToday(this.ds.manager);
    const parsed = parseList(lines, { kind, thisYear: Number(today.slice(0, 4)) });
    if (!parsed.rows.length) throw invalid('IMPORT_EMPTY', 'Tệp không có dòng nào ngoài dòng tiêu đề.', 'The file has no rows besides its header.', 'file');

    const fileSha256 = createHash('sha256').update(file.buffer).digest('hex');
    const id = uuidFromKey(['list-import', actor.unitId, fileSha256, checked.award.code, dto.year, JSON.stringify(settings)].join('|'));
    if (!(await findImport(this.ds.manager, id))) {
      const rows = await this.checkRows(actor, checked, parsed.rows, kind);
      const created = await insertImport(this.ds.manager, {
        id, unitId: actor.unitId, fileName: fileNameOf(file), fileSha256, awardCode: checked.award.code, year: dto.year, settings, header: parsed.header ?? null, createdBy: actor.userId,
      }, rows);
      if (created) return { view: await this.view(actor, id, {}), created: true };
    }
    return { view: await this.view(actor, id, {}), created: false };
  }

  /**
   * Each row as the submission would check it (name, number, the account it belongs to), and whether
   * it has been nominated before: by this unit (nothing will start; the row links to it), or by
   * another (refused, and nothing of that nomination is told).
   */
  private async checkRows(actor: AuthenticatedActor, checked: CheckedSubmission, rows: ReturnType<typeof parseList>['rows'], kind: ListKind) {
    const out = [];
    const seenKeys = new Map<string, number>();
    for (const r of rows) {
      const birthYear = /^\d{4}$/.test(r.birthYear) ? Number(r.birthYear) : null;
      const base = {
        line: r.line, name: r.name, birthYear, personalIdLast4: r.personalId ? r.personalId.slice(-4) : null, position: r.position || null, frontLine: r.frontLine,
        achievements: r.achievements ? r.achievements : null, problems: r.problems, nomineeKey: '', personalIdHash: null as string | null, accountUserId: null as string | null,
        state: 'INVALID' as 'INVALID' | 'READY' | 'ALREADY', nominationId: null as string | null, dossierKey: '',
      };
      if (r.problems.length) {
        out.push(base);
        continue;
      }
      try {
        const identity = await resolveNominee(this.ds.manager, this.config.identityKey, { unitId: actor.unitId, kind, name: r.name, birthYear: birthYear ?? undefined, personalId: r.personalId || undefined }, '');
        const earlier = seenKeys.get(identity.nomineeKey);
        if (earlier) {
          out.push({ ...base, problems: [{ vi: `Trùng với dòng ${earlier}`, en: `Same nominee as row ${earlier}` }] });
          continue;
        }
        seenKeys.set(identity.nomineeKey, r.line);
        out.push({
          ...base, name: identity.name, nomineeKey: identity.nomineeKey, personalIdHash: identity.personalIdHash ?? null, accountUserId: identity.accountUserId ?? null, state: 'READY' as const,
          dossierKey: dossierKeys([identity], checked.award.code, checked.year)[0],
        });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        out.push({ ...base, problems: [{ vi: err.messageVi, en: err.messageEn }] });
      }
    }
    // Filed before: found by the dossier's key (nominee, award and year), whatever id it was given.
    const filed = await nominationsByDossierKey(this.ds.manager, out.filter((r) => r.state === 'READY').map((r) => r.dossierKey));
    return out.map(({ dossierKey, ...r }) => {
      const earlier = r.state === 'READY' ? filed.get(dossierKey) : undefined;
      if (!earlier) return r;
      if (earlier.unitId === actor.unitId) return { ...r, state: 'ALREADY' as const, nominationId: earlier.id };
      return {
        ...r, state: 'INVALID' as const, nominationId: null,
        problems: [{ vi: 'Người (tập thể) này đã được đề nghị hình thức khen thưởng này cho năm này', en: 'This nominee already has a nomination for this award and year' }],
      };
    });
  }

  /** Starts sending the rows that are ready. Sending again, or while it runs, changes nothing. */
  async start(actor: AuthenticatedActor, id: string): Promise<ImportView> {
    const h = await this.own(actor, id);
    if (h.status === 'PREVIEW') {
      const counts = await importCounts(this.ds.manager, id);
      if (counts.READY === 0) throw conflict('IMPORT_NOTHING_TO_SEND', 'Không có dòng nào đủ điều kiện để gửi.', 'No row is ready to be sent.');
      if (await claimImport(this.ds.manager, id, actor.userId, LEASE_SECONDS)) void this.send(id);
    }
    return this.view(actor, id, {});
  }

  async view(actor: AuthenticatedActor, id: string, q: ImportRowsQueryDto): Promise<ImportView> {
    const h = await this.own(actor, id);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 100;
    const { rows, total } = await importRows(this.ds.manager, id, { state: q.state, offset: (page - 1) * pageSize, limit: pageSize });
    return { ...(await this.summary(h)), page, pageSize, rowsTotal: total, rows, state: q.state ?? null };
  }

  async list(actor: AuthenticatedActor): Promise<ImportList> {
    requireClerk(actor);
    const items = await unitImports(this.ds.manager, actor.unitId);
    return { items: await Promise.all(items.map(({ counts, ...h }) => this.summary(h, counts))) };
  }

  /** The file a clerk fills in: the columns in order, with one example row. */
  template(actor: AuthenticatedActor, kind: ListKind): Promise<Buffer> {
    requireClerk(actor);
    const individual = kind === 'INDIVIDUAL';
    return writeTable({
      sheetName: 'Danh sách',
      title: individual ? 'DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG' : 'DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG',
      subtitle: 'Mỗi dòng một người (tập thể); cột 5 ghi “x” nếu trực tiếp lao động, sản xuất, công tác; cột 6 để trống thì dùng tóm tắt thành tích chung.',
      columns: individual
        ? [{ header: 'Họ và tên', width: 28 }, { header: 'Năm sinh', width: 10 }, { header: 'Số định danh cá nhân', width: 20 }, { header: 'Chức vụ', width: 24 }, { header: 'Trực tiếp lao động (x)', width: 12 }, { header: 'Tóm tắt thành tích', width: 48 }]
        : [{ header: 'Tên tập thể', width: 36 }, { header: '', width: 6 }, { header: '', width: 6 }, { header: '', width: 6 }, { header: 'Tập thể nhỏ (x)', width: 12 }, { header: 'Tóm tắt thành tích', width: 48 }],
      rows: individual ? [['Nguyễn Thị Hoa', 1985, '', 'Giáo viên', 'x', '']] : [['Tổ Toán - Tin', '', '', '', 'x', '']],
    });
  }

  private async summary(h: ImportHeader, counts?: ImportSummary['counts']): Promise<ImportSummary> {
    const award = isAwardCode(h.awardCode) ? awardForNomination(h.awardCode, h.settings.achievementPeriod.to, h.settings.achievementPeriod.to) : undefined;
    return {
      id: h.id, fileName: h.fileName, awardCode: h.awardCode, awardNameVi: award?.nameVi ?? h.awardCode, awardNameEn: award?.nameEn ?? h.awardCode, year: h.year,
      nomineeKind: h.settings.nomineeKind, status: h.status, header: h.header, createdBy: h.createdBy, createdAt: h.createdAt, startedAt: h.startedAt, finishedAt: h.finishedAt,
      counts: counts ?? (await importCounts(this.ds.manager, h.id)),
    };
  }

  /** Another unit's import reads exactly like one that does not exist. */
  private async own(actor: AuthenticatedActor, id: string): Promise<ImportHeader> {
    requireClerk(actor);
    const h = await findImport(this.ds.manager, id);
    if (!h || h.unitId !== actor.unitId) throw notFound('IMPORT_NOT_FOUND', 'Không tìm thấy danh sách đã tải lên.', 'Uploaded list not found.');
    return h;
  }

  /** Takes over imports whose sender stopped (its lease ran out). */
  private async sweep(): Promise<void> {
    if (this.stopping) return;
    try {
      for (const id of await abandonedImports(this.ds.manager)) {
        if (await claimImport(this.ds.manager, id, null, LEASE_SECONDS)) {
          this.logger.log(`taking over import ${id}`);
          void this.send(id);
        }
      }
    } catch (err) {
      this.logger.warn(`import sweep failed: ${(err as Error).message}`);
    }
  }

  /**
   * Sends an import's ready rows, a round at a time, several rows at once, as the clerk who started
   * it (their account as it is now: one no longer a clerk sends nothing). A row refused by the
   * submission's own checks is FAILED with its reason; anything else (Temporal or the database
   * unavailable) stops the round, and the lease running out hands the import to the next sweep.
   */
  private async send(id: string): Promise<void> {
    if (this.sending.has(id)) return;
    this.sending.add(id);
    try {
      const h = await findImport(this.ds.manager, id);
      if (!h || h.status !== 'RUNNING') return;
      const account = h.startedBy ? await actingAccount(this.ds.manager, { id: h.startedBy }) : undefined;
      let checked: CheckedSubmission | undefined;
      let refusal: DomainError | undefined;
      const actor = account ? { userId: account.userId, fullName: account.fullName, unitId: account.unitId, roles: account.roles, scopeUnitId: account.scopeUnitId } : undefined;
      try {
        if (!actor || actor.unitId !== h.unitId) throw forbidden('ROLE_REQUIRED', 'Chỉ văn thư đơn vị mới được nộp hồ sơ.', 'Only a unit clerk may submit nominations.');
        checked = await this.nominations.check(actor, { awardCode: h.awardCode, year: h.year, ...h.settings });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        refusal = err;
      }
      for (;;) {
        if (this.stopping) return;
        const round = await rowsToSend(this.ds.manager, id, ROUND);
        if (!round.length) break;
        await settleRows(this.ds.manager, id, refusal || !checked || !actor
          ? round.map((row) => ({ line: row.line, state: 'FAILED' as const, error: pick(refusal?.toBody()) }))
          : await this.sendRound(actor, checked, h, round));
        await renewImportLease(this.ds.manager, id, LEASE_SECONDS);
      }
      await finishImport(this.ds.manager, id);
    } catch (err) {
      this.logger.warn(`import ${id} paused, to be taken over when its lease runs out: ${(err as Error).message}`);
    } finally {
      this.sending.delete(id);
    }
  }

  /** A round of rows started as one list: the refusals that concern a row alone are that row's. */
  private async sendRound(actor: AuthenticatedActor, checked: CheckedSubmission, h: ImportHeader, round: ImportRowToSend[]): Promise<RowOutcome[]> {
    const results = await this.nominations.launchMany(actor, checked, round.map((row) => ({
      nomineeFields: { kind: h.settings.nomineeKind, name: row.name, ...(row.birthYear !== null ? { birthYear: row.birthYear } : {}), ...(row.position ? { position: row.position } : {}), ...(row.frontLine ? { frontLine: true } : {}) },
      identity: { name: row.name, nomineeKey: row.nomineeKey, ...(row.personalIdHash ? { personalIdHash: row.personalIdHash } : {}), ...(row.accountUserId ? { accountUserId: row.accountUserId } : {}) },
      achievements: row.achievements ?? h.settings.achievements,
    })), this.config.importConcurrency);
    return results.map((r, i) => (r instanceof DomainError
      ? { line: round[i].line, state: 'FAILED' as const, error: pick(r.toBody()) }
      : { line: round[i].line, state: r.duplicate ? 'ALREADY' as const : 'SUBMITTED' as const, nominationId: r.id, dossierNumber: r.dossierNumber }));
  }
}

const pick = (e?: { code: string; messageVi: string; messageEn: string }) => (e ? { code: e.code, messageVi: e.messageVi, messageEn: e.messageEn } : null);

function requireClerk(actor: AuthenticatedActor): void {
  if (!actor.roles.includes('CLERK')) throw forbidden('CLERK_REQUIRED', 'Chỉ văn thư của đơn vị mới nhập danh sách.', 'Only a clerk of the unit imports lists.');
}

/** The sheet's rows, or a refusal that says what is wrong with the file. */
async function readSheet(content: Buffer) {
  try {
    return await readFirstSheet(content, MAX_IMPORT_ROWS);
  } catch (err) {
    if (!(err instanceof SpreadsheetError)) throw err;
    if (err.reason === 'TOO_MANY_ROWS') throw invalid('IMPORT_TOO_MANY_ROWS', `Danh sách quá dài: tối đa ${MAX_IMPORT_ROWS} dòng mỗi tệp.`, `The list is too long: ${MAX_IMPORT_ROWS} rows per file at most.`, 'file');
    if (err.reason === 'TOO_LARGE') throw invalid('IMPORT_TOO_LARGE', 'Tệp giải nén ra quá lớn; hãy lưu lại danh sách thành tệp .xlsx mới.', 'The file inflates to too much; save the list as a new .xlsx file.', 'file');
    if (err.reason === 'EMPTY') throw invalid('IMPORT_EMPTY', 'Tệp không có trang tính nào.', 'The file has no worksheet.', 'file');
    throw invalid('IMPORT_NOT_XLSX', 'Tệp không phải bảng tính Excel (.xlsx). Hãy lưu danh sách dưới dạng .xlsx, hoặc dán danh sách vào ô nhập.', 'The file is not an Excel workbook (.xlsx). Save the list as .xlsx, or paste it into the list box.', 'file');
  }
}

/** Multer reads multipart filenames as latin1; browsers send UTF-8. */
function fileNameOf(file: UploadedFile): string {
  return Buffer.from(file.originalname, 'latin1').toString('utf8').normalize('NFC').slice(0, 255);
}
