import { forbidden, invalid } from '../common/errors';
import type { Level } from '../common/levels';
import type { AwardDefinition, Citation } from '../catalogue/types';

/** A node of the organisation as routing needs it, with its validity (reorganisations). */
export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: string;
  level: Level;
  /** Last day the unit exists (ISO date), when it has ceased; its successor takes over. */
  validTo?: string | null;
  successorId?: string | null;
}

export interface PostingRule {
  kind: 'PUBLIC_POSTING' | 'CENTRAL_CONSULTATION';
  days: number;
  unit: 'WORKING_DAYS' | 'DAYS';
  citation: Citation[];
}

/** One rung as resolved for a nomination when it was submitted (recorded in its history). */
export interface RouteStep {
  level: Level;
  /** Unit whose reviewers appraise at this level (the unit itself, Sở Nội vụ, Ban TĐKT TW). */
  reviewUnitId: string;
  /** Unit whose decision maker confers or forwards (unit head, UBND tỉnh, Chính phủ). */
  decisionUnitId: string;
  /** The council that votes at this level, if the award requires one here (and the procedure is not simplified). */
  council?: { councilId: string; ruleKey: string };
  /** Public posting or central consultation at this level, after the review and before the council or decision. */
  posting?: PostingRule;
  /** State awards the President decides (Law Art 83(2)): Government proposes, the President's Office reviews, the President decides. */
  president?: { proposerUnitId: string; officeUnitId: string; presidentUnitId: string };
}

/** Council ids follow the body they belong to: one per grassroots unit, one per province, one central. */
export function councilIdFor(level: Level, bodyUnitId: string): string {
  return level === 'CENTRAL' ? 'hd-trung-uong' : `hd-${bodyUnitId}`;
}

/** The unit in charge on `date`: the unit itself, or its successor (and theirs) once it has ceased. */
export function currentUnit(byId: Map<string, OrgUnit>, id: string, date: string): OrgUnit | undefined {
  let unit = byId.get(id);
  for (let hops = 0; unit && unit.validTo && unit.validTo < date && unit.successorId && hops < 10; hops++) unit = byId.get(unit.successorId);
  return unit;
}

export interface RouteOptions {
  /** The date the route is resolved for (submission day): ceased units give way to successors. */
  date: string;
  /** Simplified procedure (Law Art 85): no councils on the way. */
  simplified?: boolean;
  /** The voting rule key each council applies to this award (overrides resolved). */
  ruleKeyFor?: (councilId: string, catalogueRuleKey: string) => string;
}

/**
 * Who acts at each rung for a nomination from a grassroots unit: its own reviewers and head; then
 * the province's Sở Nội vụ and the Chairman of the People's Committee; then the central board and
 * the Government, and for the President's awards the President's Office and the President.
 */
export function planRoute(units: OrgUnit[], unitId: string, award: AwardDefinition, opts: RouteOptions): RouteStep[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const given = byId.get(unitId);
  if (!given) throw invalid('UNKNOWN_UNIT', `Không có đơn vị ${unitId}.`, `Unknown unit ${unitId}.`, 'unitId');
  const unit = currentUnit(byId, unitId, opts.date)!;
  if (unit.id !== given.id && given.validTo && given.validTo < opts.date) {
    throw invalid('UNIT_CEASED', `Đơn vị ${unitId} đã chấm dứt hoạt động từ ${given.validTo}; hồ sơ nộp qua đơn vị kế thừa ${unit.id}.`, `Unit ${unitId} ceased on ${given.validTo}; submit through its successor ${unit.id}.`, 'unitId');
  }
  if (unit.level !== 'UNIT') throw forbidden('NOT_GRASSROOTS', 'Chỉ đơn vị cơ sở mới lập hồ sơ đề nghị.', 'Only grassroots units submit nominations.');
  const live = units.filter((u) => !u.validTo || u.validTo >= opts.date);
  const province = ancestor(byId, unit, 'PROVINCE_PC', opts.date);
  const homeAffairs = province && live.find((u) => u.parentId === province.id && u.kind === 'HOME_AFFAIRS');
  const board = live.find((u) => u.kind === 'CENTRAL_BOARD');
  const government = live.find((u) => u.kind === 'GOVERNMENT');
  const office = live.find((u) => u.kind === 'PRESIDENT_OFFICE');
  const presidentUnit = live.find((u) => u.kind === 'PRESIDENT');
  // Until 30/06/2025 some local titles and the district Giấy khen were the district Chairman's to
  // give (Law Art 80(2)): the unit proposes, the district above it decides. No district, no route.
  const district = award.decidedByDistrict ? ancestor(byId, unit, 'DISTRICT_PC', opts.date) : undefined;
  if (award.decidedByDistrict && (!district || (district.validTo && district.validTo < opts.date))) {
    throw invalid(
      'NO_DISTRICT',
      `${award.nameVi} do Chủ tịch UBND cấp huyện quyết định, nhưng đơn vị ${unitId} không thuộc huyện nào đang hoạt động (cấp huyện kết thúc ngày 30/06/2025).`,
      `${award.nameEn} is decided by the district Chairman, but unit ${unitId} is under no district in operation (districts ended on 30/06/2025).`,
      'awardCode',
    );
  }

  return award.route.map((level): RouteStep => {
    const [reviewUnit, decisionUnit, councilBody] =
      level === 'UNIT' ? [unit, district ?? unit, unit] : level === 'PROVINCE' ? [homeAffairs, province, province] : [board, government, board];
    if (!reviewUnit || !decisionUnit || !councilBody) {
      throw invalid('ROUTE_INCOMPLETE', `Chưa cấu hình cơ quan cấp ${level} cho đơn vị ${unitId}.`, `No ${level}-level bodies are configured for unit ${unitId}.`);
    }
    const council = opts.simplified ? undefined : award.council.find((c) => c.level === level && c.required);
    const councilId = councilIdFor(level, councilBody.id);
    const posting = postingAt(award, level);
    const isDecidingCentral = level === 'CENTRAL' && award.president && level === award.decidingLevel;
    if (isDecidingCentral && (!office || !presidentUnit)) {
      throw invalid('ROUTE_INCOMPLETE', 'Chưa cấu hình Văn phòng Chủ tịch nước và Chủ tịch nước.', 'The President’s Office and the President are not configured.');
    }
    return {
      level,
      reviewUnitId: reviewUnit.id,
      decisionUnitId: decisionUnit.id,
      ...(council ? { council: { councilId, ruleKey: opts.ruleKeyFor ? opts.ruleKeyFor(councilId, council.ruleKey) : council.ruleKey } } : {}),
      ...(posting ? { posting } : {}),
      ...(isDecidingCentral ? { president: { proposerUnitId: decisionUnit.id, officeUnitId: office!.id, presidentUnitId: presidentUnit!.id } } : {}),
    };
  });
}

/** The posting the award requires at a level: the proposer's public posting, or the central consultation. */
export function postingAt(award: AwardDefinition, level: Level): PostingRule | undefined {
  if (award.publicDisclosure?.level === level) {
    const d = award.publicDisclosure;
    return { kind: 'PUBLIC_POSTING', days: d.days, unit: d.unit, citation: d.citation };
  }
  if (level === 'CENTRAL' && award.centralConsultation) {
    return { kind: 'CENTRAL_CONSULTATION', days: award.centralConsultation.workingDays, unit: 'WORKING_DAYS', citation: award.centralConsultation.citation };
  }
  return undefined;
}

function ancestor(byId: Map<string, OrgUnit>, from: OrgUnit, kind: string, date: string): OrgUnit | undefined {
  for (let u: OrgUnit | undefined = from; u; u = u.parentId ? byId.get(u.parentId) : undefined) {
    if (u.kind === kind) return currentUnit(byId, u.id, date);
  }
  return undefined;
}
