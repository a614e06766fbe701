import { useState, type FormEvent, type ReactNode } from 'react';
import type { Table } from '@vinhdanh/domain/reports/spreadsheet-layout';
import { client, data, type Schemas } from '../api';
import { ExportButton, allPages } from '../ui/export';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, query, usePath } from '../router';
import { Badge, CodeSelect, ErrorNotice, FilterField, Loading, PageTitle, statusTone, useLabel, useLoad } from '../ui/kit';
import { AWARD_CODES, LEVELS, STATUSES } from '../vocabulary';
import { UnitPicker, useUnits } from '../ui/units';

type ListItem = Schemas['NominationRecord'];

/** GET /nominations's query from the address's filters (empty ones left out). */
export function listQuery(filters: Record<string, string>, page: number, pageSize: number) {
  const value = (f: string) => filters[f] || undefined;
  return { unitId: value('unitId'), awardCode: value('awardCode'), status: value('status') as Schemas['NominationStatus'] | undefined, level: value('level') as Schemas['Level'] | undefined, year: filters.year ? Number(filters.year) : undefined, page, pageSize };
}

export const FILTERS = ['unitId', 'awardCode', 'year', 'status', 'level'] as const;

/** Filters live in the address, so a search can be bookmarked, shared and reloaded. */
export function useListFilters(basePath: string) {
  const { search } = usePath();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const page = Number(search.get('page') ?? '1') || 1;
  const apply = (next: Record<string, string>, p = 1) => navigate(`${basePath}${query({ ...next, page: p > 1 ? p : undefined })}`);
  return { filters, page, apply };
}

export function FilterForm({ filters, onApply }: { filters: Record<string, string>; onApply(f: Record<string, string>): void }) {
  const { t } = useI18n();
  const [f, setF] = useState(filters);
  const set = (k: string, v: string) => setF((x) => ({ ...x, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(f);
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('list.search')}>
      <FilterField id="list-unit" label={t('list.unit')}><UnitPicker id="list-unit" value={f.unitId} onChange={(v) => set('unitId', v)} anyLabel={t('list.any')} /></FilterField>
      <FilterField id="list-award" label={t('common.award')}>
        <CodeSelect id="list-award" prefix="award" codes={AWARD_CODES} value={f.awardCode} onChange={(v) => set('awardCode', v)} anyLabel={t('list.any')} />
      </FilterField>
      <FilterField id="list-year" label={t('form.year')}><input id="list-year" inputMode="numeric" value={f.year} onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))} /></FilterField>
      <FilterField id="list-status" label={t('list.status')}>
        <CodeSelect id="list-status" prefix="status" codes={STATUSES} value={f.status} onChange={(v) => set('status', v)} anyLabel={t('list.any')} />
      </FilterField>
      <FilterField id="list-level" label={t('common.level')}>
        <CodeSelect id="list-level" prefix="level" codes={LEVELS} value={f.level} onChange={(v) => set('level', v)} anyLabel={t('list.any')} />
      </FilterField>
      <button type="submit" className="primary">{t('list.searchButton')}</button>
    </form>
  );
}

export function NominationTable({ items, linkTo }: { items: ListItem[]; linkTo(id: string): string }) {
  const { t, date, pick } = useI18n();
  const label = useLabel();
  const { nameOf } = useUnits();
  if (!items.length) return <p className="muted">{t('list.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('common.nominee')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('form.year')}</th>
            <th scope="col">{t('list.unit')}</th><th scope="col">{t('common.level')}</th><th scope="col">{t('list.status')}</th><th scope="col">{t('list.submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td><Link to={linkTo(n.id)}>{n.nominee.name}</Link>{n.dossierNumber && <div className="muted">{n.dossierNumber}</div>}</td>
              <td>{pick(n.awardNameVi, n.awardNameEn)}</td>
              <td>{n.year}</td>
              <td>{nameOf(n.unitId)}</td>
              <td>{label('level', n.currentLevel)}</td>
              <td><Badge tone={statusTone(n.status)}>{label('status', n.status)}</Badge></td>
              <td>{date(n.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(p: number): void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={t('list.pages')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('list.prev')}</button>
      <span>{t('list.pageOf', { page, pages, total })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>{t('list.next')}</button>
    </nav>
  );
}

/**
 * Filters, results and pages over GET /nominations, for a page at `basePath` whose rows link to
 * `linkTo`; `footer` gets the active filters (the auditor's export uses them).
 */
export function NominationSearch({ basePath, linkTo, summary, footer }: { basePath: string; linkTo(id: string): string; summary?(total: number): string; footer?(filters: Record<string, string>): ReactNode }) {
  const { filters, page, apply } = useListFilters(basePath);
  const { t, date, pick } = useI18n();
  const label = useLabel();
  const { nameOf } = useUnits();
  const exportTable = async (progress: (done: number, total: number) => void): Promise<Table> => ({
    sheetName: t('list.title'),
    title: t('list.title'),
    subtitle: t('export.asOf', { date: date(new Date().toISOString()) }),
    columns: [t('list.dossierNumber'), t('common.nominee'), t('common.award'), t('form.year'), t('list.unit'), t('common.level'), t('list.status'), t('list.submitted')].map((header, i) => ({ header, width: [16, 28, 36, 8, 30, 12, 20, 14][i] })),
    rows: (await allPages((p, size) => data(client.GET('/nominations', { params: { query: listQuery(filters, p, size) } })), 200, progress))
      .map((n) => [n.dossierNumber ?? '', n.nominee.name, pick(n.awardNameVi, n.awardNameEn), n.year, nameOf(n.unitId), label('level', n.currentLevel), label('status', n.status), date(n.submittedAt)]),
  });
  const list = useLoad(() => client.GET('/nominations', { params: { query: listQuery(filters, page, 20) } }), [JSON.stringify(filters), page]);
  return (
    <>
      <FilterForm filters={filters} onApply={(f) => apply(f)} />
      {list.loading && !list.data ? <Loading /> : <ErrorNotice error={list.error} />}
      {list.data && (
        <>
          {summary && <p>{summary(list.data.total)}</p>}
          <NominationTable items={list.data.items} linkTo={linkTo} />
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => apply(filters, p)} />
          {list.data.total > 0 && <ExportButton fileName="danh-sach-ho-so.xlsx" table={exportTable} />}
          {footer?.(filters)}
        </>
      )}
    </>
  );
}

export function NominationListPage() {
  const { t } = useI18n();
  return (
    <section>
      <PageTitle>{t('list.title')}</PageTitle>
      <NominationSearch basePath="/nominations" linkTo={(id) => `/nominations/${id}`} />
    </section>
  );
}
