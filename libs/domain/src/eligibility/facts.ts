import type { NomineeRecord } from './types';

const GOOD = ['HTXSNV', 'HTTNV'];

/**
 * Read-only views of a nominee's record as the rules need them. Achievements before the end of a
 * disciplinary sanction do not count (Decree 152/2025 principles, S39): years up to and including
 * the year the last sanction ended are excluded from every count.
 */
export class Facts {
  readonly countFromYear: number;

  constructor(readonly record: NomineeRecord) {
    const ended = record.disciplines.filter((d) => d.to).map((d) => Number(d.to!.slice(0, 4)) + 1);
    this.countFromYear = ended.length ? Math.max(...ended) : -Infinity;
  }

  rating(year: number): string | undefined {
    if (year < this.countFromYear) return undefined;
    return this.record.ratings.find((r) => r.year === year)?.rating;
  }

  hasRating(year: number): boolean {
    return this.record.ratings.some((r) => r.year === year);
  }

  good(year: number): boolean {
    return GOOD.includes(this.rating(year) ?? '');
  }

  excellent(year: number): boolean {
    return this.rating(year) === 'HTXSNV';
  }

  /** Titles and awards that count toward higher merit: regular ones only (Law Art 5(2), S39). */
  meritAwards(code: string): { year: number }[] {
    return this.record.awards.filter((a) => a.code === code && (a.basis ?? 'REGULAR') === 'REGULAR' && a.year >= this.countFromYear);
  }

  hasAward(code: string, year: number): boolean {
    return this.meritAwards(code).some((a) => a.year === year);
  }

  initiatives(fromYear: number, toYear: number, levels: string[]): NomineeRecord['initiatives'] {
    return this.record.initiatives.filter((i) => i.year >= Math.max(fromYear, this.countFromYear) && i.year <= toYear && levels.includes(i.level));
  }

  collectiveYear(year: number) {
    return this.record.collective?.find((c) => c.year === year);
  }

  /** Years [to-n+1 .. to]. */
  static window(to: number, n: number): number[] {
    return Array.from({ length: n }, (_, i) => to - n + 1 + i);
  }
}

export const AT_OR_ABOVE_GRASSROOTS = ['GRASSROOTS', 'PROVINCE', 'NATIONAL'];
export const AT_OR_ABOVE_PROVINCE = ['PROVINCE', 'NATIONAL'];
