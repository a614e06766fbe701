import { useState } from 'react';
import { rotation } from '@vinhdanh/domain/movement/cluster';
import { client, data, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Badge, BarChart, ErrorNotice, Loading, Notice, PageTitle, asApiError, useLabel, useLoad } from '../ui/kit';
import { ExportButton } from '../ui/export';

type Round = Schemas['ClusterRoundDetail'];

/** The emulation clusters and blocks (cụm, khối thi đua): members, this year's leader, the scored years. */
export function ClustersPage() {
  const { t, pick } = useI18n();
  const { actor, has } = useSession();
  const list = useLoad(() => client.GET('/clusters'), []);
  const [error, setError] = useState<ApiError>();
  const year = new Date().getFullYear() - 1;
  async function open(id: string) {
    setError(undefined);
    try {
      const r = await data(client.POST('/clusters/{id}/rounds', { params: { path: { id } }, body: { year } }));
      navigate(`/clusters/rounds/${r.id}`);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{t('cluster.title')}</PageTitle>
      <p className="muted">{t('cluster.intro')}</p>
      <ErrorNotice error={error} />
      {list.loading && !list.data ? <Loading /> : <ErrorNotice error={list.error} />}
      {list.data?.items.map((c) => {
        const name = (id: string) => { const m = c.memberNames.find((x) => x.unitId === id); return m ? pick(m.nameVi, m.nameEn) : id; };
        const lead = rotation(c, year);
        const scored = c.rounds.find((r) => r.year === year);
        return (
          <article key={c.id} className="card" aria-labelledby={`cluster-${c.id}`}>
            <h2 id={`cluster-${c.id}`}>{pick(c.nameVi, c.nameEn)}</h2>
            <p>{t('cluster.members')}: {c.members.map(name).join(', ')}</p>
            <p>{t('cluster.leaderOf', { year, leader: name(lead.leaderUnitId), deputy: name(lead.deputyUnitId) })}</p>
            <ul className="plain">
              {c.rounds.map((r) => <li key={r.id}><Link to={`/clusters/rounds/${r.id}`}>{t('cluster.roundOf', { year: r.year })}</Link> <Badge tone={r.status === 'CLOSED' ? 'good' : 'info'}>{t(`cluster.status.${r.status}`)}</Badge></li>)}
            </ul>
            {!scored && has('DECISION_MAKER') && actor?.unitId === lead.leaderUnitId && (
              <button type="button" className="primary" onClick={() => void open(c.id)}>{t('cluster.open', { year })}</button>
            )}
          </article>
        );
      })}
    </section>
  );
}

/** A year's scoring: the reader's sheet while it is open, the ranking and its proposals once closed. */
export function ClusterRoundPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const { actor, has } = useSession();
  const round = useLoad(() => client.GET('/clusters/rounds/{roundId}', { params: { path: { roundId: id } } }), [id]);
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>({});
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const r: Round | undefined = round.data;
  if (!r) return round.error ? <ErrorNotice error={round.error} /> : <Loading />;
  const c = r.cluster;
  const name = (unitId: string) => { const m = c.memberNames.find((x) => x.unitId === unitId); return m ? pick(m.nameVi, m.nameEn) : unitId; };
  const member = has('DECISION_MAKER') && !!actor && c.members.includes(actor.unitId);
  const own = r.sheets.find((s) => s.unitId === actor?.unitId)?.scores;
  const value = (unit: string, code: string) => edits[unit]?.[code] ?? (own?.[unit]?.[code] !== undefined ? String(own[unit][code]) : '');
  async function act(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      setDone(message);
      setEdits({});
      setConfirming(false);
      round.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const sheet = () => Object.fromEntries(c.members.map((u) => [u, Object.fromEntries(c.criteria.map((k) => [k.code, Number(value(u, k.code).replace(',', '.'))]))]));

  return (
    <section>
      <PageTitle>{t('cluster.roundTitle', { cluster: pick(c.nameVi, c.nameEn), year: r.year })}</PageTitle>
      <p><Badge tone={r.status === 'CLOSED' ? 'good' : 'info'}>{t(`cluster.status.${r.status}`)}</Badge> {t('cluster.leaderOf', { year: r.year, leader: name(r.leaderUnitId), deputy: name(r.deputyUnitId) })}</p>
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorNotice error={error} />
      <section className="card" aria-labelledby="cluster-pledge">
        <h2 id="cluster-pledge">{t('cluster.pledge')}</h2>
        <p>{c.pledgeVi}</p>
        <p className="muted">{t('cluster.pledgeSigned', { names: r.pledgeSignedBy.map(name).join(', ') || '—' })}</p>
        {r.status === 'SCORING' && member && actor && !r.pledgeSignedBy.includes(actor.unitId) && (
          <button type="button" onClick={() => void act(() => data(client.POST('/clusters/rounds/{roundId}/pledge', { params: { path: { roundId: id } } })), t('cluster.pledgeDone'))}>{t('cluster.signPledge')}</button>
        )}
      </section>
      {r.status === 'SCORING' && member && (
        <section className="card" aria-labelledby="cluster-sheet">
          <h2 id="cluster-sheet">{t('cluster.sheet')}</h2>
          <p className="hint">{t('cluster.sheetHint')}</p>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('list.unit')}</th>{c.criteria.map((k) => <th key={k.code} scope="col">{pick(k.nameVi, k.nameEn)} ({t('cluster.max', { max: k.maxScore })})</th>)}</tr></thead>
              <tbody>
                {c.members.map((u) => (
                  <tr key={u}>
                    <th scope="row">{name(u)}</th>
                    {c.criteria.map((k) => (
                      <td key={k.code}><input className="short" inputMode="decimal" aria-label={t('cluster.scoreFor', { unit: name(u), criterion: pick(k.nameVi, k.nameEn) })} value={value(u, k.code)} onChange={(e) => setEdits({ ...edits, [u]: { ...edits[u], [k.code]: e.target.value } })} /></td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" className="primary" onClick={() => void act(() => data(client.POST('/clusters/rounds/{roundId}/scores', { params: { path: { roundId: id } }, body: { sheet: sheet() } })), t('cluster.sheetSent'))}>{t('cluster.sendSheet')}</button>
        </section>
      )}
      {r.status === 'SCORING' && has('DECISION_MAKER') && actor?.unitId === r.leaderUnitId && (
        <section className="card action-card" aria-labelledby="cluster-close">
          <h2 id="cluster-close">{t('cluster.close')}</h2>
          <p>{t('cluster.scoredBy', { count: r.scoredBy.length, total: c.members.length, names: r.scoredBy.map(name).join(', ') || '—' })}</p>
          {!confirming
            ? <button type="button" onClick={() => setConfirming(true)}>{t('cluster.close')}…</button>
            : <><p>{t('cluster.closeConfirm')}</p><button type="button" className="primary" onClick={() => void act(() => data(client.POST('/clusters/rounds/{roundId}/close', { params: { path: { roundId: id } } })), t('cluster.closed'))}>{t('cluster.closeNow')}</button> <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button></>}
        </section>
      )}
      {r.ranking && (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t('cluster.ranking')}</caption>
              <thead><tr><th scope="col">{t('cluster.rank')}</th><th scope="col">{t('list.unit')}</th><th scope="col">{t('cluster.peerScore')}</th><th scope="col">{t('cluster.selfScore')}</th><th scope="col">{t('cluster.proposal')}</th></tr></thead>
              <tbody>
                {r.ranking.map((x) => (
                  <tr key={x.unitId}>
                    <td>{x.rank}{x.tied ? ` (${t('cluster.tied')})` : ''}</td><th scope="row">{name(x.unitId)}</th><td>{x.peerScore}</td><td>{x.selfScore ?? '—'}</td>
                    <td>{x.proposal ? label('award', x.proposal) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ExportButton fileName={`xep-hang-${c.id}-${r.year}.xlsx`} table={async () => ({
            sheetName: t('cluster.ranking'), title: t('cluster.roundTitle', { cluster: c.nameVi, year: r.year }),
            columns: [t('cluster.rank'), t('list.unit'), t('cluster.peerScore'), t('cluster.selfScore'), t('cluster.proposal')].map((header, i) => ({ header, width: [8, 40, 18, 14, 36][i] })),
            rows: r.ranking!.map((x) => [x.rank + (x.tied ? ` (${t('cluster.tied')})` : ''), name(x.unitId), x.peerScore, x.selfScore ?? '', x.proposal ? label('award', x.proposal) : '']),
          })} />
          <BarChart title={t('cluster.peerScore')} rows={r.ranking.map((x) => ({ label: name(x.unitId), value: x.peerScore }))} max={100} />
        </>
      )}
      <p><Link to="/clusters">{t('cluster.back')}</Link></p>
    </section>
  );
}
