import { useI18n } from '../i18n/i18n';
import type { Schemas } from '../api';
import { Badge, Citations, statusTone, useLabel } from './kit';

export type Eligibility = Schemas['EligibilityResult'];

/** The engine's explanation: each criterion, whether it is met, why, and the article it comes from. */
export function EligibilityView({ result }: { result: Eligibility }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const rows = [...result.guards.map((c) => ({ ...c, guard: true })), ...result.criteria.map((c) => ({ ...c, guard: false }))];
  return (
    <section className="eligibility" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">
        {t('elig.title')} <Badge tone={statusTone(result.outcome)}>{label('outcome', result.outcome)}</Badge>
      </h2>
      <p>{pick(result.summaryVi, result.summaryEn)} <span className="muted">({t('elig.catalogue', { version: result.catalogueVersion })})</span></p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">{t('elig.criterion')}</th><th scope="col">{t('elig.result')}</th><th scope="col">{t('elig.reason')}</th><th scope="col">{t('elig.basis')}</th></tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={`${c.guard}:${c.id}`}>
                <td>{pick(c.descriptionVi, c.descriptionEn)}{c.oneOf && <span className="muted"> ({t('elig.alternative', { name: `${c.oneOf.group}, ${pick(c.oneOf.label.vi, c.oneOf.label.en)}` })})</span>}</td>
                <td><Badge tone={statusTone(c.outcome)}>{label('criterion', c.outcome)}</Badge></td>
                <td>{pick(c.reasonVi, c.reasonEn)}</td>
                <td><Citations list={c.citation} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
