/**
 * The three rungs of the ladder (DESIGN.md). A commune (cấp xã) is a UNIT-level body: since
 * 01/07/2025 (Decree 129/2025) its chairman decides grassroots titles like any unit head.
 */
export const LEVELS = ['UNIT', 'PROVINCE', 'CENTRAL'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function nextLevel(level: Level): Level | undefined {
  return LEVELS[levelRank(level) + 1];
}

/** Who an award can go to (Law Art 9, S65): individuals, collectives, households. */
export const RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Yearly rating of an individual or collective (xếp loại): HTXSNV > HTTNV > HTNV > KHTNV. */
export const RATINGS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type Rating = (typeof RATINGS)[number];
