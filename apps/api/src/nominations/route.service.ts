import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalid, forbidden } from '@vinhdanh/domain/common/errors';
import type { Level } from '@vinhdanh/domain/common/levels';
import type { AwardDefinition } from '@vinhdanh/domain/catalogue';
import type { RouteStep } from '@vinhdanh/workflows/nomination/types';

interface UnitRow {
  id: string;
  parent_id: string | null;
  kind: string;
  level: Level;
}

/** Council ids follow the body they belong to: one per grassroots unit, one per province, one central. */
export function councilIdFor(level: Level, bodyUnitId: string): string {
  return level === 'CENTRAL' ? 'hd-trung-uong' : `hd-${bodyUnitId}`;
}

/**
 * Resolves who acts at each rung for a nomination from a grassroots unit: its own reviewers and
 * head; then the province's Sở Nội vụ and the Chairman of the People's Committee; then the
 * central board and the Government. Recorded in the workflow input, so a later reorganisation
 * does not change the path of a nomination already on its way.
 */
@Injectable()
export class RouteService {
  constructor(private readonly ds: DataSource) {}

  async resolve(unitId: string, award: AwardDefinition): Promise<RouteStep[]> {
    const units: UnitRow[] = await this.ds.query(`SELECT id, parent_id, kind, level FROM org_unit`);
    const byId = new Map(units.map((u) => [u.id, u]));
    const unit = byId.get(unitId);
    if (!unit) throw invalid('UNKNOWN_UNIT', `Không có đơn vị ${unitId}.`, `Unknown unit ${unitId}.`, 'unitId');
    if (unit.level !== 'UNIT') {
      throw forbidden('NOT_GRASSROOTS', 'Chỉ đơn vị cơ sở mới lập hồ sơ đề nghị.', 'Only grassroots units submit nominations.');
    }
    const province = this.ancestor(byId, unit, 'PROVINCE_PC');
    const homeAffairs = province && units.find((u) => u.parent_id === province.id && u.kind === 'HOME_AFFAIRS');
    const board = units.find((u) => u.kind === 'CENTRAL_BOARD');
    const government = units.find((u) => u.kind === 'GOVERNMENT');

    return award.route.map((level): RouteStep => {
      const [reviewUnit, decisionUnit, councilBody] =
        level === 'UNIT' ? [unit, unit, unit] : level === 'PROVINCE' ? [homeAffairs, province, province] : [board, government, board];
      if (!reviewUnit || !decisionUnit || !councilBody) {
        throw invalid('ROUTE_INCOMPLETE', `Chưa cấu hình cơ quan cấp ${level} cho đơn vị ${unitId}.`, `No ${level}-level bodies are configured for unit ${unitId}.`);
      }
      const council = award.council.find((c) => c.level === level && c.required);
      return {
        level,
        reviewUnitId: reviewUnit.id,
        decisionUnitId: decisionUnit.id,
        ...(council ? { council: { councilId: councilIdFor(level, councilBody.id), ruleKey: council.ruleKey } } : {}),
      };
    });
  }

  private ancestor(byId: Map<string, UnitRow>, from: UnitRow, kind: string): UnitRow | undefined {
    for (let u: UnitRow | undefined = from; u; u = u.parent_id ? byId.get(u.parent_id) : undefined) {
      if (u.kind === kind) return u;
    }
    return undefined;
  }
}
