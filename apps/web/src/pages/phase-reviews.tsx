import { useState } from 'react';
import { REPORT_FIGURES } from '@vinhdanh/domain/movement/phase-review';
import { client, data, download, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Badge, DateInput, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLoad, useRefreshWhile } from '../ui/kit';

type Review = Schemas['PhaseReviewDetail'];
type UnitRow = Review['units'][number];
const MOVEMENT = 'ke-hoach-823-kh-ubnd-2022';

/** Phase reviews (sơ kết, tổng kết): Home Affairs opens them; units find the ones they report to. */
export function PhaseReviewsPage() {
  const { t, date } = useI18n();
  const { has } = useSession();
  const list = useLoad(() => client.GET('/phase-reviews'), []);
  const [phase, setPhase] = useState<'SO_KET' | 'TONG_KET'>('SO_KET');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<ApiError>();
  async function open() {
    setError(undefined);
    try {
      const r = await data(client.POST('/phase-reviews', { body: { movementId: MOVEMENT, phase, deadline } }));
      navigate(`/phase-reviews/${r.id}`);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{t('phase.title')}</PageTitle>
      <p className="muted">{t('phase.intro')}</p>
      {has('REVIEWER') && (
        <form className="card form-grid" aria-label={t('phase.openForm')} onSubmit={(e) => { e.preventDefault(); void open(); }}>
          <Field id="review-phase" label={t('phase.phase')}>
            <select {...describedBy('review-phase')} value={phase} onChange={(e) => setPhase(e.target.value as 'SO_KET')}>
              <option value="SO_KET">{t('phase.phase.SO_KET')}</option>
              <option value="TONG_KET">{t('phase.phase.TONG_KET')}</option>
            </select>
          </Field>
          <Field id="review-deadline" label={t('phase.deadline')}><DateInput id="review-deadline" value={deadline} onChange={setDeadline} /></Field>
          <div className="wide"><ErrorNotice error={error} /><button type="submit" className="primary">{t('phase.open')}</button></div>
        </form>
      )}
      {list.loading && !list.data ? <Loading /> : <ErrorNotice error={list.error} />}
      {list.data && (list.data.items.length === 0 ? <p className="muted">{t('phase.none')}</p> : (
        <ul className="plain">
          {list.data.items.map((r) => (
            <li key={r.id}><Link to={`/phase-reviews/${r.id}`}>{r.titleVi}</Link> · {t('phase.deadlineIs', { date: date(r.deadline) })} <Badge tone={r.status === 'AGGREGATED' ? 'good' : 'info'}>{t(`phase.status.${r.status}`)}</Badge></li>
          ))}
        </ul>
      ))}
    </section>
  );
}

const tone = (u: UnitRow) => (u.status === 'SUBMITTED' ? 'good' : u.status === 'MISSING' ? 'bad' : u.overdue ? 'warn' : 'info');

/** One review: the unit's own report form, or for Home Affairs every unit's progress, the close and the workbook. */
export function PhaseReviewPage({ id }: { id: string }) {
  const { t, pick, date } = useI18n();
  const { actor } = useSession();
  const review = useLoad(() => client.GET('/phase-reviews/{id}', { params: { path: { id } } }), [id]);
  const [figures, setFigures] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const r = review.data;
  // Closing: the units' tasks are told and the figures added up, a moment later; the page follows.
  useRefreshWhile(r?.status === 'CLOSING', review.reload, 1000, r);
  if (!r) return review.error ? <ErrorNotice error={review.error} /> : <Loading />;
  const overseer = r.units.length > 1 || !r.units.some((u) => u.unitId === actor?.unitId);
  const own = r.units.find((u) => u.unitId === actor?.unitId);
  async function act(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    try {
      await action();
      setDone(message);
      setConfirming(false);
      review.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const name = (u: UnitRow) => (u.unitNameVi ? pick(u.unitNameVi, u.unitNameEn ?? u.unitNameVi) : u.unitId);
  return (
    <section>
      <PageTitle>{r.titleVi}</PageTitle>
      <p><Badge tone={r.status === 'AGGREGATED' ? 'good' : 'info'}>{t(`phase.status.${r.status}`)}</Badge> {t('phase.deadlineIs', { date: date(r.deadline) })}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorNotice error={error} />
      {own && own.status === 'OPEN' && !overseer && (
        <form className="card form-grid" aria-label={t('phase.reportForm')} onSubmit={(e) => { e.preventDefault(); void act(() => data(client.POST('/phase-reviews/{id}/report', { params: { path: { id } }, body: { figures: Object.fromEntries(REPORT_FIGURES.map((k) => [k, Number(figures[k] ?? 0)])) as Schemas['FiguresDto'], summary } })), t('phase.sent')); }}>
          {own.overdue && <p className="wide"><Badge tone="warn">{t('phase.overdue')}</Badge></p>}
          {REPORT_FIGURES.map((k) => (
            <Field key={k} id={`figure-${k}`} label={t(`phase.figure.${k}`)}>
              <input {...describedBy(`figure-${k}`)} className="short" inputMode="numeric" value={figures[k] ?? ''} onChange={(e) => setFigures({ ...figures, [k]: e.target.value.replace(/\D/g, '') })} />
            </Field>
          ))}
          <Field id="review-summary" label={t('phase.summary')}><textarea {...describedBy('review-summary')} rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} /></Field>
          <div className="wide"><button type="submit" className="primary">{t('phase.send')}</button></div>
        </form>
      )}
      {r.totals && <p>{t('phase.totals', { submitted: r.totals.submitted, units: r.totals.units, late: r.totals.late, missing: r.totals.missing })}</p>}
      <div className="table-wrap">
        <table>
          <caption>{t('phase.unitsCaption')}</caption>
          <thead><tr><th scope="col">{t('list.unit')}</th><th scope="col">{t('phase.statusCol')}</th>{REPORT_FIGURES.map((k) => <th key={k} scope="col">{t(`phase.figure.${k}`)}</th>)}<th scope="col">{t('phase.proposedAtReview')}</th></tr></thead>
          <tbody>
            {r.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{name(u)}</th>
                <td><Badge tone={tone(u)}>{t(`phase.unit.${u.status}`)}{u.late ? ` · ${t('phase.late')}` : u.status === 'OPEN' && u.overdue ? ` · ${t('phase.overdue')}` : ''}</Badge></td>
                {REPORT_FIGURES.map((k) => <td key={k}>{u.figures?.[k] ?? '—'}</td>)}
                <td>{u.proposedAtReview} ({u.awardedAtReview})</td>
              </tr>
            ))}
            {r.totals && (
              <tr><th scope="row">{t('report.total')}</th><td>{r.totals.submitted}/{r.totals.units}</td>{REPORT_FIGURES.map((k) => <td key={k}>{r.totals!.figures[k]}</td>)}<td>{r.units.reduce((s, u) => s + u.proposedAtReview, 0)} ({r.units.reduce((s, u) => s + u.awardedAtReview, 0)})</td></tr>
            )}
          </tbody>
        </table>
      </div>
      {overseer && (
        <div className="actions">
          <button type="button" onClick={() => void download(client.GET('/phase-reviews/{id}/report.xlsx', { params: { path: { id } }, parseAs: 'blob' }), `tong-hop-${r.phase === 'SO_KET' ? 'so-ket' : 'tong-ket'}.xlsx`)}>{t('phase.xlsx')}</button>
          {r.status === 'OPEN' && (!confirming
            ? <button type="button" onClick={() => setConfirming(true)}>{t('phase.close')}…</button>
            : <><span>{t('phase.closeConfirm')}</span> <button type="button" className="primary" onClick={() => void act(() => data(client.POST('/phase-reviews/{id}/close', { params: { path: { id } } })), t('phase.closed'))}>{t('phase.closeNow')}</button></>)}
        </div>
      )}
      <p><Link to="/phase-reviews">{t('phase.back')}</Link></p>
    </section>
  );
}
