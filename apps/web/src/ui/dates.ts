/**
 * Dates as people here write them (dd/mm/yyyy) and as the API takes them (yyyy-mm-dd). The
 * browser's own date field shows the browser's locale (mm/dd/yyyy in an English Chrome), so the
 * forms use a text field that reads and shows the Vietnamese order whatever the browser.
 */

/** A typed date as ISO, or undefined while it is not (yet) a real calendar date. ISO typed as is passes. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : undefined;
  if (!parts) return undefined;
  const [y, m, d] = parts.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An ISO date shown as dd/mm/yyyy; anything else (text being typed) as it is. */
export function showDate(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}
