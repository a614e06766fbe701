import { useState, type FormEvent } from 'react';
import { client, data, type QueryOf, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link, navigate, query, usePath } from '../router';
import { useSession } from '../session';
import { Badge, CodeSelect, DateInput, ErrorNotice, Field, FilterField, Loading, Notice, PageTitle, asApiError, useLabel, useLoad } from '../ui/kit';
import { UnitPicker } from '../ui/units';
import { AWARD_CODES, LEVELS, TASK_KINDS } from '../vocabulary';
import type { ApiError } from '../api';
import { Pager } from './nomination-list';
import { ExportButton, allPages } from '../ui/export';

/** The API's inbox row (GET /inbox). */
export type Task = Schemas['InboxTask'];
type InboxQuery = QueryOf<'nominationsInbox'>;

/** Tasks with their deadlines; overdue ones say so in words and colour, not colour alone. */
export function TaskTable({ tasks, selectable, selected, onToggle, onToggleAll }: {
  tasks: Task[];
  selectable?: (t: Task) => boolean;
  selected?: Set<string>;
  onToggle?: (id: string) => void;
  onToggleAll?: (ids: string[], on: boolean) => void;
}) {
  const { t, dateTime, pick } = useI18n();
  const label = useLabel();
  if (tasks.length === 0) return <p className="muted">{t('inbox.empty')}</p>;
  const choosable = selectable ? tasks.filter(selectable).map((x) => x.nominationId) : [];
  const allOn = choosable.length > 0 && choosable.every((id) => selected?.has(id));
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                {choosable.length > 0 && (
                  <input type="checkbox" aria-label={t('inbox.selectPage')} checked={allOn} onChange={() => onToggleAll?.(choosable, !allOn)} />
                )}
              </th>
            )}
            <th scope="col">{t('inbox.task')}</th>
            <th scope="col">{t('common.nominee')}</th>
            <th scope="col">{t('inbox.fromUnit')}</th>
            <th scope="col">{t('common.award')}</th>
            <th scope="col">{t('common.level')}</th>
            <th scope="col">{t('inbox.due')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={`${task.nominationId}:${task.key}`} className={[task.overdue ? 'row-overdue' : '', task.unread ? 'row-unread' : ''].join(' ').trim() || undefined}>
              {selectable && (
                <td>
                  {selectable(task) && (
                    <input type="checkbox" aria-label={t('inbox.selectOne', { name: task.nomineeName })} checked={selected?.has(task.nominationId) ?? false} onChange={() => onToggle?.(task.nominationId)} />
                  )}
                </td>
              )}
              <td><Link to={`/nominations/${task.nominationId}`}>{label('task', task.kind)}</Link>{task.unread && <> <Badge tone="info">{t('inbox.new')}</Badge></>}</td>
              <td>{task.nomineeName}{task.dossierNumber && <div className="muted">{task.dossierNumber}</div>}</td>
              <td>{task.unitNameVi ? pick(task.unitNameVi, task.unitNameEn ?? task.unitNameVi) : task.unitId}</td>
              <td>{label('award', task.awardCode)} ({task.year})</td>
              <td>{label('level', task.level)}</td>
              <td className="nowrap">
                {dateTime(task.dueAt)} {task.overdue && <Badge tone="bad">{t('inbox.overdue')}</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const FILTERS = ['kind', 'fromUnitId', 'awardCode', 'level', 'year', 'overdue', 'dueBefore', 'q', 'sort', 'pageSize'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const SORTS = ['due', 'received', 'nominee', 'unit'] as const;
const PAGE_SIZES = ['20', '50', '100', '200'];

/** GET /inbox's query from the address (empty filters left out). */
export function inboxQuery(f: Partial<Filters>, page: number): InboxQuery {
  const v = (k: keyof Filters) => f[k] || undefined;
  return {
    kind: v('kind') as InboxQuery['kind'], fromUnitId: v('fromUnitId'), awardCode: v('awardCode'), level: v('level') as InboxQuery['level'],
    year: f.year ? Number(f.year) : undefined, overdue: f.overdue === 'true' ? true : undefined, q: v('q'),
    // "Due by" a day: before the end of that day in Vietnam (UTC+7).
    dueBefore: /^\d{4}-\d{2}-\d{2}$/.test(f.dueBefore ?? '') ? `${f.dueBefore}T23:59:59.999+07:00` : undefined,
    sort: v('sort') as InboxQuery['sort'], page, pageSize: f.pageSize ? Number(f.pageSize) : 50,
  };
}

function InboxFilters({ filters, onApply }: { filters: Filters; onApply(f: Filters): void }) {
  const { t } = useI18n();
  const [f, setF] = useState(filters);
  const set = (k: keyof Filters, v: string) => setF((x) => ({ ...x, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    onApply(f);
  }
  return (
    <form className="filters" onSubmit={submit} role="search" aria-label={t('inbox.filter')}>
      <FilterField id="inbox-kind" label={t('inbox.task')}>
        <CodeSelect id="inbox-kind" prefix="task" codes={TASK_KINDS} value={f.kind} onChange={(v) => set('kind', v)} anyLabel={t('list.any')} />
      </FilterField>
      <FilterField id="inbox-from-unit" label={t('inbox.fromUnit')}><UnitPicker id="inbox-from-unit" value={f.fromUnitId} onChange={(v) => set('fromUnitId', v)} anyLabel={t('list.any')} /></FilterField>
      <FilterField id="inbox-award" label={t('common.award')}>
        <CodeSelect id="inbox-award" prefix="award" codes={AWARD_CODES} value={f.awardCode} onChange={(v) => set('awardCode', v)} anyLabel={t('list.any')} />
      </FilterField>
      <FilterField id="inbox-level" label={t('common.level')}>
        <CodeSelect id="inbox-level" prefix="level" codes={LEVELS} value={f.level} onChange={(v) => set('level', v)} anyLabel={t('list.any')} />
      </FilterField>
      <FilterField id="inbox-year" label={t('form.year')}><input id="inbox-year" inputMode="numeric" value={f.year} onChange={(e) => set('year', e.target.value.replace(/\D/g, '').slice(0, 4))} /></FilterField>
      <FilterField id="inbox-q" label={t('inbox.name')}><input id="inbox-q" type="search" value={f.q} onChange={(e) => set('q', e.target.value)} /></FilterField>
      <FilterField id="inbox-due" label={t('inbox.dueBy')}><DateInput id="inbox-due" value={f.dueBefore} onChange={(v) => set('dueBefore', v)} /></FilterField>
      <label className="check"><input type="checkbox" checked={f.overdue === 'true'} onChange={(e) => set('overdue', e.target.checked ? 'true' : '')} />{t('inbox.overdueOnly')}</label>
      <FilterField id="inbox-sort" label={t('inbox.sort')}>
        <select id="inbox-sort" value={f.sort} onChange={(e) => set('sort', e.target.value)}>
          {SORTS.map((s) => <option key={s} value={s === 'due' ? '' : s}>{t(`inbox.sort.${s}`)}</option>)}
        </select>
      </FilterField>
      <FilterField id="inbox-page-size" label={t('inbox.pageSize')}>
        <select id="inbox-page-size" value={f.pageSize || '50'} onChange={(e) => set('pageSize', e.target.value)}>
          {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </FilterField>
      <button type="submit" className="primary">{t('list.searchButton')}</button>
    </form>
  );
}

/** One line per dossier of a list action: how many went through, and each refusal with its reason. */
interface ListOutcome {
  done: string;
  refused: { name: string; reason: string }[];
}

export function InboxPage() {
  const { t, pick, dateTime } = useI18n();
  const label = useLabel();
  const { has } = useSession();
  const { search } = usePath();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, search.get(f) ?? ''])) as Filters;
  const page = Number(search.get('page') ?? '1') || 1;
  const apply = (next: Filters, p = 1) => navigate(`/inbox${query({ ...next, page: p > 1 ? p : undefined })}`);
  const inbox = useLoad(() => client.GET('/inbox', { params: { query: inboxQuery(filters, page) } }), [search.toString()]);
  const [selected, setSelected] = useState(new Set<string>());
  const [justification, setJustification] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [outcome, setOutcome] = useState<ListOutcome>();
  const [busy, setBusy] = useState(false);
  const items = inbox.data?.items ?? [];
  const nameOf = (id: string) => items.find((x) => x.nominationId === id)?.nomineeName ?? id;
  const toggle = (id: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });
  const toggleAll = (ids: string[], on: boolean) => setSelected((s) => {
    const n = new Set(s);
    for (const id of ids) if (on) n.add(id); else n.delete(id);
    return n;
  });
  const chosen = (kind: Task['kind']) => items.filter((x) => x.kind === kind && selected.has(x.nominationId)).map((x) => x.nominationId);

  /** Runs a list action and reports it dossier by dossier; the list is reloaded either way. */
  async function run<R extends { results: ({ nominationId: string; ok: true } | { nominationId: string; ok: false; error: { messageVi: string; messageEn: string } })[] }>(action: () => Promise<R>, done: (count: number, r: R) => string) {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    try {
      const r = await action();
      const refused = r.results.flatMap((x) => (x.ok ? [] : [{ name: nameOf(x.nominationId), reason: pick(x.error.messageVi, x.error.messageEn) }]));
      setOutcome({ done: done(r.results.length - refused.length, r), refused });
      setSelected(new Set());
      setConfirming(false);
      setJustification('');
      inbox.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  /** Each selected review approved through its own review, authorised and audited one by one. */
  const approveSelected = () => run(() => data(client.POST('/reviews', { body: { nominationIds: chosen('REVIEW'), justification: justification.trim() || undefined } })), (count) => t('inbox.approvedDone', { count }));

  /** Several conferrals signed as one decision (one number), as provinces do at year end. */
  // The batch key is derived from the list itself: the same list sent again joins the same decision.
  const signBatch = () => run(() => data(client.POST('/decisions', { body: { nominationIds: chosen('DECISION') } })), (count, r) => {
    const numbers = [...new Set(r.results.flatMap((x) => (x.ok && x.decision ? [x.decision.number] : [])))];
    return t('inbox.batchDone', { count, number: numbers.join(', ') || '—' });
  });

  const canReview = has('REVIEWER') && items.some((x) => x.kind === 'REVIEW');
  const canSign = has('DECISION_MAKER') && items.some((x) => x.kind === 'DECISION');
  const selectable = canReview || canSign ? (x: Task) => (canReview && x.kind === 'REVIEW') || (canSign && x.kind === 'DECISION') : undefined;
  return (
    <section>
      <PageTitle>{t('inbox.title')}</PageTitle>
      <InboxFilters key={search.toString()} filters={filters} onApply={(f) => apply(f)} />
      {outcome && (
        <Notice kind={outcome.refused.length ? 'warning' : 'success'}>
          {outcome.done}
          {outcome.refused.length > 0 && <ul>{outcome.refused.map((r) => <li key={r.name}>{r.name}: {r.reason}</li>)}</ul>}
        </Notice>
      )}
      <ErrorNotice error={error} />
      {inbox.loading && !inbox.data ? <Loading /> : <ErrorNotice error={inbox.error} />}
      {inbox.data && (
        <>
          <p>{t('inbox.summary', { count: inbox.data.total, overdue: inbox.data.overdue })}</p>
          <TaskTable tasks={items} selectable={selectable} selected={selected} onToggle={toggle} onToggleAll={toggleAll} />
          <Pager page={inbox.data.page} pageSize={inbox.data.pageSize} total={inbox.data.total} onPage={(p) => apply(filters, p)} />
          {inbox.data.total > 0 && (
            <ExportButton fileName="viec-can-xu-ly.xlsx" table={async (progress) => ({
              sheetName: t('inbox.title'),
              title: t('inbox.title'),
              subtitle: t('inbox.summary', { count: inbox.data!.total, overdue: inbox.data!.overdue }),
              columns: [t('inbox.task'), t('list.dossierNumber'), t('common.nominee'), t('inbox.fromUnit'), t('common.award'), t('form.year'), t('common.level'), t('inbox.due'), t('inbox.overdue')].map((header, i) => ({ header, width: [18, 16, 28, 30, 36, 8, 12, 18, 10][i] })),
              rows: (await allPages((p, size) => data(client.GET('/inbox', { params: { query: { ...inboxQuery(filters, p), pageSize: size } } })), 200, progress))
                .map((x) => [label('task', x.kind), x.dossierNumber ?? '', x.nomineeName, x.unitNameVi ? pick(x.unitNameVi, x.unitNameEn ?? x.unitNameVi) : x.unitId, label('award', x.awardCode), x.year, label('level', x.level), dateTime(x.dueAt), x.overdue ? '✓' : '']),
            })} />
          )}
          <div className="actions">
            {canReview && (
              <button type="button" className="primary" disabled={busy || chosen('REVIEW').length === 0} aria-expanded={confirming} onClick={() => setConfirming(true)}>
                {t('inbox.approveSelected', { count: chosen('REVIEW').length })}
              </button>
            )}
            {canSign && (
              <button type="button" className="primary" disabled={busy || chosen('DECISION').length === 0} onClick={signBatch}>{t('inbox.signBatch', { count: chosen('DECISION').length })}</button>
            )}
          </div>
          {confirming && canReview && (
            <section className="card action-card" aria-label={t('inbox.confirmApprove')}>
              <h2>{t('inbox.confirmApprove')}</h2>
              <p>{t('inbox.confirmApproveText', { count: chosen('REVIEW').length })}</p>
              <Field id="batch-justification" label={t('inbox.batchJustification')}>
                <textarea id="batch-justification" value={justification} onChange={(e) => setJustification(e.target.value)} rows={3} />
              </Field>
              <div className="actions">
                <button type="button" className="primary" disabled={busy || chosen('REVIEW').length === 0} onClick={approveSelected}>{t('inbox.approveConfirm', { count: chosen('REVIEW').length })}</button>
                <button type="button" disabled={busy} onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
              </div>
            </section>
          )}
        </>
      )}
    </section>
  );
}
