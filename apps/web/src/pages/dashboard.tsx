import { useState } from 'react';
import { client, download } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { BarChart, DateInput, ErrorNotice, FilterField, Loading, PageTitle, useLabel, useLoad } from '../ui/kit';


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
      <CommendationReport />
    </section>
  );
}

/**
 * The statistical report of commendation for a period: the awards conferred by award, deciding level
 * and unit, with the priority groups, as a chart and as the workbook Sở Nội vụ files.
 */
function CommendationReport() {
  const { t, pick } = useI18n();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [period, setPeriod] = useState({ from, to });
  const report = useLoad(() => client.GET('/reports/commendations', { params: { query: period } }), [period.from, period.to]);
  const r = report.data;
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      <form className="filters" aria-label={t('report.period')} onSubmit={(e) => { e.preventDefault(); setPeriod({ from, to }); }}>
        <FilterField id="report-from" label={t('report.from')}><DateInput id="report-from" value={from} onChange={setFrom} /></FilterField>
        <FilterField id="report-to" label={t('report.to')}><DateInput id="report-to" value={to} onChange={setTo} /></FilterField>
        <button type="submit" className="primary">{t('report.show')}</button>
        <button type="button" onClick={() => void download(client.GET('/reports/commendations.xlsx', { params: { query: period }, parseAs: 'blob' }), `bao-cao-khen-thuong-${period.from}-${period.to}.xlsx`)}>{t('report.xlsx')}</button>
      </form>
      <ErrorNotice error={report.error} />
      {r && (r.total.total === 0 ? <p className="muted">{t('report.none')}</p> : (
        <>
          <p>{t('report.summary', { total: r.total.total, individuals: r.total.individuals, collectives: r.total.collectives, priority: r.total.priority, share: pct(r.total.priority, r.total.total) })}</p>
          <div className="grid">
            <BarChart title={t('report.byAward')} rows={r.byAward.map((x) => ({ label: pick(x.labelVi, x.labelEn), value: x.total, note: t('report.priorityNote', { count: x.priority }) }))} />
            <BarChart title={t('report.byLevel')} rows={r.byLevel.map((x) => ({ label: pick(x.labelVi, x.labelEn), value: x.total }))} />
            <BarChart title={t('report.byUnit')} rows={r.byUnit.map((x) => ({ label: pick(x.labelVi, x.labelEn), value: x.total, note: t('report.priorityNote', { count: x.priority }) }))} />
          </div>
        </>
      ))}
    </section>
  );
}
