import type { NomineeRecord } from './types';

const GOOD = ['HTXSNV', 'HTTNV'];

/**
 * Read-only views of a nominee's record as the rules need them. Under the 2025 catalogue (Decree
 * 152/2025 principles) achievements before the end of a disciplinary sanction do not count — by
 * year: the years up to and including the one a sanction ended — and sudden or thematic awards do
 * not count toward higher merit awards. Under 2024.1 those principles did not exist.
 */
export class Facts {
  readonly countFromYear: number;

  constructor(readonly record: NomineeRecord, readonly decree152: boolean) {
    const ended = decree152 ? record.disciplines.filter((d) => d.to).map((d) => Number(d.to!.slice(0, 4)) + 1) : [];
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

  /** Titles and awards that count toward higher merit. */
  meritAwards(code: string): { year: number }[] {
    return this.record.awards.filter((a) => a.code === code && (!this.decree152 || (a.basis ?? 'REGULAR') === 'REGULAR') && a.year >= this.countFromYear);
  }

  hasAward(code: string, year: number): boolean {
    return this.meritAwards(code).some((a) => a.year === year);
  }

  /** The latest year before `year` in which the award was received. */
  latestBefore(code: string, year: number): number | undefined {
    const years = this.meritAwards(code).map((a) => a.year).filter((y) => y < year);
    return years.length ? Math.max(...years) : undefined;
  }

  initiatives(fromYear: number, toYear: number, levels: string[], kinds?: string[]): NomineeRecord['initiatives'] {
    return this.record.initiatives.filter((i) => i.year >= Math.max(fromYear, this.countFromYear) && i.year <= toYear && levels.includes(i.level) && (!kinds || kinds.includes(i.kind)));
  }

  collectiveYear(year: number) {
    return this.record.collective?.find((c) => c.year === year);
  }

  /**
   * The longest run of consecutive years ending at `year` for which `holds` is true, going back no
   * further than `after` (exclusive). `stoppedBy` says why it ended: a year without a rating (the
   * record is incomplete) or a year that fails.
   */
  runEndingAt(year: number, holds: (y: number) => boolean, after = -Infinity): { years: number[]; stoppedBy?: { year: number; why: 'MISSING' | 'FAILS' } } {
    const years: number[] = [];
    for (let y = year; y > after; y--) {
      if (!this.hasRating(y) || y < this.countFromYear) return { years, stoppedBy: { year: y, why: 'MISSING' } };
      if (!holds(y)) return { years, stoppedBy: { year: y, why: 'FAILS' } };
      years.unshift(y);
      if (years.length > 60) break;
    }
    return { years };
  }

  /** Years [to-n+1 .. to]. */
  static window(to: number, n: number): number[] {
    return Array.from({ length: n }, (_, i) => to - n + 1 + i);
  }
}

export const AT_OR_ABOVE_GRASSROOTS = ['GRASSROOTS', 'PROVINCE', 'NATIONAL'];
export const AT_OR_ABOVE_PROVINCE = ['PROVINCE', 'NATIONAL'];
