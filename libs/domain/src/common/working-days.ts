import { readJsonSetting } from './json-setting';

/**
 * Working days (ngày làm việc) for statutory periods such as public posting (Decree 98 Art 46(2),
 * Decree 152 Art 44(2)). Saturdays, Sundays and the public holidays of the calendar are skipped;
 * Saturdays the Government turns into working days (to make a bridge around a holiday) count.
 *
 * The holidays are configuration (HOLIDAYS), because the Government announces Tết and the
 * bridging days each year; the defaults below are the announced calendars we could check.
 */
export interface WorkingCalendar {
  /** Days off that fall on weekdays, ISO dates. */
  holidays: string[];
  /** Weekend days made working days (ngày làm bù), ISO dates. */
  workdays?: string[];
}

/**
 * Public holidays and bridging days off on weekdays (Labour Code 2019 Art 112; the Prime Minister's
 * and the Ministry's yearly announcements). Extend or replace with HOLIDAYS for later years.
 */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  holidays: [
    // 2024: New Year; Tết Giáp Thìn (8–14/02); Hùng Kings (18/04); 29/04 bridged, 30/04, 01/05; 02–03/09.
    '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03',
    // 2025: New Year; Tết Ất Tỵ (27–31/01); Hùng Kings (07/04); 30/04, 01/05, 02/05 bridged; 01–02/09.
    '2025-01-01', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02',
    // 2026: New Year (01–02/01); Tết Bính Ngọ (16–20/02); Hùng Kings (26/04, a Sunday, taken 27/04); 30/04, 01/05; 01–02/09.
    '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
  ],
  workdays: ['2024-05-04', '2025-04-26'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads HOLIDAYS: {"holidays":["2027-02-05",…],"workdays":[…]}, added to the defaults (or replacing them with "replace":true). */
export function parseCalendar(json: string | undefined): { calendar: WorkingCalendar; problems: string[] } {
  const setting = readJsonSetting('HOLIDAYS', json, '{"holidays":["YYYY-MM-DD",…],"workdays":["YYYY-MM-DD",…],"replace":false}');
  if (setting.kind !== 'value') return { calendar: DEFAULT_CALENDAR, problems: setting.kind === 'invalid' ? [setting.problem] : [] };
  const o = (setting.value ?? {}) as Record<string, unknown>;
  const problems = Object.keys(o).filter((k) => !['holidays', 'workdays', 'replace'].includes(k)).map((k) => `HOLIDAYS: unknown key "${k}" (known: holidays, workdays, replace)`);
  const dates = (key: 'holidays' | 'workdays'): string[] => {
    const list = o[key] ?? [];
    if (!Array.isArray(list)) {
      problems.push(`HOLIDAYS: ${key} must be a list of dates`);
      return [];
    }
    for (const d of list) if (typeof d !== 'string' || !ISO_DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) problems.push(`HOLIDAYS: ${key} has "${String(d)}", not a date YYYY-MM-DD`);
    return list.filter((d): d is string => typeof d === 'string');
  };
  const holidays = dates('holidays');
  const workdays = dates('workdays');
  const base = o.replace === true ? { holidays: [], workdays: [] } : DEFAULT_CALENDAR;
  return { calendar: { holidays: [...new Set([...base.holidays, ...holidays])].sort(), workdays: [...new Set([...(base.workdays ?? []), ...workdays])].sort() }, problems };
}

export function isWorkingDay(iso: string, calendar: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const day = iso.slice(0, 10);
  if (calendar.workdays?.includes(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(day);
}

/** The date `days` working days after `startIso` (counting starts the day after). */
export function addWorkingDays(startIso: string, days: number, calendar: WorkingCalendar = DEFAULT_CALENDAR): string {
  const d = new Date(`${startIso.slice(0, 10)}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(d.toISOString(), calendar)) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

/** The date `days` calendar days after `startIso`. */
export function addDays(startIso: string, days: number): string {
  const d = new Date(`${startIso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
