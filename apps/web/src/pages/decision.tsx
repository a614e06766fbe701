import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Loading, useLabel, useLoad } from '../ui/kit';

interface Decision {
  id: string; number: string; issuerUnitId: string; issuerNameVi: string; issuedOn: string; signerName: string; awardCode: string; titleVi: string;
  recipients: { nomineeName: string; nomineeKind: string; awardCode: string; year: number }[];
}

/**
 * The decision as an administrative document (Decree 30/2020 layout: issuer and national motto,
 * number and place-date, title, articles, signature). It is always in Vietnamese — the legal text —
 * while the buttons around it follow the chosen language; printing hides everything else.
 */
const CENTRAL_ISSUERS = ['chinh-phu', 'ban-tdkt-tw'];
const VI_ORDER = new Intl.Collator('vi');

export function DecisionPage({ id }: { id: string }) {
  const { t } = useI18n();
  const label = useLabel();
  const d = useLoad<Decision>(`/decisions/${id}`);
  if (d.loading && !d.data) return <Loading />;
  if (!d.data) return <ErrorNotice error={d.error} />;
  const x = d.data;
  const [yyyy, mm, dd] = x.issuedOn.split('-');
  // Vietnamese alphabetical order (Đ after D), which the database's collation does not know.
  const recipients = [...x.recipients].sort((a, b) => VI_ORDER.compare(a.nomineeName, b.nomineeName));
  const subject = x.titleVi.replace(/^Quyết định\s+/i, '');
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
            <p className="italic">{CENTRAL_ISSUERS.includes(x.issuerUnitId) ? 'Hà Nội' : 'Đắk Nông'}, ngày {dd} tháng {mm} năm {yyyy}</p>
          </div>
        </header>
        <h1 className="decision-title">QUYẾT ĐỊNH</h1>
        <p className="decision-subject">{subject.charAt(0).toUpperCase() + subject.slice(1)}</p>
        <p className="center strong upper">{x.issuerNameVi.startsWith('Ủy ban') || x.issuerNameVi.startsWith('UBND') ? 'Chủ tịch ' + x.issuerNameVi : 'Thủ trưởng ' + x.issuerNameVi}</p>
        <p className="italic">Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;</p>
        <p className="italic">Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;</p>
        <p className="italic">Xét đề nghị của cơ quan thẩm định và kết quả xét duyệt trên hệ thống Vinh Danh,</p>
        <p className="center strong">QUYẾT ĐỊNH:</p>
        <p><strong>Điều 1.</strong> Tặng {label('award', x.awardCode)} cho {x.recipients.length} {x.recipients.length > 1 ? 'tập thể, cá nhân' : x.recipients[0]?.nomineeKind === 'COLLECTIVE' ? 'tập thể' : 'cá nhân'} có tên sau:</p>
        <ol className="recipients">
          {recipients.map((r) => <li key={`${r.nomineeName}:${r.awardCode}`}>{r.nomineeName}</li>)}
        </ol>
        <p><strong>Điều 2.</strong> Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.</p>
        <div className="signature">
          <p className="upper strong">Người ký</p>
          <p className="italic">(Đã ký điện tử trên hệ thống)</p>
          <p className="strong">{x.signerName}</p>
        </div>
      </article>
    </section>
  );
}
