import { awardDefinition, isAwardCode } from '../catalogue';
import type { Level, RecipientKind } from '../common/levels';

/**
 * The statistical report of commendation for a period (báo cáo thống kê kết quả khen thưởng): the
 * awards conferred, counted by award, by the level that decides it, and by submitting unit, each
 * split by recipient kind, with how many went to the seed plan's priority groups (823/KH-UBND
 * §I.2.b: people working directly in production, work and combat, and small collectives). No
 * official form is prescribed for it; its columns follow what the plan asks to be reported.
 */
export interface CountCell {
  awardCode: string;
  nomineeKind: RecipientKind;
  unitId: string;
  unitNameVi: string | null;
  unitNameEn: string | null;
  awarded: number;
  priority: number;
}

export interface ReportRow {
  key: string;
  labelVi: string;
  labelEn: string;
  individuals: number;
  collectives: number;
  households: number;
  total: number;
  /** Of the total, to the priority groups. */
  priority: number;
}

export interface CommendationReport {
  from: string;
  to: string;
  byAward: ReportRow[];
  byLevel: ReportRow[];
  byUnit: ReportRow[];
  total: ReportRow;
}

const LEVEL_NAMES: Record<Level, { vi: string; en: string }> = {
  UNIT: { vi: 'Cấp cơ sở (Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã)', en: 'Unit level (heads of agencies and units; commune chairmen)' },
  PROVINCE: { vi: 'Cấp tỉnh (Chủ tịch UBND tỉnh)', en: 'Provincial level (provincial Chairman)' },
  CENTRAL: { vi: 'Cấp Nhà nước (Thủ tướng Chính phủ, Chủ tịch nước)', en: 'State level (Prime Minister, President)' },
};

export function commendationReport(cells: CountCell[], period: { from: string; to: string }): CommendationReport {
  const groups = { award: new Map<string, ReportRow>(), level: new Map<string, ReportRow>(), unit: new Map<string, ReportRow>() };
  const total = emptyRow('TOTAL', 'Tổng cộng', 'Total');
  for (const c of cells) {
    const award = isAwardCode(c.awardCode) ? awardDefinition(c.awardCode, period.to) : undefined;
    const level = award?.decidingLevel;
    const rows = [
      row(groups.award, c.awardCode, award?.nameVi ?? c.awardCode, award?.nameEn ?? c.awardCode),
      row(groups.level, level ?? 'UNKNOWN', level ? LEVEL_NAMES[level].vi : 'Không xác định', level ? LEVEL_NAMES[level].en : 'Unknown'),
      row(groups.unit, c.unitId, c.unitNameVi ?? c.unitId, c.unitNameEn ?? c.unitNameVi ?? c.unitId),
      total,
    ];
    for (const r of rows) add(r, c);
  }
  const levelOrder = (k: string) => ['UNIT', 'PROVINCE', 'CENTRAL'].indexOf(k);
  return {
    ...period,
    byAward: [...groups.award.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key)),
    byLevel: [...groups.level.values()].sort((a, b) => levelOrder(a.key) - levelOrder(b.key)),
    byUnit: [...groups.unit.values()].sort((a, b) => b.total - a.total || a.labelVi.localeCompare(b.labelVi, 'vi')),
    total,
  };
}

function emptyRow(key: string, labelVi: string, labelEn: string): ReportRow {
  return { key, labelVi, labelEn, individuals: 0, collectives: 0, households: 0, total: 0, priority: 0 };
}

function row(map: Map<string, ReportRow>, key: string, labelVi: string, labelEn: string): ReportRow {
  let r = map.get(key);
  if (!r) map.set(key, (r = emptyRow(key, labelVi, labelEn)));
  return r;
}

function add(r: ReportRow, c: CountCell): void {
  if (c.nomineeKind === 'INDIVIDUAL') r.individuals += c.awarded;
  else if (c.nomineeKind === 'COLLECTIVE') r.collectives += c.awarded;
  else r.households += c.awarded;
  r.total += c.awarded;
  r.priority += c.priority;
}
