import { useState } from 'react';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { ModelStages } from './models';
import { anonymous, client, data, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { fieldErrors } from '../ui/documents';
import { Badge, Citations, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLabel, useLoad, type Citation } from '../ui/kit';
import { ExportButton } from '../ui/export';

type Disclosure = Schemas['Disclosure'];

const yearOrNothing = (y: string) => (/^\d{4}$/.test(y) ? Number(y) : undefined);

/** What the law makes public, for anyone: nominees under public posting (with a comment form), and decisions issued. */
export function PublicPage() {
  const { t, pick, date } = useI18n();
  const label = useLabel();
  const [year, setYear] = useState('');
  const [awardYear, setAwardYear] = useState('');
  const [commenting, setCommenting] = useState<Disclosure>();
  const disclosures = useLoad(() => client.GET('/public/disclosures'), []);
  const decisions = useLoad(() => client.GET('/public/decisions', { params: { query: { year: yearOrNothing(year), awardYear: yearOrNothing(awardYear) } } }), [year, awardYear]);
  return (
    <section>
      <PageTitle>{t('public.title')}</PageTitle>
      <p>{t('public.intro')}</p>
      <section aria-labelledby="disclosure-title" className="card">
        <h2 id="disclosure-title">{t('public.disclosures')}</h2>
        <p className="muted">{t('public.disclosureNote')}</p>
        {disclosures.loading && !disclosures.data ? <Loading /> : <ErrorNotice error={disclosures.error} />}
        {disclosures.data && (disclosures.data.items.length === 0 ? <p className="muted">{t('public.noDisclosures')}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('common.nominee')}</th><th scope="col">{t('list.unit')}</th><th scope="col">{t('public.proposedAward')}</th><th scope="col">{t('public.period')}</th><th scope="col">{t('public.basis')}</th><th scope="col"><span className="visually-hidden">{t('comment.open')}</span></th></tr></thead>
              <tbody>
                {disclosures.data.items.map((d) => (
                  <tr key={d.nominationId}>
                    <td>{d.nomineeName} <span className="muted">({label('kind', d.nomineeKind)})</span></td>
                    <td>{pick(d.unitNameVi, d.unitNameEn)}</td>
                    <td>{pick(d.awardNameVi, d.awardNameEn)} ({d.year})</td>
                    <td>{date(d.period.from)} – {date(d.period.to)} {d.open ? <Badge tone="info">{t('public.open')}</Badge> : <Badge>{t('public.ended')}</Badge>}</td>
                    <td><Citations list={d.citation} /></td>
                    <td>{d.open && <button type="button" onClick={() => setCommenting(d)}>{t('comment.open')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        {commenting && <CommentForm target={commenting} onClose={() => setCommenting(undefined)} />}
      </section>
      <section aria-labelledby="decisions-title" className="card">
        <h2 id="decisions-title">{t('public.decisions')}</h2>
        <label htmlFor="public-year">{t('form.year')}</label>{' '}
        <input id="public-year" inputMode="numeric" className="short" value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} />{' '}
        <label htmlFor="public-award-year">{t('public.awardYear')}</label>{' '}
        <input id="public-award-year" inputMode="numeric" className="short" value={awardYear} onChange={(e) => setAwardYear(e.target.value.replace(/\D/g, '').slice(0, 4))} />
        {decisions.loading && !decisions.data ? <Loading /> : <ErrorNotice error={decisions.error} />}
        {decisions.data && decisions.data.items.length > 0 && (
          <ExportButton fileName="quyet-dinh-khen-thuong.xlsx" table={async () => ({
            sheetName: t('public.decisions'), title: t('public.decisions'),
            columns: [t('public.number'), t('public.date'), t('public.issuer'), t('common.award'), t('public.recipients')].map((header, i) => ({ header, width: [16, 12, 36, 36, 60][i] })),
            rows: decisions.data!.items.map((d) => [d.number, date(d.issuedOn), pick(d.issuerNameVi, d.issuerNameEn), d.kind === 'REVOCATION' ? pick(d.titleVi, d.titleEn ?? d.titleVi) : `${label('award', d.awardCode)}${d.awardYear ? ` (${d.awardYear})` : ''}`, d.recipients.map((r) => r.nomineeName + (r.revoked ? ` (${t('public.revoked')})` : '')).join(', ')]),
          })} />
        )}
        {decisions.data && (decisions.data.items.length === 0 ? <p className="muted">{t('public.noDecisions')}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('public.number')}</th><th scope="col">{t('public.date')}</th><th scope="col">{t('public.issuer')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('public.recipients')}</th></tr></thead>
              <tbody>
                {decisions.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      {d.number}
                      <br />
                      <a href={`/decisions/${d.id}/document.pdf`} download aria-label={t('public.signedPdfOf', { number: d.number })}>{t('public.signedPdf')}</a>
                    </td>
                    <td>{date(d.issuedOn)}</td>
                    <td>{pick(d.issuerNameVi, d.issuerNameEn)}</td>
                    <td>{d.kind === 'REVOCATION' ? <>{t('public.revocationDecision')}: {pick(d.titleVi, d.titleEn ?? d.titleVi)}</> : <>{label('award', d.awardCode)}{d.awardYear ? ` (${d.awardYear})` : ''}</>}</td>
                    <td>
                      {d.recipients.map((r, i) => (
                        <span key={`${r.nomineeName}-${i}`}>
                          {i > 0 && ', '}
                          {r.revoked ? <del>{r.nomineeName}</del> : r.nomineeName}
                          {r.posthumous && <span className="muted"> ({t('public.posthumous')})</span>}
                          {r.revoked && <span className="muted"> ({t('public.revoked')}{r.revokedBy ? `: ${r.revokedBy}` : ''})</span>}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <PublicModelsSection />
      <CheckpointSection />
    </section>
  );
}

/**
 * The audit log's newest signed checkpoint (docs/audit.md): anyone may keep it, and with it detect
 * any later rewrite of the log. Its signed text and the key are one link away, for witnesses.
 */
function CheckpointSection() {
  const { t, dateTime } = useI18n();
  const log = useLoad(() => anonymous.GET('/public/checkpoints', { params: { query: { limit: '1' } } }), []);
  const latest = log.data?.items[0];
  return (
    <section aria-labelledby="checkpoint-title" className="card">
      <h2 id="checkpoint-title">{t('public.checkpoint')}</h2>
      <ErrorNotice error={log.error} />
      {log.data && !latest && <p className="muted">{t('public.noCheckpoint')}</p>}
      {latest && (
        <>
          <p>{t('public.checkpointLine', { size: latest.treeSize, at: dateTime(latest.issuedAt) })}</p>
          <p className="mono">{latest.rootHash}</p>
          <p className="muted">{t('public.checkpointKey', { keyId: latest.keyId })} <a href="/public/checkpoints">{t('public.checkpointAll')}</a></p>
        </>
      )}
    </section>
  );
}

/** Published exemplary models, for the press and media as the plan asks. */
function PublicModelsSection() {
  const { t, pick } = useI18n();
  const label = useLabel();
  const models = useLoad(() => anonymous.GET('/public/models'), []);
  return (
    <section aria-labelledby="models-title" className="card">
      <h2 id="models-title">{t('public.models')}</h2>
      <ErrorNotice error={models.error} />
      {models.data && (models.data.items.length === 0 ? <p className="muted">{t('public.noModels')}</p> : models.data.items.map((m) => (
        <article key={m.id} aria-labelledby={`model-${m.id}`}>
          <h3 id={`model-${m.id}`}>{m.titleVi}</h3>
          <p>{m.subjectName} · {m.unitNameVi ? pick(m.unitNameVi, m.unitNameEn ?? m.unitNameVi) : ''}</p>
          <ModelStages model={m} />
          {m.awards.length > 0 && <p>{m.awards.map((a) => `${label('award', a.awardCode)} (${a.decisionNumber})`).join('; ')}</p>}
        </article>
      )))}
    </section>
  );
}

/** A comment from anyone, without signing in: no contact details, one hidden field robots fill in. */
function CommentForm({ target, onClose }: { target: Disclosure; onClose(): void }) {
  const { t, pick } = useI18n();
  const [text, setText] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<ApiError>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, pick);
  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      // A small proof of work first (ALTCHA): nothing to type, a moment of the browser's time; more while many comment.
      const proof = await commentProof(target.nominationId);
      const res = await data(anonymous.POST('/public/nominations/{id}/comments', { params: { path: { id: target.nominationId } }, body: { text: text.trim(), ...(authorName.trim() ? { authorName: authorName.trim() } : {}), ...(website ? { website } : {}), proof } }));
      setSent(res.merged ? t('comment.merged', { id: res.commentId }) : t('comment.sent', { id: res.commentId }));
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card action-card" aria-label={t('comment.title', { name: target.nomineeName })}>
      <h3>{t('comment.title', { name: target.nomineeName })}</h3>
      {sent ? (
        <Notice kind="success">{sent}</Notice>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); void send(); }} noValidate>
          <p className="muted">{t('comment.privacy')}</p>
          <Field id="comment-text" label={t('comment.text')} error={errors.text}>
            <textarea {...describedBy('comment-text', errors.text, true)} rows={4} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          <Field id="comment-name" label={t('comment.name')} error={errors.authorName}>
            <input {...describedBy('comment-name', errors.authorName)} maxLength={100} value={authorName} onChange={(e) => setAuthorName(e.target.value)} />
          </Field>
          <div className="hp" aria-hidden="true">
            <label htmlFor="comment-website">{t('comment.website')}</label>
            <input id="comment-website" tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} />
          </div>
          <ErrorNotice error={error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('comment.send')}</button>
            <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Fetches the nomination's challenge and solves it in the browser (altcha-lib, WebCrypto). */
async function commentProof(nominationId: string): Promise<Schemas['PublicCommentDto']['proof']> {
  const { challenge } = await data(anonymous.GET('/public/nominations/{id}/comment-challenge', { params: { path: { id: nominationId } } }));
  const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey });
  if (!solution) throw new Error('The comment challenge could not be solved in time');
  return { challenge, solution };
}
