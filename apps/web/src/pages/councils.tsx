import { useState } from 'react';
import { client, data, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { Badge, ErrorNotice, Field, Loading, PageTitle, asApiError, describedBy, useLabel, useLoad } from '../ui/kit';
import type { ApiError } from '../api';

export type MySessions = Schemas['MyCouncils'];

/** Default voting window: a week, closing at 17:00 local time. */
function defaultDeadline(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setHours(17, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}

function OpenSession({ councilId }: { councilId: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const waiting = useLoad(() => client.GET('/councils/{councilId}/waiting', { params: { path: { councilId } } }), [councilId]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [deadline, setDeadline] = useState(defaultDeadline);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const items = waiting.data ?? [];
  const selected = chosen.size ? chosen : new Set(items.map((i) => i.nominationId));

  async function open() {
    setBusy(true);
    setError(undefined);
    try {
      // A retried click finds the nominations already on the session (409 ALREADY_IN_SESSION): never a second session.
      const r = await data(client.POST('/councils/{councilId}/sessions', { params: { path: { councilId } }, body: { nominationIds: [...selected], deadline: new Date(deadline).toISOString() } }));
      navigate(`/councils/sessions/${r.sessionId}`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  if (waiting.loading && !waiting.data) return <Loading />;
  return (
    <div>
      <h3>{t('councils.waiting', { count: items.length })}</h3>
      {items.length === 0 ? <p className="muted">{t('councils.nothingWaiting')}</p> : (
        <>
          <fieldset>
            <legend>{t('councils.choose')}</legend>
            <ul className="plain">
              {items.map((i) => (
                <li key={i.nominationId}>
                  <label>
                    <input type="checkbox" checked={selected.has(i.nominationId)} onChange={() => {
                      const next = new Set(selected);
                      if (next.has(i.nominationId)) next.delete(i.nominationId);
                      else next.add(i.nominationId);
                      setChosen(next);
                    }} />{' '}
                    {i.nomineeName} — {label('award', i.awardCode)} ({i.unitId}, {i.year})
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <Field id={`deadline-${councilId}`} label={t('councils.deadline')} error={error?.body.field === 'deadline' ? error.body.messageVi : undefined}>
            <input {...describedBy(`deadline-${councilId}`)} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </Field>
          <ErrorNotice error={error} />
          <button type="button" className="primary" disabled={busy || selected.size === 0} onClick={open}>{t('councils.open', { count: selected.size })}</button>
        </>
      )}
    </div>
  );
}

export function CouncilsPage() {
  const { t, pick, dateTime } = useI18n();
  const label = useLabel();
  const mine = useLoad(() => client.GET('/councils/mine'), []);
  if (mine.loading && !mine.data) return <Loading />;
  if (!mine.data) return <ErrorNotice error={mine.error} />;
  return (
    <section>
      <PageTitle>{t('councils.title')}</PageTitle>
      {mine.data.councils.length === 0 && <p className="muted">{t('councils.none')}</p>}
      {mine.data.councils.map((c) => {
        const sessions = mine.data!.sessions.filter((s) => s.councilId === c.id);
        return (
          <article className="card" key={c.id}>
            <h2>{pick(c.nameVi, c.nameEn)}</h2>
            <p className="muted">{t('councils.yourRole')}: {label('councilRole', c.role)}</p>
            {c.role === 'SECRETARY' && <OpenSession councilId={c.id} />}
            <h3>{t('councils.sessions')}</h3>
            {sessions.length === 0 ? <p className="muted">{t('councils.noSessions')}</p> : (
              <div className="table-wrap">
                <table>
                  <thead><tr><th scope="col">{t('councils.opened')}</th><th scope="col">{t('councils.deadline')}</th><th scope="col">{t('list.status')}</th><th scope="col">{t('session.turnout')}</th><th scope="col">{t('councils.you')}</th></tr></thead>
                  <tbody>
                    {sessions.map((s) => (
                      <tr key={s.id}>
                        <td><Link to={`/councils/sessions/${s.id}`}>{dateTime(s.openedAt)}</Link></td>
                        <td>{dateTime(s.deadline)}</td>
                        <td><Badge tone={s.status === 'OPEN' ? 'info' : 'neutral'}>{label('sessionStatus', s.status)}</Badge></td>
                        <td>{s.voted}/{s.memberCount}</td>
                        <td>{s.iVoted ? t('session.youVoted') : s.status === 'OPEN' ? t('session.notVoted') : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}
