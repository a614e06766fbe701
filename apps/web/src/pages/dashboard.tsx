import { useState } from 'react';
import { client } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { BarChart, ErrorNotice, Loading, PageTitle, useLabel, useLoad } from '../ui/kit';


const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

export function DashboardPage() {
  const { t, dateTime, pick } = useI18n();
  const label = useLabel();
  const [year, setYear] = useState('');
  const d = useLoad(() => client.GET('/dashboard', { params: { query: { year: /^\d{4}$/.test(year) ? Number(year) : undefined } } }), [year]);
  const data = d.data;
  const levels = data ? [...new Set(data.byStatus.map((r) => r.level))] : [];
  const total = data?.byStatus.reduce((s, r) => s + r.count, 0) ?? 0;
  const individuals = data?.priorities.find((p) => p.nomineeKind === 'INDIVIDUAL');
  const collectives = data?.priorities.find((p) => p.nomineeKind === 'COLLECTIVE');
  const awardedAll = data?.priorities.reduce((s, p) => s + p.awarded, 0) ?? 0;
  const priorityAll = data?.priorities.reduce((s, p) => s + p.priority, 0) ?? 0;

  return (
    <section>
      <PageTitle>{t('dash.title')}</PageTitle>
      <label htmlFor="dash-year">{t('form.year')}</label>{' '}
      <input id="dash-year" className="short" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} placeholder={t('list.any')} />
      {d.loading && !data ? <Loading /> : <ErrorNotice error={d.error} />}
      {data && (
        <>
          <div className="stats" role="list">
            <div className="stat" role="listitem"><span className="stat-value">{total}</span><span>{t('dash.total')}</span></div>
            <div className="stat" role="listitem"><span className="stat-value">{data.byStatus.filter((r) => r.status === 'AWARDED').reduce((s, r) => s + r.count, 0)}</span><span>{label('status', 'AWARDED')}</span></div>
            <div className={`stat${data.overdue.total ? ' stat-bad' : ''}`} role="listitem"><span className="stat-value">{data.overdue.total}</span><span>{t('dash.overdue')}</span></div>
            <div className="stat" role="listitem"><span className="stat-value">{pct(priorityAll, awardedAll)}%</span><span>{t('dash.priorityShare')}</span></div>
          </div>
          <div className="grid">
            {levels.map((level) => (
              <BarChart key={level} title={t('dash.byStatusAt', { level: label('level', level) })} rows={data.byStatus.filter((r) => r.level === level).map((r) => ({ label: label('status', r.status), value: r.count }))} />
            ))}
            <BarChart title={t('dash.byAward')} rows={data.byAward.map((r) => ({ label: label('award', r.awardCode), value: r.total, note: `${label('status', 'AWARDED')}: ${r.awarded}` }))} />
            <BarChart title={t('dash.processing')} unit={` ${t('dash.days')}`} rows={data.processing.map((r) => ({ label: `${label('level', r.level)} · ${label('award', r.awardCode)}`, value: r.medianDays, note: t('dash.avgOf', { avg: r.avgDays, count: r.count }) }))} />
            <BarChart
              title={t('dash.priorities')}
              unit="%"
              max={100}
              rows={[
                ...(individuals ? [{ label: t('dash.frontLine'), value: pct(individuals.priority, individuals.awarded), note: `${individuals.priority}/${individuals.awarded}` }] : []),
                ...(collectives ? [{ label: t('dash.smallCollectives'), value: pct(collectives.priority, collectives.awarded), note: `${collectives.priority}/${collectives.awarded}` }] : []),
              ]}
            />
          </div>
          <p className="muted">{t('dash.priorityNote')}</p>
          <section className="card" aria-labelledby="by-unit-title">
            <h2 id="by-unit-title">{t('dash.byUnit')}</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr><th scope="col">{t('list.unit')}</th><th scope="col">{t('dash.total')}</th><th scope="col">{label('status', 'AWARDED')}</th><th scope="col">{t('dash.closed')}</th><th scope="col">{t('dash.open')}</th><th scope="col">{t('dash.priorityAwarded')}</th></tr>
                </thead>
                <tbody>
                  {data.byUnit.map((u) => (
                    <tr key={u.unitId}>
                      <th scope="row"><Link to={`/nominations?unitId=${encodeURIComponent(u.unitId)}`}>{u.unitNameVi ? pick(u.unitNameVi, u.unitNameEn ?? u.unitNameVi) : u.unitId}</Link></th>
                      <td>{u.total}</td><td>{u.awarded}</td><td>{u.closed}</td><td>{u.open}</td>
                      <td>{u.priorityAwarded} ({pct(u.priorityAwarded, u.awarded)}%)</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="overdue-title">
            <h2 id="overdue-title">{t('dash.overdueTasks')}</h2>
            {data.overdue.tasks.length === 0 ? <p className="muted">{t('dash.noOverdue')}</p> : (
              <ul className="plain">
                {data.overdue.tasks.map((x) => (
                  <li key={x.id}><Link to={`/nominations/${x.nominationId}`}>{x.nomineeName}</Link> — {label('task', x.kind)}, {label('level', x.level)}, {t('inbox.due')} {dateTime(x.dueAt)}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
