import type { ClusterDefinition } from '@vinhdanh/domain/movement/cluster';
import type { Level } from '@vinhdanh/domain';

/**
 * Demo organisation following the seed plan (823/KH-UBND, Đắk Nông, 2022): the provincial People's
 * Committee, Sở Nội vụ with its emulation–commendation board, departments, communes, an enterprise,
 * and the central level with the President's Office and the President.
 *
 * It shows the 2025 reorganisation (docs/law.md): Đắk Nông merged into Lâm Đồng on 01/07/2025, so
 * Đắk Nông's People's Committee and Sở Nội vụ have ceased with Lâm Đồng's as successors, and the
 * plan's units now answer to Lâm Đồng. Decisions Đắk Nông signed keep its name.
 */
export interface SeedUnit {
  id: string;
  parentId: string | null;
  kind: string;
  level: Level;
  nameVi: string;
  nameEn: string;
  issuerCode: string;
  validTo?: string;
  successorId?: string;
  ceasedReason?: string;
}

const MERGER = 'Nghị quyết của Quốc hội ngày 12/06/2025 về sắp xếp đơn vị hành chính cấp tỉnh: tỉnh Đắk Nông hợp nhất vào tỉnh Lâm Đồng từ 01/07/2025';

export const DEMO_UNITS: SeedUnit[] = [
  { id: 'chinh-phu', parentId: null, kind: 'GOVERNMENT', level: 'CENTRAL', nameVi: 'Chính phủ (Thủ tướng Chính phủ)', nameEn: 'Government (Prime Minister)', issuerCode: 'TTg' },
  { id: 'ban-tdkt-tw', parentId: 'chinh-phu', kind: 'CENTRAL_BOARD', level: 'CENTRAL', nameVi: 'Ban Thi đua - Khen thưởng Trung ương (Bộ Nội vụ)', nameEn: 'Central Emulation and Commendation Board (Ministry of Home Affairs)', issuerCode: 'BTĐKT' },
  { id: 'van-phong-ctn', parentId: null, kind: 'PRESIDENT_OFFICE', level: 'CENTRAL', nameVi: 'Văn phòng Chủ tịch nước', nameEn: "Office of the President", issuerCode: 'VPCTN' },
  { id: 'chu-tich-nuoc', parentId: null, kind: 'PRESIDENT', level: 'CENTRAL', nameVi: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam', nameEn: 'President of the Socialist Republic of Viet Nam', issuerCode: 'CTN' },
  { id: 'ubnd-tinh', parentId: 'chinh-phu', kind: 'PROVINCE_PC', level: 'PROVINCE', nameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng', nameEn: "Lâm Đồng Provincial People's Committee", issuerCode: 'UBND' },
  { id: 'so-noi-vu', parentId: 'ubnd-tinh', kind: 'HOME_AFFAIRS', level: 'PROVINCE', nameVi: 'Sở Nội vụ tỉnh Lâm Đồng (Ban Thi đua - Khen thưởng tỉnh)', nameEn: 'Lâm Đồng Department of Home Affairs (provincial Emulation and Commendation Board)', issuerCode: 'SNV' },
  { id: 'ubnd-dak-nong', parentId: 'chinh-phu', kind: 'PROVINCE_PC', level: 'PROVINCE', nameVi: 'Ủy ban nhân dân tỉnh Đắk Nông', nameEn: "Đắk Nông Provincial People's Committee", issuerCode: 'UBND', validTo: '2025-06-30', successorId: 'ubnd-tinh', ceasedReason: MERGER },
  { id: 'so-noi-vu-dak-nong', parentId: 'ubnd-dak-nong', kind: 'HOME_AFFAIRS', level: 'PROVINCE', nameVi: 'Sở Nội vụ tỉnh Đắk Nông', nameEn: 'Đắk Nông Department of Home Affairs', issuerCode: 'SNV', validTo: '2025-06-30', successorId: 'so-noi-vu', ceasedReason: MERGER },
  { id: 'so-gddt', parentId: 'ubnd-tinh', kind: 'DEPARTMENT', level: 'UNIT', nameVi: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', issuerCode: 'SGDĐT' },
  { id: 'so-yte', parentId: 'ubnd-tinh', kind: 'DEPARTMENT', level: 'UNIT', nameVi: 'Sở Y tế', nameEn: 'Department of Health', issuerCode: 'SYT' },
  { id: 'xa-quang-khe', parentId: 'ubnd-tinh', kind: 'COMMUNE', level: 'UNIT', nameVi: 'Ủy ban nhân dân xã Quảng Khê', nameEn: "Quảng Khê Commune People's Committee", issuerCode: 'UBND' },
  { id: 'xa-dak-ha', parentId: 'ubnd-tinh', kind: 'COMMUNE', level: 'UNIT', nameVi: 'Ủy ban nhân dân xã Đắk Ha', nameEn: "Đắk Ha Commune People's Committee", issuerCode: 'UBND' },
  { id: 'cty-cao-su', parentId: 'ubnd-tinh', kind: 'ENTERPRISE', level: 'UNIT', nameVi: 'Công ty TNHH MTV Cao su Đắk Nông', nameEn: 'Đắk Nông Rubber One-Member LLC', issuerCode: 'CSĐN' },
];

export interface SeedUser {
  username: string;
  fullName: string;
  unitId: string;
  roles: string[];
  scopeUnitId?: string | null;
}

const GRASSROOTS = ['so-gddt', 'so-yte', 'xa-quang-khe', 'xa-dak-ha', 'cty-cao-su'];
/** A demo person is named for their post and unit, as staff are addressed: "Văn thư Sở Y tế". */
const unitName = (id: string) => DEMO_UNITS.find((u) => u.id === id)!.nameVi;

/** Usernames are `<role>.<unit>`; every demo password is `vinhdanh` (demo data only). */
export const DEMO_USERS: SeedUser[] = [
  ...GRASSROOTS.flatMap((unit) => [
    { username: `vanthu.${unit}`, fullName: `Văn thư ${unitName(unit)}`, unitId: unit, roles: ['CLERK'] },
    { username: `thamdinh.${unit}`, fullName: `Thẩm định viên ${unitName(unit)}`, unitId: unit, roles: ['REVIEWER'] },
    { username: `thutruong.${unit}`, fullName: `Thủ trưởng ${unitName(unit)}`, unitId: unit, roles: ['DECISION_MAKER', 'UNIT_HEAD'] },
  ]),
  { username: 'thamdinh.so-noi-vu', fullName: 'Nguyễn Thị Thẩm Định (Sở Nội vụ)', unitId: 'so-noi-vu', roles: ['REVIEWER'] },
  { username: 'thamdinh2.so-noi-vu', fullName: 'Trần Văn Hai (Sở Nội vụ)', unitId: 'so-noi-vu', roles: ['REVIEWER'] },
  { username: 'giamdoc.so-noi-vu', fullName: 'Giám đốc Sở Nội vụ', unitId: 'so-noi-vu', roles: ['UNIT_HEAD'] },
  { username: 'thuky.hoidong-tinh', fullName: 'Thư ký Hội đồng TĐKT tỉnh', unitId: 'so-noi-vu', roles: ['COUNCIL_SECRETARY', 'COUNCIL_MEMBER'] },
  { username: 'chutich.ubnd-tinh', fullName: 'Chủ tịch UBND tỉnh', unitId: 'ubnd-tinh', roles: ['DECISION_MAKER', 'UNIT_HEAD', 'COUNCIL_MEMBER'] },
  { username: 'thamdinh.ban-tdkt-tw', fullName: 'Chuyên viên Ban TĐKT Trung ương', unitId: 'ban-tdkt-tw', roles: ['REVIEWER'] },
  { username: 'truongban.ban-tdkt-tw', fullName: 'Trưởng ban TĐKT Trung ương', unitId: 'ban-tdkt-tw', roles: ['UNIT_HEAD'] },
  { username: 'thuky.hoidong-tw', fullName: 'Thư ký Hội đồng TĐKT Trung ương', unitId: 'ban-tdkt-tw', roles: ['COUNCIL_SECRETARY', 'COUNCIL_MEMBER'] },
  { username: 'thutuong', fullName: 'Thủ tướng Chính phủ', unitId: 'chinh-phu', roles: ['DECISION_MAKER', 'UNIT_HEAD'] },
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => ({ username: `uyvien${i}.hoidong-tinh`, fullName: `Ủy viên Hội đồng TĐKT tỉnh số ${i}`, unitId: 'ubnd-tinh', roles: ['COUNCIL_MEMBER'] })),
  ...[1, 2, 3, 4, 5].map((i) => ({ username: `uyvien${i}.hoidong-tw`, fullName: `Ủy viên Hội đồng TĐKT Trung ương số ${i}`, unitId: 'ban-tdkt-tw', roles: ['COUNCIL_MEMBER'] })),
  { username: 'thanhtra.tinh', fullName: 'Thanh tra tỉnh', unitId: 'ubnd-tinh', roles: ['AUDITOR', 'INSPECTOR'], scopeUnitId: 'ubnd-tinh' },
  { username: 'thanhtra', fullName: 'Thanh tra Bộ Nội vụ', unitId: 'ban-tdkt-tw', roles: ['AUDITOR', 'INSPECTOR'], scopeUnitId: null },
  // Appended, not inserted: demo personal ids follow the position in this list.
  { username: 'thamdinh.van-phong-ctn', fullName: 'Chuyên viên Văn phòng Chủ tịch nước', unitId: 'van-phong-ctn', roles: ['REVIEWER'] },
  { username: 'chutichnuoc', fullName: 'Chủ tịch nước', unitId: 'chu-tich-nuoc', roles: ['DECISION_MAKER', 'UNIT_HEAD'] },
  { username: 'quantri', fullName: 'Quản trị hệ thống', unitId: 'ban-tdkt-tw', roles: ['ADMIN'] },
];

export interface SeedCouncil {
  id: string;
  unitId: string;
  level: Level;
  nameVi: string;
  nameEn: string;
  members: { username: string; role: 'CHAIR' | 'VICE_CHAIR' | 'SECRETARY' | 'MEMBER' }[];
}

/** Council ids follow `councilIdFor` (libs/domain/src/routing): `hd-<unit>` for units and provinces, `hd-trung-uong`. */
export const DEMO_COUNCILS: SeedCouncil[] = [
  {
    id: 'hd-ubnd-tinh',
    unitId: 'ubnd-tinh',
    level: 'PROVINCE',
    nameVi: 'Hội đồng Thi đua - Khen thưởng tỉnh Lâm Đồng',
    nameEn: 'Lâm Đồng Provincial Emulation and Commendation Council',
    members: [
      { username: 'chutich.ubnd-tinh', role: 'CHAIR' },
      { username: 'thuky.hoidong-tinh', role: 'SECRETARY' },
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => ({ username: `uyvien${i}.hoidong-tinh`, role: 'MEMBER' as const })),
    ],
  },
  {
    id: 'hd-trung-uong',
    unitId: 'ban-tdkt-tw',
    level: 'CENTRAL',
    nameVi: 'Hội đồng Thi đua - Khen thưởng Trung ương',
    nameEn: 'Central Emulation and Commendation Council',
    members: [
      { username: 'thutuong', role: 'CHAIR' },
      { username: 'thuky.hoidong-tw', role: 'SECRETARY' },
      ...[1, 2, 3, 4, 5].map((i) => ({ username: `uyvien${i}.hoidong-tw`, role: 'MEMBER' as const })),
    ],
  },
  ...GRASSROOTS.map((unit) => ({
    id: `hd-${unit}`,
    unitId: unit,
    level: 'UNIT' as const,
    nameVi: `Hội đồng Thi đua - Khen thưởng ${unitName(unit)}`,
    nameEn: `Emulation and Commendation Council of the ${DEMO_UNITS.find((u) => u.id === unit)!.nameEn}`,
    members: [
      { username: `thutruong.${unit}`, role: 'CHAIR' as const },
      { username: `vanthu.${unit}`, role: 'SECRETARY' as const },
      { username: `thamdinh.${unit}`, role: 'MEMBER' as const },
    ],
  })),
];

/**
 * Demo personal identification numbers (fictitious, valid in form: place code 067, born 1975–1999):
 * they link demo accounts to nominees, so a nomination of a council member recuses them.
 */
export function demoPersonalId(username: string): { personalId: string; birthYear: number } {
  const index = DEMO_USERS.findIndex((u) => u.username === username);
  if (index < 0) throw new Error(`no demo account ${username}`);
  const birthYear = 1975 + (index % 25);
  return { personalId: `0670${String(birthYear % 100).padStart(2, '0')}${String(900000 + index).padStart(6, '0')}`, birthYear };
}

/** The year-end criteria a provincial cluster scores on (weights as points out of 100). */
const CLUSTER_CRITERIA: ClusterDefinition['criteria'] = [
  { code: 'NHIEM_VU', nameVi: 'Thực hiện nhiệm vụ chính trị, chuyên môn được giao', nameEn: 'Carrying out the assigned political and professional tasks', weight: 50, maxScore: 50 },
  { code: 'PHONG_TRAO', nameVi: 'Tổ chức phong trào thi đua và công tác khen thưởng', nameEn: 'Running the emulation movement and commendation work', weight: 20, maxScore: 20 },
  { code: 'XAY_DUNG', nameVi: 'Xây dựng Đảng, đoàn thể; cải cách hành chính', nameEn: 'Party and mass-organisation building; administrative reform', weight: 20, maxScore: 20 },
  { code: 'GIAO_UOC', nameVi: 'Thực hiện giao ước thi đua của cụm', nameEn: 'Keeping the cluster’s pledges', weight: 10, maxScore: 10 },
];

/** The pledge the members sign each year (giao ước thi đua). */
const CLUSTER_PLEDGE = 'Các đơn vị thành viên cam kết: hoàn thành xuất sắc nhiệm vụ chính trị được giao; tổ chức phong trào thi đua thiết thực, khen thưởng kịp thời, công bằng, công khai, đúng quy định; chú trọng khen thưởng tập thể nhỏ, người trực tiếp lao động; phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến.';

/** The demo's emulation clusters (cụm thi đua) under the province; the leadership rotates from 2024. */
export const DEMO_CLUSTERS: ClusterDefinition[] = [
  {
    id: 'cum-so-nganh-doanh-nghiep', nameVi: 'Cụm thi đua các sở, ngành và doanh nghiệp nhà nước', nameEn: 'Emulation cluster of departments and state enterprises', kind: 'CUM',
    members: ['so-gddt', 'so-yte', 'cty-cao-su'], firstYear: 2024, criteria: CLUSTER_CRITERIA, quotas: { flag: 1, certificate: 1 }, pledgeVi: CLUSTER_PLEDGE,
  },
  {
    id: 'cum-xa', nameVi: 'Cụm thi đua các xã', nameEn: 'Emulation cluster of communes', kind: 'CUM',
    members: ['xa-quang-khe', 'xa-dak-ha'], firstYear: 2025, criteria: CLUSTER_CRITERIA, quotas: { flag: 1, certificate: 0 }, pledgeVi: CLUSTER_PLEDGE,
  },
];
