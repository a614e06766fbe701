/**
 * The legal bases an administrative document cites on a given day: the Law, and the decree that
 * details it on that day (Decree 98/2023 until 30/06/2025, Decree 152/2025 from 01/07/2025;
 * docs/law.md). Decisions and proposal letters cite the same.
 */
export function legalBasesOn(date: string): string[] {
  const decree = date >= '2025-07-01'
    ? // The decree's full title is not verified (docs/law.md): cited by number and date only.
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ;'
    : 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;';
  return ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', decree];
}

/** The place line of a document (địa danh): the capital for central bodies, else the province named in the issuer or its parent. */
export function placeOf(d: { issuerLevel: string; issuerNameVi: string; parentNameVi: string | null }): string {
  if (d.issuerLevel === 'CENTRAL') return 'Hà Nội';
  const province = [d.issuerNameVi, d.parentNameVi ?? ''].map((n) => /tỉnh\s+(.+?)(\s*\(|$)/.exec(n)?.[1]).find(Boolean);
  return province ?? d.issuerNameVi;
}

/** The place-and-date line: "Lâm Đồng, ngày 03 tháng 02 năm 2026". */
export function placeDateLine(place: string, iso: string): string {
  const [yyyy, mm, dd] = iso.slice(0, 10).split('-');
  return `${place}, ngày ${dd} tháng ${mm} năm ${yyyy}`;
}

/** The national motto (Quốc hiệu và Tiêu ngữ) that heads every administrative document. */
export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

const VI_ORDER = new Intl.Collator('vi');

/** Vietnamese alphabetical order (Đ after D), which the database's collation does not know. */
export function inVietnameseOrder<T extends { nomineeName: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => VI_ORDER.compare(a.nomineeName, b.nomineeName));
}

/** Who acts for a body: the Chairman for a People's Committee, the Prime Minister for the Government, the body otherwise. */
export function authorityOf(nameVi: string): string {
  if (nameVi.startsWith('Ủy ban')) return `Chủ tịch ${nameVi}`;
  if (nameVi.startsWith('Chính phủ')) return 'Thủ tướng Chính phủ';
  return nameVi;
}

/**
 * The signature block's heading (Decree 30/2020 Appendix I). A collegial body's act is signed for
 * it (TM.) by its head; an act the law gives to the head personally — the Chairman's Bằng khen, the
 * Prime Minister's — carries the head's title alone.
 */
export function signerTitleOf(nameVi: string, collegial: boolean): string[] {
  if (nameVi.startsWith('Ủy ban')) return collegial ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] : ['CHỦ TỊCH'];
  if (nameVi.startsWith('Chính phủ')) return collegial ? ['TM. CHÍNH PHỦ', 'THỦ TƯỚNG'] : ['THỦ TƯỚNG'];
  if (nameVi.startsWith('Chủ tịch nước')) return ['CHỦ TỊCH NƯỚC'];
  if (nameVi.startsWith('Sở')) return ['GIÁM ĐỐC'];
  return ['THỦ TRƯỞNG ĐƠN VỊ'];
}
