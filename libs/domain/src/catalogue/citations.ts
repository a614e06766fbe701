import type { Citation } from './types';

/** Instruments and the citations used across the catalogue; source tags are those of docs/law.md. */
export const LAW = 'Luật Thi đua, khen thưởng 06/2022/QH15';
export const D98 = 'Nghị định 98/2023/NĐ-CP';
export const D152 = 'Nghị định 152/2025/NĐ-CP';
export const D129 = 'Nghị định 129/2025/NĐ-CP';
export const D86 = 'Nghị định 86/2023/NĐ-CP';
export const C01 = 'Thông tư 01/2024/TT-BNV';

export const art = (article: string, clause?: string, point?: string, source?: string, instrument = LAW): Citation => ({
  instrument,
  article,
  ...(clause ? { clause } : {}),
  ...(point ? { point } : {}),
  ...(source ? { source } : {}),
});

/** A provision whose article number the sources do not give: said so, never left blank. */
export const unnumbered = (instrument: string, source: string, vi: string, en: string): Citation => ({
  instrument,
  source,
  note: { vi: `Chưa xác minh được số điều: ${vi}`, en: `Article number not verified: ${en}` },
});

/** A citation whose article is inferred, not read in the text. */
export const inferred = (c: Citation, vi: string, en: string): Citation => ({ ...c, note: { vi: `Chưa xác minh: ${vi}`, en: `Not verified: ${en}` } });

export const ART5_2 = art('5', '2', undefined, 'S27');
export const ART80_1 = art('80', '1', undefined, 'S2');
export const ART80_2 = art('80', '2', undefined, 'S2');
export const ART80_3 = art('80', '3', undefined, 'S2');
export const ART80_4 = art('80', '4', undefined, 'S2');
export const ART83_1 = art('83', '1', undefined, 'S6');
export const ART83_2 = art('83', '2', undefined, 'S6');
export const ART83_4 = art('83', '4', undefined, 'S56');
export const ART84_1 = art('84', '1', undefined, 'S7');
export const ART84_2 = art('84', '2', undefined, 'S7');
export const ART85 = art('85', undefined, undefined, 'S8');
/** The provincial Chairman's own awarding power: most likely Art 79, whose text was not retrieved. */
export const ART79 = inferred(art('79', undefined, undefined, 'S60'), 'thẩm quyền của Chủ tịch UBND tỉnh, nhiều khả năng Điều 79', 'the provincial Chairman’s power, most likely Art 79');
export const D98_ART3 = art('3', undefined, undefined, 'S57', D98);
export const D98_ART40_1 = art('40', '1', undefined, 'S8', D98);
export const D98_ART46_1 = art('46', '1', undefined, 'S33', D98);
export const D98_ART46_2 = art('46', '2', undefined, 'S34', D98);
export const D98_ART47 = art('47', undefined, undefined, 'S48', D98);
export const D98_ART54 = art('54', undefined, undefined, 'S32', D98);
export const D98_ART55 = art('55', undefined, undefined, 'S31', D98);
export const D152_ART21 = art('21', undefined, undefined, 'S30', D152);
export const D152_ART44_2 = art('44', '2', undefined, 'S36', D152);
export const D152_ART54 = art('54', undefined, undefined, 'S40', D152);
export const D152_PRINCIPLES = unnumbered(D152, 'S39', 'các nguyên tắc khen thưởng của Nghị định 152/2025', 'the award principles of Decree 152/2025');
export const D129_COMMUNE = unnumbered(D129, 'S41', 'phân định thẩm quyền giữa tỉnh và xã từ 01/07/2025', 'the split of powers between province and commune from 01/07/2025');
export const D86_FRAMEWORK = unnumbered(D86, 'S22', 'khung tiêu chuẩn và thủ tục xét Gia đình văn hóa, Thôn văn hóa', 'the framework for Gia đình văn hóa and Thôn văn hóa');
export const C01_RECRUITED = unnumbered(C01, 'S44', 'không xét Lao động tiên tiến với người mới tuyển dụng dưới 6 tháng', 'no LĐTT for people recruited less than 6 months before');
