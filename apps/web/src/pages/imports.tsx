import { useState } from 'react';
import { client, data, download, type Schemas } from '../api';
import { versionFor } from '../catalogue';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { DocumentsInput, type DocumentRef } from '../ui/documents';
import type { ApiError } from '../api';
import { Badge, ErrorNotice, Field, Loading, PageTitle, Progress, asApiError, describedBy, useLoad, useRefreshWhile } from '../ui/kit';
import { Pager } from './nomination-list';
import { ExportButton, allPages } from '../ui/export';

type ImportView = Schemas['ImportView'];
type RowState = NonNullable<ImportView['state']>;
const ROW_STATES: RowState[] = ['INVALID', 'READY', 'SUBMITTED', 'ALREADY', 'FAILED'];

/**
 * A year-end list uploaded as a spreadsheet: the clerk chooses who and what for, picks the file,
 * and the server checks every row before anything is sent (imports/:id shows the preview).
 */
export function ImportPage() {
  const { t, pick } = useI18n();
  const catalogue = useLoad(() => client.GET('/catalogue'), []);
  const recent = useLoad(() => client.GET('/imports'), []);
  const lastYear = new Date().getFullYear() - 1;
  const [kind, setKind] = useState<'INDIVIDUAL' | 'COLLECTIVE'>('INDIVIDUAL');
  const [awardCode, setAwardCode] = useState('');
  const [achievements, setAchievements] = useState('');
  const [documents, setDocuments] = useState<DocumentRef[]>([]);
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [formError, setFormError] = useState<string>();
  const version = catalogue.data ? versionFor(catalogue.data, `${lastYear}-12-31`) : undefined;
  const awards = Object.values(version?.awards ?? {}).filter((a) => a.recipientKinds.includes(kind));

  async function check() {
    if (!file || !awardCode || !achievements.trim()) {
      setFormError(t('import.incomplete'));
      return;
    }
    setFormError(undefined);
    setError(undefined);
    setBusy(true);
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('awardCode', awardCode);
    form.append('year', String(lastYear));
    form.append('achievements', achievements);
    form.append('nomineeKind', kind);
    if (documents.length) form.append('documents', JSON.stringify(documents));
    try {
      // The body is the multipart form itself; the schema names its parts.
      const view = await data(client.POST('/imports', { body: { file: '', awardCode, year: lastYear, achievements }, bodySerializer: () => form }));
      navigate(`/imports/${view.id}`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <PageTitle>{t('import.title')}</PageTitle>
      <p className="hint">{t('import.intro')}</p>
      <div className="card form-grid">
        <Field id="import-kind" label={t('import.kind')}>
          <select {...describedBy('import-kind')} value={kind} onChange={(e) => { setKind(e.target.value as 'INDIVIDUAL'); setAwardCode(''); }}>
            <option value="INDIVIDUAL">{t('import.kind.INDIVIDUAL')}</option>
            <option value="COLLECTIVE">{t('import.kind.COLLECTIVE')}</option>
          </select>
        </Field>
        <Field id="import-award" label={t('common.award')}>
          <select {...describedBy('import-award')} value={awardCode} onChange={(e) => setAwardCode(e.target.value)}>
            <option value="">{t('form.chooseAward')}</option>
            {awards.map((a) => <option key={a.code} value={a.code}>{pick(a.nameVi, a.nameEn)}</option>)}
          </select>
        </Field>
        <p className="hint">{t('bulk.period', { year: lastYear })}</p>
        <Field id="import-file" label={t('import.file')} hint={t('import.fileHint')}>
          <input {...describedBy('import-file', undefined, true)} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFile(e.target.files?.[0])} />
        </Field>
        <p className="wide">
          <button type="button" className="link" onClick={() => void download(client.GET('/imports/template.xlsx', { params: { query: { kind } }, parseAs: 'blob' }), kind === 'COLLECTIVE' ? 'mau-danh-sach-tap-the.xlsx' : 'mau-danh-sach-ca-nhan.xlsx')}>{t('import.template')}</button>
        </p>
        <Field id="import-achievements" label={t('import.achievements')} hint={t('import.achievementsHint')}>
          <textarea {...describedBy('import-achievements', undefined, true)} rows={3} value={achievements} onChange={(e) => setAchievements(e.target.value)} />
        </Field>
        <DocumentsInput id="import-documents" value={documents} onChange={setDocuments} />
        <div className="wide">
          {formError && <p className="field-error" role="alert">{formError}</p>}
          {error && <ErrorNotice error={error} />}
          <button type="button" className="primary" disabled={busy} onClick={() => void check()}>{busy ? t('common.working') : t('import.check')}</button>
        </div>
      </div>
      <h2>{t('import.recent')}</h2>
      {recent.data ? <ImportTable items={recent.data.items} /> : <ErrorNotice error={recent.error} />}
      {!catalogue.data && <ErrorNotice error={catalogue.error} />}
    </section>
  );
}

function ImportTable({ items }: { items: Schemas['ImportSummary'][] }) {
  const { t, pick } = useI18n();
  if (!items.length) return <p className="muted">{t('import.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('import.recent')}</caption>
        <thead><tr><th scope="col">{t('import.file')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('import.status')}</th><th scope="col">{t('import.rows')}</th></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <td><Link to={`/imports/${i.id}`}>{i.fileName}</Link></td>
              <td>{pick(i.awardNameVi, i.awardNameEn)} · {i.year}</td>
              <td><Badge tone={i.status === 'DONE' ? 'good' : 'info'}>{t(`import.status.${i.status}`)}</Badge></td>
              <td>{t('import.countsLine', { total: i.counts.total, sent: i.counts.SUBMITTED, invalid: i.counts.INVALID + i.counts.FAILED })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One uploaded list: its rows as checked, the send button, then the progress and each row's result. */
export function ImportDetailPage({ id }: { id: string }) {
  const { t, pick } = useI18n();
  const [state, setState] = useState<RowState | ''>('');
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ApiError>();
  const view = useLoad(() => client.GET('/imports/{id}', { params: { path: { id }, query: { page, pageSize: 100, ...(state ? { state } : {}) } } }), [id, state, page]);
  const v = view.data;
  useRefreshWhile(v?.status === 'RUNNING', view.reload, 1000, v);
  if (!v) return view.error ? <ErrorNotice error={view.error} /> : <Loading />;
  const settled = v.counts.SUBMITTED + v.counts.ALREADY + v.counts.FAILED;
  const sendable = v.counts.READY + (v.status === 'PREVIEW' ? 0 : settled);

  async function start() {
    setError(undefined);
    try {
      await data(client.POST('/imports/{id}/start', { params: { path: { id } } }));
      setConfirming(false);
      view.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  return (
    <section>
      <PageTitle>{t('import.detailTitle', { file: v.fileName })}</PageTitle>
      <p>{pick(v.awardNameVi, v.awardNameEn)} · {t('form.year')} {v.year} · <Badge tone={v.status === 'DONE' ? 'good' : 'info'}>{t(`import.status.${v.status}`)}</Badge></p>
      {v.header && <p className="muted">{t('bulk.headerSkipped', { header: v.header })}</p>}
      <ul className="counts" aria-label={t('import.rows')}>
        {ROW_STATES.map((s) => <li key={s}><Badge tone={s === 'INVALID' || s === 'FAILED' ? 'bad' : s === 'READY' ? 'info' : 'good'}>{t(`import.state.${s}`)}: {v.counts[s]}</Badge></li>)}
      </ul>
      {v.status !== 'PREVIEW' && <Progress value={v.status === 'DONE' ? sendable : settled} max={Math.max(sendable, 1)} label={t('import.progress')} />}
      {v.status === 'PREVIEW' && (
        <div className="card">
          {v.counts.READY === 0 ? <p>{t('import.nothingToSend')}</p> : !confirming
            ? <button type="button" className="primary" onClick={() => setConfirming(true)}>{t('import.send', { count: v.counts.READY })}</button>
            : (
              <div role="group" aria-label={t('import.confirm', { count: v.counts.READY })}>
                <p>{t('import.confirm', { count: v.counts.READY })}</p>
                <button type="button" className="primary" onClick={() => void start()}>{t('import.sendNow')}</button>{' '}
                <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
              </div>
            )}
          {error && <ErrorNotice error={error} />}
        </div>
      )}
      <div className="filters">
        <Field id="import-state" label={t('import.filter')}>
          <select id="import-state" value={state} onChange={(e) => { setState(e.target.value as RowState); setPage(1); }}>
            <option value="">{t('import.allRows')}</option>
            {ROW_STATES.map((s) => <option key={s} value={s}>{t(`import.state.${s}`)}</option>)}
          </select>
        </Field>
      </div>
      <div className="table-wrap" aria-live="polite">
        <table>
          <caption>{t('import.rowsCaption', { total: v.rowsTotal })}</caption>
          <thead>
            <tr><th scope="col">{t('bulk.line')}</th><th scope="col">{t('common.nominee')}</th><th scope="col">{t('form.birthYear')}</th><th scope="col">{t('form.personalId')}</th><th scope="col">{t('form.position')}</th><th scope="col">{t('bulk.result')}</th></tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr key={r.line} className={r.state === 'INVALID' || r.state === 'FAILED' ? 'row-overdue' : undefined}>
                <td>{r.line}</td>
                <td>{r.name || '—'}{r.frontLine ? ` · ${t('nomination.priority')}` : ''}</td>
                <td>{r.birthYear ?? '—'}</td>
                <td>{r.personalIdLast4 ? `…${r.personalIdLast4}` : '—'}</td>
                <td>{r.position ?? '—'}</td>
                <td>
                  {r.state === 'INVALID' ? <span>{t('bulk.notSent')}: {r.problems.map((p) => pick(p.vi, p.en)).join('; ')}</span>
                    : r.state === 'FAILED' ? <span>{t('import.state.FAILED')}: {r.error ? pick(r.error.messageVi, r.error.messageEn) : ''}</span>
                    : r.nominationId && r.state !== 'READY' ? <Link to={`/nominations/${r.nominationId}`}>{t(`import.state.${r.state}`)}{r.dossierNumber ? ` · ${r.dossierNumber}` : ''}</Link>
                    : r.state === 'ALREADY' && r.nominationId ? <Link to={`/nominations/${r.nominationId}`}>{t('import.state.ALREADY')}</Link>
                    : <span className="muted">{t('bulk.ready')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={v.page} pageSize={v.pageSize} total={v.rowsTotal} onPage={setPage} />
      <ExportButton fileName={`ket-qua-${v.fileName.replace(/\.xlsx$/i, '')}.xlsx`} table={async (progress) => ({
        sheetName: t('import.rows'),
        title: t('import.detailTitle', { file: v.fileName }),
        subtitle: `${pick(v.awardNameVi, v.awardNameEn)} · ${v.year}`,
        columns: [t('bulk.line'), t('common.nominee'), t('form.birthYear'), t('form.personalId'), t('form.position'), t('import.status'), t('list.dossierNumber'), t('bulk.result')].map((header, i) => ({ header, width: [8, 28, 10, 14, 20, 22, 16, 48][i] })),
        rows: (await allPages((p, size) => data(client.GET('/imports/{id}', { params: { path: { id }, query: { page: p, pageSize: size, ...(state ? { state } : {}) } } })).then((x) => ({ items: x.rows, total: x.rowsTotal })), 500, progress))
          .map((r) => [r.line, r.name, r.birthYear ?? '', r.personalIdLast4 ? `…${r.personalIdLast4}` : '', r.position ?? '', t(`import.state.${r.state}`), r.dossierNumber ?? '', r.state === 'INVALID' ? r.problems.map((p) => pick(p.vi, p.en)).join('; ') : r.error ? pick(r.error.messageVi, r.error.messageEn) : '']),
      })} />
      <p><Link to="/nominations/import">{t('import.back')}</Link></p>
    </section>
  );
}
