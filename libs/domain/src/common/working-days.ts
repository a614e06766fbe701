/**
 * Working days (ngày làm việc) for statutory periods such as public posting (Decree 98 Art 46).
 * Saturdays and Sundays are skipped; public holidays are not known to the system yet, so a period
 * that spans Tết reads shorter than the law's — the page states that the end date is indicative.
 */
export function addWorkingDays(startIso: string, days: number): string {
  const d = new Date(`${startIso.slice(0, 10)}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
