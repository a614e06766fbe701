import { useCallback, useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { parseDate, showDate } from './dates';
import { ApiError, type ApiErrorBody } from '../api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { MESSAGES } from '../i18n/messages';
import { awardName, useCatalogue, type Citation } from '../catalogue';

/**
 * Loads with the typed client and keeps the result: `useLoad(() => client.GET('/inbox'), [])`.
 * `null` skips the request (not allowed yet, or not ready); `deps` say when to load again.
 */
export function useLoad<T>(load: (() => Promise<{ data?: T }>) | null, deps: unknown[]): { data: T | undefined; error: ApiError | undefined; loading: boolean; reload(): void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(load !== null);
  const [tick, setTick] = useState(0);
  const current = useRef(load);
  current.current = load;
  const active = load !== null;
  useEffect(() => {
    const run = current.current;
    if (!run) return;
    let live = true;
    setLoading(true);
    run().then(
      (r) => live && (setData(r.data), setError(undefined)),
      (e: unknown) => live && setError(asApiError(e)),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // The request is whatever `load` is now; the caller names what it depends on.
  }, [active, tick, ...deps]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** Re-reads after `ms` while `active` holds: for states the workflow is still moving (turnout, next step, tally). */
export function useRefreshWhile(active: boolean, reload: () => void, ms: number, data: unknown): void {
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(reload, ms);
    return () => clearTimeout(timer);
  }, [active, reload, ms, data]);
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, { code: 'CLIENT', messageVi: 'Lỗi không mong đợi trên trình duyệt.', messageEn: 'Unexpected error in the browser.' });
}

/** A label for an enum value (status, level, role…), falling back to the raw value. */
export function useLabel() {
  const { t, lang } = useI18n();
  const catalogue = useCatalogue();
  return (prefix: string, value: string | null | undefined) => {
    if (!value) return '—';
    if (prefix === 'award') return awardName(catalogue, value, lang);
    const key = `${prefix}.${value}`;
    return key in MESSAGES ? t(key as MessageKey) : value;
  };
}

/**
 * An error in words. `inline`: the form shows each field's reason beside its field, so the notice
 * gives only the summary (which names every field) instead of saying each reason a second time.
 */
export function ErrorNotice({ error, inline = false }: { error?: ApiError | ApiErrorBody | null; inline?: boolean }) {
  const { pick } = useI18n();
  if (!error) return null;
  const body = error instanceof ApiError ? error.body : error;
  return (
    <div className="notice notice-error" role="alert">
      {pick(body.messageVi, body.messageEn)}
      {!inline && body.fields && body.fields.length > 0 && (
        <ul>{body.fields.map((f) => <li key={f.field}>{pick(f.messageVi, f.messageEn)}</li>)}</ul>
      )}
    </div>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children: ReactNode }) {
  return <div className={`notice notice-${kind}`} role="status">{children}</div>;
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted" role="status">{t('common.loading')}</p>;
}

/** The page's one h1; focusing it on navigation tells screen-reader users where they are. */
export function PageTitle({ children, actions }: { children: string; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} — Vinh Danh`;
    ref.current?.focus();
  }, [children]);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={ref}>{children}</h1>
      {actions && <div className="actions">{actions}</div>}
    </div>
  );
}

/** A form control with its label and, next to it, the error the API gave for that field. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <p className="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}

/** aria props that tie a control to its hint and error. */
export function describedBy(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined } as const;
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'good' | 'bad' | 'warn' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function statusTone(status: string): 'neutral' | 'good' | 'bad' | 'warn' | 'info' {
  if (status === 'AWARDED' || status === 'ELIGIBLE' || status === 'PASSED' || status === 'MET') return 'good';
  if (['REJECTED', 'EXPIRED', 'NOT_ELIGIBLE', 'FAILED', 'NOT_MET'].includes(status)) return 'bad';
  if (['SUPPLEMENT_REQUESTED', 'CANNOT_DECIDE', 'NO_QUORUM', 'UNKNOWN'].includes(status)) return 'warn';
  if (status === 'WITHDRAWN') return 'neutral';
  return 'info';
}

export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress">
      <label>
        {label} <span className="progress-figure">{value}/{max} ({pct}%)</span>
        <progress value={value} max={max || 1} />
      </label>
    </div>
  );
}

export type { Citation };

/** "điểm a khoản 2 Điều 46 Nghị định 98/2023/NĐ-CP" — the order Vietnamese legal texts use. */
export function formatCitation(c: Citation, lang: 'vi' | 'en'): string {
  if (lang === 'vi') {
    const parts = [c.point && `điểm ${c.point}`, c.clause && `khoản ${c.clause}`, c.article && c.article !== '—' && `Điều ${c.article}`, c.instrument];
    return parts.filter(Boolean).join(' ');
  }
  const art = c.article && c.article !== '—' ? `Art ${c.article}${c.clause ? `(${c.clause})` : ''}${c.point ? `(${c.point})` : ''}, ` : '';
  return `${art}${c.instrument}`;
}

export function Citations({ list }: { list?: Citation[] }) {
  const { lang } = useI18n();
  if (!list?.length) return null;
  return <span className="citation">{list.map((c) => formatCitation(c, lang)).join('; ')}</span>;
}

/**
 * A horizontal bar chart in SVG with the figures as a table beside it: the chart for the eye,
 * the table for screen readers and for copying numbers into a report.
 */
export function BarChart({ title, rows, unit = '', max }: { title: string; rows: { label: string; value: number; note?: string }[]; unit?: string; max?: number }) {
  const { t } = useI18n();
  const top = max ?? Math.max(1, ...rows.map((r) => r.value));
  // Bars in HTML, not SVG: a long Vietnamese label (an award's full name) wraps instead of being
  // cut. The bars are one named image (its children are not read); the table below carries the figures.
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? <p className="muted">{t('common.noData')}</p> : (
        <>
          <div className="bars" role="img" aria-label={title}>
            {rows.map((r) => (
              <div key={r.label} className="bar-row">
                <span className="chart-label">{r.label}</span>
                <span className="bar-track"><span className="chart-bar" style={{ width: `${Math.max((100 * r.value) / top, 0.5)}%` }} /></span>
                <span className="chart-value">{`${r.value}${unit}`}</span>
              </div>
            ))}
          </div>
          <table className="chart-table">
            <caption className="visually-hidden">{title}</caption>
            <tbody>{rows.map((r) => <tr key={r.label}><th scope="row">{r.label}</th><td>{r.value}{unit}</td>{r.note !== undefined && <td>{r.note}</td>}</tr>)}</tbody>
          </table>
        </>
      )}
    </figure>
  );
}

/**
 * One control of a filter bar, labelled by `for`/`id` rather than by wrapping: a label wrapped
 * around a select would take every option's text into the control's accessible name.
 */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** A select over a list of codes, each shown by its label (`award`, `level`, `status`, `task`…), with "any" first. */
export function CodeSelect({ id, prefix, codes, value, onChange, anyLabel }: { id: string; prefix: string; codes: readonly string[]; value: string; onChange(v: string): void; anyLabel: string }) {
  const label = useLabel();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{anyLabel}</option>
      {codes.map((c) => <option key={c} value={c}>{label(prefix, c)}</option>)}
    </select>
  );
}

/**
 * A date field in dd/mm/yyyy whatever the browser's language (ui/dates.ts). The form holds ISO;
 * text not yet a date passes through as typed, so the form's checks and the API name the problem.
 */
export function DateInput({ value, onChange, ...rest }: { value: string; onChange(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>) {
  const [text, setText] = useState(() => showDate(value));
  // A value set from outside (a draft loaded, a reset) is shown; one that came from typing is left as typed.
  useEffect(() => {
    if ((parseDate(text) ?? text) !== value) setText(showDate(value));
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseDate(e.target.value) ?? e.target.value);
      }}
    />
  );
}
