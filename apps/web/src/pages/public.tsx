import { useState } from 'react';
import { query } from '../api';
import { useI18n } from '../i18n/i18n';
import { Badge, Citations, ErrorNotice, Loading, PageTitle, useLabel, useLoad, type Citation } from '../ui/kit';

interface Disclosure { nominationId: string; nomineeName: string; nomineeKind: string; awardNameVi: string; awardNameEn: string; year: number; unitNameVi: string; unitNameEn: string; period: { from: string; to: string; workingDays: number }; open: boolean; citation: Citation[] }
interface PublicDecision { id: string; number: string; issuedOn: string; awardCode: string; titleVi: string; signerName: string; issuerNameVi: string; issuerNameEn: string; recipients: { nomineeName: string; nomineeKind: string }[] }

/** What the law makes public, for anyone: nominees under public posting, and decisions issued. */
export function PublicPage() {
  const { t, pick, date } = useI18n();
  const label = useLabel();
  const [year, setYear] = useState('');
  const disclosures = useLoad<{ items: Disclosure[] }>('/public/disclosures');
  const decisions = useLoad<{ items: PublicDecision[] }>(`/public/decisions${query({ year: /^\d{4}$/.test(year) ? year : undefined })}`);
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
              <thead><tr><th scope="col">{t('common.nominee')}</th><th scope="col">{t('list.unit')}</th><th scope="col">{t('public.proposedAward')}</th><th scope="col">{t('public.period')}</th><th scope="col">{t('public.basis')}</th></tr></thead>
              <tbody>
                {disclosures.data.items.map((d) => (
                  <tr key={d.nominationId}>
                    <td>{d.nomineeName} <span className="muted">({label('kind', d.nomineeKind)})</span></td>
                    <td>{pick(d.unitNameVi, d.unitNameEn)}</td>
                    <td>{pick(d.awardNameVi, d.awardNameEn)} ({d.year})</td>
                    <td>{date(d.period.from)} – {date(d.period.to)} {d.open ? <Badge tone="info">{t('public.open')}</Badge> : <Badge>{t('public.ended')}</Badge>}</td>
                    <td><Citations list={d.citation} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section aria-labelledby="decisions-title" className="card">
        <h2 id="decisions-title">{t('public.decisions')}</h2>
        <label htmlFor="public-year">{t('form.year')}</label>{' '}
        <input id="public-year" inputMode="numeric" className="short" value={year} onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))} />
        {decisions.loading && !decisions.data ? <Loading /> : <ErrorNotice error={decisions.error} />}
        {decisions.data && (decisions.data.items.length === 0 ? <p className="muted">{t('public.noDecisions')}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('public.number')}</th><th scope="col">{t('public.date')}</th><th scope="col">{t('public.issuer')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('public.recipients')}</th></tr></thead>
              <tbody>
                {decisions.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>{d.number}</td>
                    <td>{date(d.issuedOn)}</td>
                    <td>{pick(d.issuerNameVi, d.issuerNameEn)}</td>
                    <td>{label('award', d.awardCode)}</td>
                    <td>{d.recipients.map((r) => r.nomineeName).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
    </section>
  );
}
