import { useState } from 'react';
import { client, data, saveBlob, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, Notice, PageTitle, Progress, asApiError } from '../ui/kit';
import { NominationSearch, listQuery } from './nomination-list';

/** Verification results in plain words: what was checked, how many, and the first broken link if any. */
function Verification() {
  const { t, dateTime } = useI18n();
  const [chain, setChain] = useState<Schemas['ChainReport']>();
  const [replay, setReplay] = useState<Schemas['ReplayAllReport']>();
  const [busy, setBusy] = useState<'chain' | 'replay'>();
  const [error, setError] = useState<ApiError>();
  async function run(kind: 'chain' | 'replay') {
    setBusy(kind);
    setError(undefined);
    try {
      if (kind === 'chain') setChain(await data(client.GET('/audit/verify')));
      else setReplay(await data(client.POST('/audit/replay')));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(undefined);
    }
  }
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('audit.verification')}</h2>
      <div className="actions">
        <button type="button" onClick={() => run('chain')} disabled={!!busy}>{busy === 'chain' ? t('common.working') : t('audit.verifyChain')}</button>
        <button type="button" onClick={() => run('replay')} disabled={!!busy}>{busy === 'replay' ? t('common.working') : t('audit.replayAll')}</button>
      </div>
      <ErrorNotice error={error} />
      {chain && (
        <Notice kind={chain.ok ? 'success' : 'warning'}>
          <Badge tone={chain.ok ? 'good' : 'bad'}>{chain.ok ? t('audit.intact') : t('audit.broken')}</Badge>{' '}
          {chain.ok ? t('audit.chainOk', { rows: chain.rows, streams: chain.streams }) : t('audit.chainBroken', { seq: chain.firstBroken?.globalSeq ?? '?', stream: chain.firstBroken?.stream ?? '?', problem: chain.firstBroken?.problem ?? '?' })}
          <div className="mono muted">{t('audit.head')}: {chain.headHash}</div>
          <div>{chain.archive.firstProblem ? t('audit.archiveBroken', { workflow: chain.archive.firstProblem.workflowId, problem: chain.archive.firstProblem.problem }) : t('audit.archiveOk', { runs: chain.archive.runs })}</div>
        </Notice>
      )}
      {chain && chain.engine.findings.length > 0 && (
        <Notice kind="warning">
          <strong>{t('audit.engineFindings', { count: chain.engine.findings.length })}</strong>
          <ul>
            {chain.engine.findings.map((f) => (
              <li key={f.runId}>
                <Badge tone="bad">{f.finding}</Badge> <code>{f.workflowId}</code> {t('audit.engineFindingAt', { at: dateTime(f.closedAt) })}{f.detail ? ` — ${f.detail}` : ''}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {replay && (
        <Notice kind={replay.ok ? 'success' : 'warning'}>
          <Badge tone={replay.ok ? 'good' : 'bad'}>{replay.ok ? t('audit.intact') : t('audit.broken')}</Badge>{' '}
          {replay.ok ? t('audit.replayOk', { count: replay.checked }) : t('audit.replayFailed', { failed: replay.failed.length, count: replay.checked })}
          {!replay.ok && <ul>{replay.failed.map((f) => <li key={f.nominationId}><code>{f.nominationId}</code> {f.error ?? ''}</li>)}</ul>}
        </Notice>
      )}
    </section>
  );
}

/**
 * Exports the nominations that match the search, one signed bundle each, with a progress bar; the
 * file holds every bundle, each verifiable offline with `npm run verify -- --export <file>`.
 */
function ExportSelection({ filters }: { filters: Record<string, string> }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<{ done: number; total: number; phase: 'list' | 'export' }>();
  const [error, setError] = useState<ApiError>();
  const [summary, setSummary] = useState<string>();
  async function run() {
    setError(undefined);
    setSummary(undefined);
    try {
      const ids: string[] = [];
      let page = 1;
      for (;;) {
        const p = await data(client.GET('/nominations', { params: { query: listQuery(filters, page, 200) } }));
        ids.push(...p.items.map((i) => i.id));
        setProgress({ done: ids.length, total: p.total, phase: 'list' });
        if (ids.length >= p.total || p.items.length === 0) break;
        page += 1;
      }
      const bundles: unknown[] = [];
      const unavailable: { nominationId: string; error: string }[] = [];
      for (const [i, id] of ids.entries()) {
        try {
          bundles.push(await data(client.GET('/audit/nominations/{id}/export', { params: { path: { id } } })));
        } catch (e) {
          unavailable.push({ nominationId: id, error: asApiError(e).body.messageEn });
        }
        setProgress({ done: i + 1, total: ids.length, phase: 'export' });
      }
      const file = { format: 'vinhdanh-audit-export-selection/1', filters, exportedAt: new Date().toISOString(), count: bundles.length, bundles, unavailable };
      saveBlob(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }), `vinhdanh-audit-${new Date().toISOString().slice(0, 10)}.json`);
      setSummary(t('audit.exported', { count: bundles.length, failed: unavailable.length }));
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const running = progress && (progress.phase === 'list' || progress.done < progress.total) && !summary && !error;
  return (
    <div className="export">
      <button type="button" onClick={run} disabled={!!running}>{t('audit.export')}</button>
      {progress && <Progress value={progress.done} max={progress.total} label={progress.phase === 'list' ? t('audit.listing') : t('audit.exporting')} />}
      <ErrorNotice error={error} />
      {summary && <Notice kind="success">{summary}</Notice>}
    </div>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  return (
    <section>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Verification />
      <section className="card" aria-labelledby="search-title">
        <h2 id="search-title">{t('list.search')}</h2>
        <NominationSearch
          basePath="/audit"
          linkTo={(id) => `/audit/nominations/${id}`}
          summary={(total) => t('audit.found', { count: total })}
          footer={(filters) => <ExportSelection filters={filters} />}
        />
      </section>
    </section>
  );
}
