import type { AwardCode } from '../catalogue/types';

/** An emulation movement (phong trào thi đua) as a plan defines it, so nominations can refer to it. */
export interface EmulationMovement {
  id: string;
  titleVi: string;
  titleEn: string;
  issuerVi: string;
  documentNumber: string;
  issuedOn: string;
  period: { from: string; to: string };
  phases: { code: 'SO_KET' | 'TONG_KET'; vi: string; en: string; from: string; to: string; descriptionVi: string }[];
  participants: { collectivesVi: string; individualsVi: string };
  awardForms: { tierVi: string; tierEn: string; awardCodes: AwardCode[]; provisionVi: string }[];
  priorities: { vi: string; en: string }[];
  noteVi?: string;
}

/** Kế hoạch 823/KH-UBND of 29/12/2022 of the Đắk Nông People's Committee, transcribed. */
export const KE_HOACH_823: EmulationMovement = {
  id: 'ke-hoach-823-kh-ubnd-2022',
  titleVi: 'Phong trào thi đua thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh Đắk Nông lần thứ XII, nhiệm kỳ 2020 - 2025',
  titleEn: 'Emulation movement to carry out the Resolution of the 12th Đắk Nông Provincial Party Congress, 2020–2025',
  issuerVi: 'Ủy ban nhân dân tỉnh Đắk Nông',
  documentNumber: '823/KH-UBND',
  issuedOn: '2022-12-29',
  period: { from: '2020-01-01', to: '2025-12-31' },
  phases: [
    {
      code: 'SO_KET', vi: 'Giai đoạn 1 — sơ kết', en: 'Phase 1 — interim review', from: '2020-01-01', to: '2023-12-31',
      descriptionVi: 'Các cơ quan, đơn vị, địa phương phát động Phong trào thi đua; sơ kết và khen thưởng theo thẩm quyền gắn với thi đua thường xuyên vào cuối năm 2023.',
    },
    {
      code: 'TONG_KET', vi: 'Giai đoạn 2 — tổng kết', en: 'Phase 2 — final review', from: '2023-01-01', to: '2025-12-31',
      descriptionVi: 'Tổng kết và khen thưởng theo thẩm quyền vào dịp tổng kết Phong trào thi đua giai đoạn 2020 - 2025, gắn với Đại hội Thi đua yêu nước tỉnh Đắk Nông lần thứ V, năm 2025.',
    },
  ],
  participants: {
    collectivesVi: 'Các đơn vị tham mưu, giúp việc cho Tỉnh ủy; các cơ quan chuyên môn thuộc UBND tỉnh; các tổ chức đoàn thể cấp tỉnh; các đơn vị lực lượng vũ trang; các cơ quan Trung ương đóng trên địa bàn tỉnh; UBND các huyện, thành phố; các tổ chức Hội; các doanh nghiệp; các tổ chức tôn giáo; hộ gia đình trong và ngoài tỉnh.',
    individualsVi: 'Đảng viên, cán bộ, công chức, viên chức, người lao động; chiến sỹ trong lực lượng vũ trang; doanh nhân, công nhân, nông dân; chức sắc, chức việc, tín đồ các tổ chức tôn giáo; nhân sỹ, trí thức, nhà khoa học; nghệ nhân, văn nghệ sỹ; các tầng lớp Nhân dân trong và ngoài tỉnh.',
  },
  awardForms: [
    { tierVi: 'Khen thưởng cấp Nhà nước', tierEn: 'State awards', awardCodes: ['CSTD_TQ', 'BK_TTG', 'HCLD3', 'HCLD2'], provisionVi: 'Thực hiện theo Luật Thi đua - Khen thưởng và các văn bản hướng dẫn thi hành.' },
    { tierVi: 'Bằng khen của Chủ tịch UBND tỉnh', tierEn: "Certificate of merit of the provincial Chairman", awardCodes: ['BK_TINH'], provisionVi: 'Sở Nội vụ chủ trì xây dựng hướng dẫn khen thưởng cho các tập thể, cá nhân theo đúng quy định.' },
    { tierVi: 'Giấy khen của Thủ trưởng các cơ quan, đơn vị, địa phương', tierEn: 'Certificate of commendation of unit heads', awardCodes: ['GK_DONVI', 'GK_XA'], provisionVi: 'Các cơ quan, đơn vị, địa phương căn cứ tiêu chuẩn xem xét, tặng Giấy khen theo thẩm quyền.' },
  ],
  priorities: [
    { vi: 'Khen thưởng kịp thời, công bằng, công khai, đúng quy định', en: 'Timely, fair, public and lawful commendation' },
    { vi: 'Chú trọng khen thưởng các tập thể nhỏ, cá nhân trực tiếp lao động, sản xuất, công tác, chiến đấu', en: 'Favour small collectives and front-line workers' },
    { vi: 'Kiểm tra, giám sát, phòng chống tiêu cực trong công tác khen thưởng', en: 'Inspection against abuse in commendation' },
  ],
  noteVi: 'Từ 01/07/2025 tỉnh Đắk Nông hợp nhất vào tỉnh Lâm Đồng (Nghị quyết của Quốc hội ngày 12/06/2025).',
};

export function seedMovements(): EmulationMovement[] {
  return [KE_HOACH_823];
}

export function findMovement(id: string): EmulationMovement | undefined {
  return seedMovements().find((m) => m.id === id);
}
