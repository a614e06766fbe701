import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { Badge, ErrorNotice, Loading, PageTitle, useLabel, useLoad } from '../ui/kit';
import { client } from '../api';
import { TaskTable, type Task } from './inbox';
import { DraftList } from './nomination-form';

/** The first few tasks of a kind, soonest due first, and a link to all of them in the inbox. */
function TopTasks({ kind }: { kind: Task['kind'] }) {
  const { t } = useI18n();
  const tasks = useLoad(() => client.GET('/inbox', { params: { query: { kind, pageSize: 5 } } }), [kind]);
  if (!tasks.data) return tasks.loading ? <Loading /> : <ErrorNotice error={tasks.error} />;
  return (
    <>
      <TaskTable tasks={tasks.data.items} />
      {tasks.data.total > tasks.data.items.length && <Link to={`/inbox?kind=${kind}`}>{t('home.allTasks', { count: tasks.data.total })}</Link>}
    </>
  );
}

/** One home per person: what their roles ask of them today, first. */
export function HomePage() {
  const { t, pick, dateTime } = useI18n();
  const { actor, councils: memberships, has } = useSession();
  const label = useLabel();
  const councils = useLoad(memberships.length ? () => client.GET('/councils/mine') : null, []);
  const notes = useLoad(() => client.GET('/notifications'), []);
  if (!actor) return null;
  const openSessions = (councils.data?.sessions ?? []).filter((s) => s.status === 'OPEN');

  return (
    <section>
      <PageTitle>{t('home.greeting', { name: actor.fullName })}</PageTitle>
      <p className="muted">{t('home.roles')}: {actor.roles.map((r) => label('role', r)).join(', ')}</p>
      <div className="grid">
        {has('CLERK') && (
          <article className="card">
            <h2>{t('home.clerk')}</h2>
            <div className="actions">
              <Link className="button primary" to="/nominations/new">{t('home.newNomination')}</Link>
              <Link className="button" to="/nominations/bulk">{t('home.bulk')}</Link>
              <Link className="button" to="/nominations/import">{t('home.import')}</Link>
              <Link className="button" to="/nominations">{t('home.unitNominations')}</Link>
            </div>
            <h3>{t('drafts.title')}</h3>
            <DraftList />
            <h3>{t('home.supplements')}</h3>
            <TopTasks kind="SUPPLEMENT" />
          </article>
        )}
        {has('REVIEWER') && (
          <article className="card">
            <h2>{t('home.reviewer')}</h2>
            <TopTasks kind="REVIEW" />
          </article>
        )}
        {has('DECISION_MAKER') && (
          <article className="card">
            <h2>{t('home.decider')}</h2>
            <TopTasks kind="DECISION" />
            <Link to="/inbox">{t('home.signSeveral')}</Link>
          </article>
        )}
        {memberships.length > 0 && (
          <article className="card">
            <h2>{t('home.council')}</h2>
            {openSessions.length === 0 ? <p className="muted">{t('home.noSessions')}</p> : (
              <ul className="plain">
                {openSessions.map((s) => (
                  <li key={s.id}>
                    <Link to={`/councils/sessions/${s.id}`}>{t('home.sessionLine', { items: s.itemCount, deadline: dateTime(s.deadline) })}</Link>{' '}
                    {s.iVoted ? <Badge tone="good">{t('session.youVoted')}</Badge> : <Badge tone="warn">{t('session.notVoted')}</Badge>}
                  </li>
                ))}
              </ul>
            )}
            <Link to="/councils">{t('nav.councils')}</Link>
          </article>
        )}
        {has('AUDITOR', 'ADMIN') && (
          <article className="card">
            <h2>{t('home.auditor')}</h2>
            <p>{t('home.auditorText')}</p>
            <Link className="button primary" to="/audit">{t('nav.audit')}</Link>
          </article>
        )}
        <article className="card">
          <h2>{t('home.notifications')}</h2>
          {(notes.data?.items ?? []).length === 0 ? <p className="muted">{t('home.noNotifications')}</p> : (
            <ul className="plain">
              {notes.data!.items.slice(0, 8).map((n) => (
                <li key={n.id}>
                  <span className="muted">{dateTime(n.createdAt)}</span> —{' '}
                  {n.nominationId ? <Link to={`/nominations/${n.nominationId}`}>{pick(n.subjectVi, n.subjectEn)}</Link> : pick(n.subjectVi, n.subjectEn)}
                </li>
              ))}
            </ul>
          )}
        </article>
      </div>
    </section>
  );
}
