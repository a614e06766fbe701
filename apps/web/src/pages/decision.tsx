import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { OpenRevocationForm } from './revocations';
import { ErrorNotice, Loading, useLabel, useLoad } from '../ui/kit';
import { client } from '../api';


const VI_ORDER = new Intl.Collator('vi');
const VND = new Intl.NumberFormat('vi-VN');

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
  const [yyyy, mm, dd] = x.issuedOn.split('-');
  // Vietnamese alphabetical order (Đ after D), which the database's collation does not know.
  const recipients = [...x.recipients].sort((a, b) => VI_ORDER.compare(a.nomineeName, b.nomineeName));
  const subject = x.titleVi.replace(/^Quyết định\s+/i, '');
  const who = x.recipients.length > 1 ? 'tập thể, cá nhân' : x.recipients[0]?.nomineeKind === 'COLLECTIVE' ? 'tập thể' : x.recipients[0]?.nomineeKind === 'HOUSEHOLD' ? 'hộ gia đình' : 'cá nhân';
  const verb = /công nhận danh hiệu/i.test(x.titleVi) ? `Công nhận danh hiệu "${label('award', x.awardCode)}"` : `Tặng ${label('award', x.awardCode)}`;
  const withBonus = recipients.some((r) => r.bonus);
  return (
    <section>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>{t('decision.print')}</button>
        <span className="muted">{t('decision.legalNote')}</span>
      </div>
      <article className="decision-document" lang="vi" aria-label={`Quyết định ${x.number}`}>
        <header className="decision-head">
          <div>
            <p className="upper">{x.issuerNameVi}</p>
            <p>Số: {x.number}</p>
          </div>
          <div>
            <p className="upper strong">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
            <p className="strong underline">Độc lập - Tự do - Hạnh phúc</p>
            <p className="italic">{x.place}, ngày {dd} tháng {mm} năm {yyyy}</p>
          </div>
        </header>
        <h1 className="decision-title">QUYẾT ĐỊNH</h1>
        <p className="decision-subject">{subject.charAt(0).toUpperCase() + subject.slice(1)}</p>
        <p className="center strong upper">{x.issuerNameVi.startsWith('Ủy ban') ? 'Chủ tịch ' + x.issuerNameVi : x.issuerNameVi}</p>
        {x.basisVi.map((b) => <p key={b} className="italic">{b}</p>)}
        <p className="italic">Xét đề nghị của cơ quan thẩm định và kết quả xét duyệt trên hệ thống Vinh Danh,</p>
        <p className="center strong">QUYẾT ĐỊNH:</p>
        {x.kind === 'REVOCATION' ? (
          <>
            {x.revokes.map((r) => (
              <p key={r.decisionNumber + r.nomineeName}><strong>Điều 1.</strong> Hủy bỏ khen thưởng đối với {r.nomineeName} tại Quyết định số {r.decisionNumber} của {r.issuerNameVi}; thu hồi hiện vật và tiền thưởng đã nhận. Lý do: {r.reason}</p>
            ))}
          </>
        ) : (
          <>
            <p><strong>Điều 1.</strong> {verb} cho {x.recipients.length} {who} có tên sau{recipients.some((r) => r.posthumous) ? ' (truy tặng đối với người đã mất)' : ''}:</p>
            <ol className="recipients">
              {recipients.map((r) => (
                <li key={`${r.nomineeName}:${r.awardCode}`}>
                  {r.nomineeName}{r.posthumous ? ' (truy tặng)' : ''}
                  {r.bonus && <> — tiền thưởng {VND.format(r.bonus.amountVnd)} đồng ({String(r.bonus.multiple).replace('.', ',')} lần mức lương cơ sở)</>}
                  {r.revokedBy && <span className="no-print muted"> ({t('public.revoked')}: {r.revokedBy})</span>}
                </li>
              ))}
            </ol>
            {withBonus && (
              <p><strong>Điều 2.</strong> Tiền thưởng tính theo mức lương cơ sở {VND.format(recipients.find((r) => r.bonus)!.bonus!.baseSalaryVnd)} đồng ({recipients.find((r) => r.bonus)!.bonus!.baseSalarySource}) tại ngày ký, chi từ quỹ thi đua, khen thưởng theo quy định.</p>
            )}
          </>
        )}
        <p><strong>Điều {x.kind === 'AWARD' && withBonus ? 3 : 2}.</strong> Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.</p>
        <div className="signature">
          <p className="upper strong">Người ký</p>
          <p className="italic">(Đã ký điện tử trên hệ thống)</p>
          <p className="strong">{x.signerName}</p>
        </div>
      </article>
      {has('INSPECTOR') && x.kind === 'AWARD' && recipients.filter((r) => !r.revokedBy).map((r) => <OpenRevocationForm key={r.registerId} registerId={r.registerId} nomineeName={r.nomineeName} />)}
    </section>
  );
}
