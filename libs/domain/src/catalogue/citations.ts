import type { Citation } from './types';

/** Citations used across the catalogue; source tags refer to ../shared/domain/law.md §0. */
export const LAW = 'Luật Thi đua, khen thưởng 06/2022/QH15';
export const D98 = 'Nghị định 98/2023/NĐ-CP';
export const D152 = 'Nghị định 152/2025/NĐ-CP';
export const D129 = 'Nghị định 129/2025/NĐ-CP';
export const C01 = 'Thông tư 01/2024/TT-BNV';

export const art = (article: string, clause?: string, point?: string, source?: string, instrument = LAW): Citation => ({ instrument, article, clause, point, source });

export const ART80_1 = art('80', '1', undefined, 'S2');
export const ART80_3 = art('80', '3', undefined, 'S2');
export const ART83_1 = art('83', '1', undefined, 'S6');
export const ART83_2 = art('83', '2', undefined, 'S6');
export const ART83_4 = art('83', '4', undefined, 'S56');
export const ART84_1 = art('84', '1', undefined, 'S7');
export const ART84_2 = art('84', '2', undefined, 'S7');
export const DECREE129_COMMUNE = art('—', undefined, undefined, 'S41', D129);
export const PUBLIC_POSTING = art('46', '2', undefined, 'S34', D98);
export const COUNCIL_QUORUM = art('47', undefined, undefined, 'S48', D98);
