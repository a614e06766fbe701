// INTERIM: replaced by @vinhdanh/domain/catalogue when it lands.
import type { Level, RecipientKind } from '@vinhdanh/domain/common/levels';
export interface AwardDefinition { code: string; nameVi: string; nameEn: string; recipientKinds: RecipientKind[]; decidingLevel: Level; route: Level[]; council: { level: Level; required: boolean; ruleKey: string }[] }
const ALL: RecipientKind[] = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'];
const defs: AwardDefinition[] = [
  { code: 'GK_DONVI', nameVi: 'Giấy khen', nameEn: 'Certificate of commendation', recipientKinds: ALL, decidingLevel: 'UNIT', route: ['UNIT'], council: [] },
  { code: 'BK_TINH', nameVi: 'Bằng khen của Chủ tịch UBND tỉnh', nameEn: 'Certificate of merit of the provincial Chairman', recipientKinds: ALL, decidingLevel: 'PROVINCE', route: ['UNIT', 'PROVINCE'], council: [] },
  { code: 'CSTD_TINH', nameVi: 'Chiến sĩ thi đua cấp tỉnh', nameEn: 'Provincial emulation fighter', recipientKinds: ['INDIVIDUAL'], decidingLevel: 'PROVINCE', route: ['UNIT', 'PROVINCE'], council: [{ level: 'PROVINCE', required: true, ruleKey: 'PROVINCE_DEFAULT' }] },
  { code: 'TTLDXS', nameVi: 'Tập thể lao động xuất sắc', nameEn: 'Excellent labour collective', recipientKinds: ['COLLECTIVE'], decidingLevel: 'PROVINCE', route: ['UNIT', 'PROVINCE'], council: [{ level: 'PROVINCE', required: true, ruleKey: 'PROVINCE_DEFAULT' }] },
  { code: 'BK_TTG', nameVi: 'Bằng khen của Thủ tướng Chính phủ', nameEn: "Prime Minister's certificate of merit", recipientKinds: ALL, decidingLevel: 'CENTRAL', route: ['UNIT', 'PROVINCE', 'CENTRAL'], council: [] },
];
export const isAwardCode = (s: string) => defs.some((d) => d.code === s);
export const awardDefinition = (code: string, _date: string) => defs.find((d) => d.code === code)!;
export const catalogueFor = (_date: string) => ({ version: 'interim' });
