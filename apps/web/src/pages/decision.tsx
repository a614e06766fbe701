import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { OpenRevocationForm } from './revocations';
import { ErrorNotice, Loading, useLabel, useLoad } from '../ui/kit';
import { client, download } from '../api';
import { decisionText } from '@vinhdanh/domain/decisions/document';

/**
 * The decision as an administrative document (Decree 30/2020 layout: issuer and national motto,
 * number and place-date, title, articles, signature). It is always in Vietnamese — the legal text —
 * while the buttons around it follow the chosen language; printing hides everything else. Titles are
 * recognised (công nhận), forms given (tặng); each recipient's bonus is stated.
 */
export function DecisionPage({ id }: { id: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const { has } = useSession();
  const d = useLoad(() => client.GET('/decisions/{id}', { params: { path: { id } } }), [id]);
  if (d.loading && !d.data) return <Loading />;
  if (!d.data) return <ErrorNotice error={d.error} />;
  const x = d.data;
  const text = decisionText(x, (code) => label('award', code));
  return (
    <section>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{t('decision.print')}</button>
        <DecisionFiles id={id} number={x.number} award={x.kind === 'AWARD'} />
        <span className="muted">{t('decision.legalNote')}</span>
      </div>
      <article className="decision-document" lang="vi" aria-label={`Quyết định ${x.number}`}>
        <header className="decision-head">
          <div>
            <p className="upper">{text.issuer}</p>
            <p>{text.number}</p>
          </div>
          <div>
            <p className="upper strong">{text.motto[0]}</p>
            <p className="strong underline">{text.motto[1]}</p>
            <p className="italic">{text.placeDate}</p>
          </div>
        </header>
        <h1 className="decision-title">{text.title}</h1>
        <p className="decision-subject">{text.subject}</p>
        <p className="center strong upper">{text.authority}</p>
        {text.bases.map((b) => <p key={b} className="italic">{b}</p>)}
        <p className="center strong">{text.decides}</p>
        {text.articles.map((a) => (
          <div key={a.number}>
            <p><strong>Điều {a.number}.</strong> {a.text}</p>
            {a.list && <ol className="recipients">{a.list.map((line) => <li key={line}>{line}</li>)}</ol>}
          </div>
        ))}
        {x.recipients.some((r) => r.revokedBy) && (
          <p className="no-print muted">{x.recipients.filter((r) => r.revokedBy).map((r) => `${r.nomineeName} — ${t('public.revoked')}: ${r.revokedBy}`).join('; ')}</p>
        )}
        <div className="signature-row">
          <div className="sent-to">
            <p className="strong italic">Nơi nhận:</p>
            {text.recipients.map((r) => <p key={r}>- {r}</p>)}
          </div>
          <div className="signature">
            {text.signerTitle.map((h) => <p key={h} className="upper strong">{h}</p>)}
            <p className="italic">(Đã ký số trên hệ thống)</p>
            <p className="strong">{text.signer}</p>
          </div>
        </div>
      </article>
      {has('INSPECTOR') && x.kind === 'AWARD' && x.recipients.filter((r) => !r.revokedBy).map((r) => <OpenRevocationForm key={r.registerId} registerId={r.registerId} nomineeName={r.nomineeName} />)}
    </section>
  );
}

/** The decision's files: the signed PDF (the act), its Word copy, and the certificates to print. */
export function DecisionFiles({ id, number, award }: { id: string; number: string; award: boolean }) {
  const { t } = useI18n();
  const name = `quyet-dinh-${number.replace(/\//g, '-')}`;
  return (
    <>
      <button type="button" onClick={() => void download(client.GET('/decisions/{id}/document.pdf', { params: { path: { id } }, parseAs: 'blob' }), `${name}.pdf`)}>{t('decision.signedPdf')}</button>
      <button type="button" onClick={() => void download(client.GET('/decisions/{id}/document.docx', { params: { path: { id } }, parseAs: 'blob' }), `${name}.docx`)}>{t('decision.docx')}</button>
      {award && <button type="button" onClick={() => void download(client.GET('/decisions/{id}/certificates.pdf', { params: { path: { id } }, parseAs: 'blob' }), `bang-khen-${number.replace(/\//g, '-')}.pdf`)}>{t('decision.certificates')}</button>}
    </>
  );
}
