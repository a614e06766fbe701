/**
 * The three rungs of the ladder (docs/architecture.md). A commune (cấp xã) is a UNIT-level body: since
 * 01/07/2025 (Decree 129/2025) its chairman decides grassroots titles like any unit head.
 */
export const LEVELS = ['UNIT', 'PROVINCE', 'CENTRAL'] as const;
export type Level = (typeof LEVELS)[number];

/** Who an award can go to (Law Art 9, S65): individuals, collectives, households. */
export const RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Yearly rating of an individual or collective (xếp loại): HTXSNV > HTTNV > HTNV > KHTNV. */
export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];

/** The ratings' names in both languages: English texts never show the Vietnamese abbreviations. */
export const RATING_NAMES: Record<Rating, { vi: string; en: string }> = {
  HTXSNV: { vi: 'hoàn thành xuất sắc nhiệm vụ', en: 'excellent (tasks completed excellently)' },
  HTTNV: { vi: 'hoàn thành tốt nhiệm vụ', en: 'good (tasks completed well)' },
  HTNV: { vi: 'hoàn thành nhiệm vụ', en: 'adequate (tasks completed)' },
  KHTNV: { vi: 'không hoàn thành nhiệm vụ', en: 'tasks not completed' },
};

export function ratingName(rating: string | undefined, lang: 'vi' | 'en'): string {
  if (rating === undefined) return lang === 'vi' ? 'chưa xếp loại' : 'not rated';
  return RATING_NAMES[rating as Rating]?.[lang] ?? rating;
}
