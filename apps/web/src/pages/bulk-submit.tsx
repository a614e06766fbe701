import { useMemo, useState } from 'react';
import { client, data } from '../api';
import { versionFor, type CatalogueVersion } from '../catalogue';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { DocumentsInput, type DocumentRef } from '../ui/documents';
import { ErrorNotice, Field, PageTitle, Progress, asApiError, describedBy, useLoad } from '../ui/kit';
import { toRequest, type NominationDraft } from './nomination-form';
import { parseList, textToLines, type ListRow as Row } from '@vinhdanh/domain/imports/list-rows';

type Outcome = { ok: true; id: string; duplicate: boolean } | { ok: false; message: string };

/**
 * A unit's year-end list: one award, many individuals, each submitted as its own nomination (its own
 * workflow), one after another with a progress bar; a failed line says why and the rest go on.
 * The list is previewed line by line first (the domain's list-rows, which the spreadsheet import reads with too): only lines without a problem are sent.
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
  const [outcomes, setOutcomes] = useState<Map<number, Outcome>>(new Map());
  const [formError, setFormError] = useState<string>();
  const parsed = useMemo(() => parseList(textToLines(text), { kind: 'INDIVIDUAL', thisYear: new Date().getFullYear() }), [text]);
  const sendable = parsed.rows.filter((r) => r.problems.length === 0);
  const version = catalogue.data ? versionFor(catalogue.data, `${lastYear}-12-31`) : undefined;
  const awards = Object.values(version?.awards ?? {}).filter((a) => a.recipientKinds.includes('INDIVIDUAL'));

  async function run() {
    if (!sendable.length || !awardCode || !achievements.trim()) {
      setFormError(t('bulk.incomplete'));
      return;
    }
    setFormError(undefined);
    const results = new Map<number, Outcome>();
    setOutcomes(new Map());
    setProgress({ done: 0, total: sendable.length });
    for (const [i, r] of sendable.entries()) {
      const draft: NominationDraft = {
        kind: 'INDIVIDUAL', name: r.name, birthYear: r.birthYear, personalId: r.personalId, position: r.position, frontLine: r.frontLine, memberCount: '', awardCode,
        year: String(lastYear), from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, achievements: r.achievements || achievements, movementId: '',
      };
      try {
        const res = await data(client.POST('/nominations', { body: toRequest(draft, documents) }));
        results.set(r.line, { ok: true, id: res.id, duplicate: res.duplicate });
      } catch (e) {
        const b = asApiError(e).body;
        results.set(r.line, { ok: false, message: pick(b.messageVi, b.messageEn) });
      }
      setOutcomes(new Map(results));
      setProgress({ done: i + 1, total: sendable.length });
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
          <p>{t('bulk.count', { count: sendable.length, problems: parsed.rows.length - sendable.length })}</p>
          <button type="button" className="primary" disabled={running || sendable.length === 0} onClick={run}>{t('bulk.submit', { count: sendable.length })}</button>
        </div>
      </div>
      {progress && <Progress value={progress.done} max={progress.total} label={t('bulk.progress')} />}
      {parsed.header && <p className="muted">{t('bulk.headerSkipped', { header: parsed.header })}</p>}
      {parsed.rows.length > 0 && <PreviewGrid rows={parsed.rows} outcomes={outcomes} />}
      {!catalogue.data && <ErrorNotice error={catalogue.error} />}
    </section>
  );
}

/** Every line as it will be sent, its problems before sending, and its result after. */
function PreviewGrid({ rows, outcomes }: { rows: Row[]; outcomes: Map<number, Outcome> }) {
  const { t, pick } = useI18n();
  return (
    <div className="table-wrap" aria-live="polite">
      <table>
        <caption>{t('bulk.preview')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bulk.line')}</th><th scope="col">{t('common.nominee')}</th><th scope="col">{t('form.birthYear')}</th>
            <th scope="col">{t('form.personalId')}</th><th scope="col">{t('form.position')}</th><th scope="col">{t('bulk.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const o = outcomes.get(r.line);
            return (
              <tr key={r.line} className={r.problems.length || (o && !o.ok) ? 'row-overdue' : undefined}>
                <td>{r.line}</td>
                <td>{r.name || '—'}{r.frontLine ? ` · ${t('nomination.priority')}` : ''}</td>
                <td>{r.birthYear || '—'}</td>
                <td>{r.personalId ? `…${r.personalId.slice(-4)}` : '—'}</td>
                <td>{r.position || '—'}</td>
                <td>
                  {r.problems.length > 0 ? <span>{t('bulk.notSent')}: {r.problems.map((p) => pick(p.vi, p.en)).join('; ')}</span>
                    : !o ? <span className="muted">{t('bulk.ready')}</span>
                    : o.ok ? <Link to={`/nominations/${o.id}`}>{o.duplicate ? t('bulk.already') : t('bulk.ok')}</Link>
                    : <span>{o.message}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
