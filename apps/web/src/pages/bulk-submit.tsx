import { useMemo, useState } from 'react';
import { client, data } from '../api';
import { versionFor, type CatalogueVersion } from '../catalogue';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { DocumentsInput, type DocumentRef } from '../ui/documents';
import { ErrorNotice, Field, PageTitle, Progress, asApiError, describedBy, useLoad } from '../ui/kit';
import { toRequest, type NominationDraft } from './nomination-form';

interface Row { name: string; birthYear: string; personalId: string; position: string; frontLine: boolean }
type Outcome = { ok: true; id: string } | { ok: false; message: string };

/** "Họ tên; năm sinh; số định danh; chức vụ; x" per line — the shape units already keep their lists in. */
export function parseRows(text: string): Row[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((line) => {
    const [name = '', birthYear = '', personalId = '', position = '', mark = ''] = line.split(/[;\t]/).map((s) => s.trim());
    return { name, birthYear: /^\d{4}$/.test(birthYear) ? birthYear : '', personalId, position, frontLine: /^(x|có|yes|1)$/i.test(mark) };
  });
}

/**
 * A unit's year-end list: one award, many individuals, each submitted as its own nomination (its own
 * workflow), one after another with a progress bar; a failed line says why and the rest go on.
 */
export function BulkSubmitPage() {
  const { t, pick } = useI18n();
  const catalogue = useLoad(() => client.GET('/catalogue'), []);
  const lastYear = new Date().getFullYear() - 1;
  const [text, setText] = useState('');
  const [awardCode, setAwardCode] = useState('');
  const [achievements, setAchievements] = useState('');
  const [documents, setDocuments] = useState<DocumentRef[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [formError, setFormError] = useState<string>();
  const rows = useMemo(() => parseRows(text), [text]);
  const version = catalogue.data ? versionFor(catalogue.data, `${lastYear}-12-31`) : undefined;
  const awards = Object.values(version?.awards ?? {}).filter((a) => a.recipientKinds.includes('INDIVIDUAL'));

  async function run() {
    if (!rows.length || !awardCode || !achievements.trim()) {
      setFormError(t('bulk.incomplete'));
      return;
    }
    setFormError(undefined);
    const results: Outcome[] = [];
    setOutcomes([]);
    setProgress({ done: 0, total: rows.length });
    for (const [i, r] of rows.entries()) {
      const draft: NominationDraft = {
        kind: 'INDIVIDUAL', name: r.name, birthYear: r.birthYear, personalId: r.personalId, position: r.position, frontLine: r.frontLine, memberCount: '', awardCode,
        year: String(lastYear), from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, achievements, movementId: '',
      };
      try {
        const res = await data(client.POST('/nominations', { body: toRequest(draft, documents) }));
        results.push({ ok: true, id: res.id });
      } catch (e) {
        const b = asApiError(e).body;
        results.push({ ok: false, message: pick(b.messageVi, b.messageEn) });
      }
      setOutcomes([...results]);
      setProgress({ done: i + 1, total: rows.length });
    }
  }

  const running = progress !== undefined && progress.done < progress.total;
  return (
    <section>
      <PageTitle>{t('bulk.title')}</PageTitle>
      <div className="card form-grid">
        <Field id="bulk-award" label={t('common.award')}>
          <select {...describedBy('bulk-award')} value={awardCode} onChange={(e) => setAwardCode(e.target.value)}>
            <option value="">{t('form.chooseAward')}</option>
            {awards.map((a) => <option key={a.code} value={a.code}>{pick(a.nameVi, a.nameEn)}</option>)}
          </select>
        </Field>
        <p className="hint">{t('bulk.period', { year: lastYear })}</p>
        <Field id="bulk-list" label={t('bulk.list')} hint={t('bulk.listHint')}>
          <textarea {...describedBy('bulk-list', undefined, true)} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field id="bulk-achievements" label={t('form.achievements')}>
          <textarea {...describedBy('bulk-achievements')} rows={3} value={achievements} onChange={(e) => setAchievements(e.target.value)} />
        </Field>
        <DocumentsInput id="bulk-documents" value={documents} onChange={setDocuments} />
        <div className="wide">
          {formError && <p className="field-error" role="alert">{formError}</p>}
          <p>{t('bulk.count', { count: rows.length })}</p>
          <button type="button" className="primary" disabled={running} onClick={run}>{t('bulk.submit', { count: rows.length })}</button>
        </div>
      </div>
      {progress && <Progress value={progress.done} max={progress.total} label={t('bulk.progress')} />}
      {outcomes.length > 0 && (
        <div className="table-wrap" aria-live="polite">
          <table>
            <thead><tr><th scope="col">#</th><th scope="col">{t('common.nominee')}</th><th scope="col">{t('bulk.result')}</th></tr></thead>
            <tbody>
              {outcomes.map((o, i) => (
                <tr key={i} className={o.ok ? undefined : 'row-overdue'}>
                  <td>{i + 1}</td>
                  <td>{rows[i]?.name}</td>
                  <td>{o.ok ? <Link to={`/nominations/${o.id}`}>{t('bulk.ok')}</Link> : <span>{o.message}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!catalogue.data && <ErrorNotice error={catalogue.error} />}
    </section>
  );
}
