import { Controller, Get, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { invalid } from '@vinhdanh/domain/common/errors';
import { commendationReport, type CommendationReport, type ReportRow } from '@vinhdanh/domain/reports/commendation-report';
import { commendationCounts } from '@vinhdanh/persistence/read-model/commendation-report';
import { orgUnitRows } from '@vinhdanh/persistence/read-model/org';
import { writeTable, XLSX_MIME, type Table } from '@vinhdanh/platform/spreadsheets/xlsx';
import { CurrentActor, type AuthenticatedActor } from '../common/actor';
import { calendarDate } from '../common/validation';
import { Operation } from '../contract/operation';
import { xlsx } from '../common/xlsx-download';

class PeriodQueryDto {
  @ApiProperty({ example: '2025-01-01', description: 'First day of the period (decision dates), inclusive.' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ example: '2025-12-31', description: 'Last day of the period, inclusive.' }) @IsISO8601({ strict: true }) to!: string;
}

/**
 * The statistical report of commendation (báo cáo thống kê kết quả khen thưởng) over the
 * nominations the caller may read: what Sở Nội vụ reports to the provincial People's Committee, as
 * data and as a workbook.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly ds: DataSource) {}

  @Get('commendations')
  @Operation({
    summary: { vi: 'Báo cáo thống kê khen thưởng', en: 'Statistical report of commendation' },
    description: {
      vi: 'Số khen thưởng theo quyết định ký trong kỳ, theo hình thức, cấp quyết định và đơn vị đề nghị; tách cá nhân, tập thể, hộ gia đình và số dành cho đối tượng ưu tiên (người trực tiếp lao động, tập thể nhỏ), trong phạm vi người gọi.',
      en: 'Awards conferred by decisions dated in the period, by award, deciding level and submitting unit; split into individuals, collectives and households, with those to the priority groups (front-line workers, small collectives), within the caller’s scope.',
    },
    ok: { body: 'CommendationReport' },
  })
  async report(@CurrentActor() actor: AuthenticatedActor, @Query() q: PeriodQueryDto): Promise<CommendationReport> {
    const period = checkedPeriod(q);
    return commendationReport(await commendationCounts(this.ds.manager, actor, period), period);
  }

  @Get('commendations.xlsx')
  @Operation({
    summary: { vi: 'Báo cáo thống kê khen thưởng (Excel)', en: 'Statistical report of commendation (Excel)' },
    description: { vi: 'Cùng số liệu, thành tệp .xlsx ba trang: theo hình thức, theo cấp quyết định, theo đơn vị.', en: 'The same figures as an .xlsx workbook of three sheets: by award, by deciding level, by unit.' },
    ok: { file: [XLSX_MIME] },
  })
  async workbook(@CurrentActor() actor: AuthenticatedActor, @Query() q: PeriodQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const period = checkedPeriod(q);
    const report = commendationReport(await commendationCounts(this.ds.manager, actor, period), period);
    const unit = (await orgUnitRows(this.ds.manager)).find((u) => u.id === (actor.scopeUnitId ?? actor.unitId));
    const preamble = [(unit?.nameVi ?? actor.unitId).toUpperCase(), 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc'];
    const subtitle = `Quyết định ký từ ngày ${vnDate(period.from)} đến ngày ${vnDate(period.to)}`;
    const sheet = (sheetName: string, title: string, first: string, rows: ReportRow[]): Table => ({
      sheetName, preamble, title, subtitle,
      columns: [{ header: 'STT', width: 6 }, { header: first, width: 48 }, { header: 'Cá nhân', width: 10 }, { header: 'Tập thể', width: 10 }, { header: 'Hộ gia đình', width: 12 }, { header: 'Tổng số', width: 10 }, { header: 'Trong đó: người trực tiếp lao động, tập thể nhỏ', width: 22 }, { header: 'Tỷ lệ ưu tiên (%)', width: 12 }],
      rows: [
        ...rows.map((r, i) => [i + 1, r.labelVi, r.individuals, r.collectives, r.households, r.total, r.priority, share(r)]),
        ['', report.total.labelVi, report.total.individuals, report.total.collectives, report.total.households, report.total.total, report.total.priority, share(report.total)],
      ],
    });
    const file = await writeTable(
      sheet('Theo hình thức', 'BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG THEO HÌNH THỨC', 'Hình thức khen thưởng', report.byAward),
      sheet('Theo cấp quyết định', 'BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG THEO CẤP QUYẾT ĐỊNH', 'Cấp quyết định', report.byLevel),
      sheet('Theo đơn vị', 'BÁO CÁO THỐNG KÊ KẾT QUẢ KHEN THƯỞNG THEO ĐƠN VỊ ĐỀ NGHỊ', 'Đơn vị đề nghị', report.byUnit),
    );
    return xlsx(res, file, `bao-cao-khen-thuong-${period.from}-${period.to}.xlsx`);
  }
}

function checkedPeriod(q: PeriodQueryDto): { from: string; to: string } {
  const from = calendarDate(q.from, 'from')!;
  const to = calendarDate(q.to, 'to')!;
  if (from > to) throw invalid('BAD_PERIOD', 'Ngày bắt đầu phải trước ngày kết thúc.', 'The period must start before it ends.', 'from');
  return { from, to };
}

const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const share = (r: ReportRow) => (r.total ? Math.round((r.priority / r.total) * 1000) / 10 : 0);
