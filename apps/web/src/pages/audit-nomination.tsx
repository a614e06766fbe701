import { useState } from 'react';
import { client, data, saveBlob, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { ruleName } from '../vocabulary';
import { Badge, ErrorNotice, Loading, Notice, PageTitle, asApiError, useLabel, useLoad } from '../ui/kit';


/** One nomination as an auditor sees it: the timeline from Temporal's history, replay, export. */
export function AuditNominationPage({ id }: { id: string }) {
  const { t, lang, dateTime } = useI18n();
  const label = useLabel();
  const timeline = useLoad(() => client.GET('/audit/nominations/{id}/timeline', { params: { path: { id }, query: { lang } } }), [id, lang]);
  // Named as people name the dossier: its nominee and number, not a fragment of its id.
  const nomination = useLoad(() => client.GET('/nominations/{id}', { params: { path: { id } } }), [id]);
  const [replay, setReplay] = useState<Schemas['ReplayReport']>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function runReplay() {
    setBusy(true);
    setError(undefined);
    try {
      setReplay(await data(client.POST('/audit/nominations/{id}/replay', { params: { path: { id } } })));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  async function exportOne() {
    try {
      const bundle = await data(client.GET('/audit/nominations/{id}/export', { params: { path: { id } } }));
      saveBlob(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }), `vinhdanh-audit-${id}.json`);
    } catch (e) {
      setError(asApiError(e));
    }
  }

  if (timeline.loading && !timeline.data) return <Loading />;
  if (!timeline.data) return <ErrorNotice error={timeline.error} />;
  const tl = timeline.data;
  const ok = replay && replay.deterministic && replay.readModelAgrees && replay.auditLogAgrees;
  return (
    <section>
      <PageTitle>{t('audit.timelineOf', { id: nomination.data ? `${nomination.data.nominee.name}${nomination.data.dossierNumber ? ` (${nomination.data.dossierNumber})` : ''}` : id })}</PageTitle>
      <div className="actions">
        <Link className="button" to={`/nominations/${id}`}>{t('audit.dossier')}</Link>
        <button type="button" onClick={runReplay} disabled={busy}>{busy ? t('common.working') : t('audit.replayOne')}</button>
        <button type="button" onClick={exportOne}>{t('audit.exportOne')}</button>
        {tl.temporalUi && <a className="button" href={tl.temporalUi} target="_blank" rel="noreferrer">{t('audit.temporalUi')}</a>}
      </div>
      <ErrorNotice error={error} />
      {replay && (
        <Notice kind={ok ? 'success' : 'warning'}>
          <Badge tone={ok ? 'good' : 'bad'}>{ok ? t('audit.intact') : t('audit.broken')}</Badge>{' '}
          {t('audit.replayDetail', { events: replay.historyEvents, recorded: replay.recordedEvents })}
          <ul>
            <li>{t('audit.deterministic')}: {replay.deterministic ? '✓' : `✗ ${replay.error ?? ''}`}</li>
            <li>{t('audit.readModel')}: {replay.readModelAgrees ? '✓' : '✗'}</li>
            <li>{t('audit.auditLog')}: {replay.auditLogAgrees ? '✓' : '✗'}</li>
          </ul>
        </Notice>
      )}
      <div className="table-wrap">
        <table>
          <caption>{t('audit.timelineCaption', { workflow: tl.workflowId })}</caption>
          <thead><tr><th scope="col">#</th><th scope="col">{t('audit.when')}</th><th scope="col">{t('common.level')}</th><th scope="col">{t('audit.what')}</th><th scope="col">{t('audit.rule')}</th><th scope="col">{t('audit.historyEvent')}</th></tr></thead>
          <tbody>
            {tl.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td><time dateTime={e.at}>{dateTime(e.at)}</time></td>
                <td>{label('level', e.level)}</td>
                <td>
                  {e.text}
                  {e.links.decision && <> · <Link to={e.links.decision}>{t('nomination.viewDecision')}</Link></>}
                  {e.links.tally && <> · <Link to={`/councils/sessions/${/sessions\/([^/#]+)/.exec(e.links.tally)?.[1] ?? ''}`}>{t('session.tally')}</Link></>}
                </td>
                <td className="muted" title={e.rule ?? undefined}>{ruleName(e.rule, lang)}</td>
                <td>{e.historyEventId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
