import { useState } from 'react';
import { client, data, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { Badge, ErrorNotice, Loading, Notice, PageTitle, asApiError, useLabel, useLoad } from '../ui/kit';
import type { ApiError } from '../api';

/** The API's inbox row (GET /inbox). */
export type Task = Schemas['InboxTask'];

/** Tasks with their deadlines; overdue ones say so in words and colour, not colour alone. */
export function TaskTable({ tasks, selectable, selected, onToggle }: { tasks: Task[]; selectable?: (t: Task) => boolean; selected?: Set<string>; onToggle?: (id: string) => void }) {
  const { t, dateTime } = useI18n();
  const label = useLabel();
  if (tasks.length === 0) return <p className="muted">{t('inbox.empty')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {selectable && <th scope="col"><span className="visually-hidden">{t('inbox.select')}</span></th>}
            <th scope="col">{t('inbox.task')}</th>
            <th scope="col">{t('common.nominee')}</th>
            <th scope="col">{t('common.award')}</th>
            <th scope="col">{t('common.level')}</th>
            <th scope="col">{t('inbox.due')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={`${task.nominationId}:${task.key}`} className={task.overdue ? 'row-overdue' : undefined}>
              {selectable && (
                <td>
                  {selectable(task) && (
                    <input type="checkbox" aria-label={t('inbox.selectOne', { name: task.nomineeName })} checked={selected?.has(task.nominationId) ?? false} onChange={() => onToggle?.(task.nominationId)} />
                  )}
                </td>
              )}
              <td><Link to={`/nominations/${task.nominationId}`}>{label('task', task.kind)}</Link></td>
              <td>{task.nomineeName}</td>
              <td>{label('award', task.awardCode)} ({task.year})</td>
              <td>{label('level', task.level)}</td>
              <td>
                {dateTime(task.dueAt)} {task.overdue && <Badge tone="bad">{t('inbox.overdue')}</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InboxPage() {
  const { t, pick } = useI18n();
  const { has } = useSession();
  const inbox = useLoad(() => client.GET('/inbox'), []);
  const [selected, setSelected] = useState(new Set<string>());
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<string>();
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  /** Several conferrals signed as one decision (one number), as provinces do at year end. */
  async function signBatch() {
    setBusy(true);
    setError(undefined);
    try {
      // The batch key is derived from the list itself: the same list sent again joins the same decision.
      const r = await data(client.POST('/decisions', { body: { nominationIds: [...selected] } }));
      const ok = r.results.flatMap((x) => (x.ok ? [x] : []));
      const failed = r.results.flatMap((x) => (x.ok ? [] : [x]));
      setResult(t('inbox.batchDone', { count: ok.length, number: ok[0]?.decision?.number ?? '—' }) + failed.map((f) => ` ${pick(f.error.messageVi, f.error.messageEn)}`).join(''));
      setSelected(new Set());
      inbox.reload();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const items = inbox.data?.items ?? [];
  const overdue = items.filter((i) => i.overdue).length;
  return (
    <section>
      <PageTitle>{t('inbox.title')}</PageTitle>
      {inbox.loading && !inbox.data ? <Loading /> : <ErrorNotice error={inbox.error} />}
      {inbox.data && (
        <>
          <p>{t('inbox.summary', { count: items.length, overdue })}</p>
          <TaskTable tasks={items} selectable={has('DECISION_MAKER') ? (x) => x.kind === 'DECISION' : undefined} selected={selected} onToggle={toggle} />
          {has('DECISION_MAKER') && items.some((x) => x.kind === 'DECISION') && (
            <div className="actions">
              <button type="button" className="primary" disabled={busy || selected.size === 0} onClick={signBatch}>{t('inbox.signBatch', { count: selected.size })}</button>
            </div>
          )}
        </>
      )}
      <ErrorNotice error={error} />
      {result && <Notice kind="success">{result}</Notice>}
    </section>
  );
}
