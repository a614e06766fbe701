import { certificateTexts, decisionText, type DecisionFacts } from './document';

const base: DecisionFacts = {
  number: '7/QĐ-UBND', kind: 'AWARD', issuerNameVi: 'Ủy ban nhân dân xã Quảng Khê', issuedOn: '2026-02-03', place: 'Lâm Đồng',
  titleVi: 'Quyết định về việc công nhận danh hiệu "Lao động tiên tiến" năm 2025', awardCode: 'LDTT', basisVi: ['Căn cứ Luật Thi đua, khen thưởng;'], signerName: 'Lê Văn Ký',
  recipients: [
    { nomineeName: 'Đỗ Văn Bình', nomineeKind: 'INDIVIDUAL', posthumous: true, bonus: { multiple: 0.3, baseSalaryVnd: 2_340_000, amountVnd: 702_000, baseSalarySource: 'Nghị định 73/2024/NĐ-CP', citation: [], uncertain: false } },
    { nomineeName: 'Dương Thị An', nomineeKind: 'INDIVIDUAL', posthumous: false, bonus: null },
  ],
  revokes: [],
};

describe('the text of a decision (Decree 30 layout)', () => {
  it('recognises a title for its recipients in Vietnamese order, with their bonus and the article that funds it', () => {
    const t = decisionText(base, () => 'Lao động tiên tiến');
    expect(t.placeDate).toBe('Lâm Đồng, ngày 03 tháng 02 năm 2026');
    expect(t.subject).toBe('Về việc công nhận danh hiệu "Lao động tiên tiến" năm 2025');
    expect(t.authority).toBe('Chủ tịch Ủy ban nhân dân xã Quảng Khê');
    expect(t.articles.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(t.articles[0].text).toBe('Công nhận danh hiệu "Lao động tiên tiến" cho 2 tập thể, cá nhân có tên sau (truy tặng đối với người đã mất):');
    // Đ sorts after D in Vietnamese.
    expect(t.articles[0].list).toEqual(['Dương Thị An', 'Đỗ Văn Bình (truy tặng) — tiền thưởng 702.000 đồng (0,3 lần mức lương cơ sở)']);
    expect(t.articles[1].text).toMatch(/^Tiền thưởng tính theo mức lương cơ sở 2\.340\.000 đồng \(Nghị định 73\/2024\/NĐ-CP\)/);
  });

  it('gives a form to one collective, and has no bonus article when there is no bonus', () => {
    const t = decisionText({ ...base, titleVi: 'Quyết định về việc tặng Giấy khen', awardCode: 'GK_XA', issuerNameVi: 'Sở Y tế', recipients: [{ nomineeName: 'Khoa Nhi', nomineeKind: 'COLLECTIVE', posthumous: false, bonus: null }] }, () => 'Giấy khen của Chủ tịch UBND cấp xã');
    expect(t.authority).toBe('Sở Y tế');
    expect(t.articles.map((a) => a.text.slice(0, 40))).toEqual(['Tặng Giấy khen của Chủ tịch UBND cấp xã ', 'Quyết định này có hiệu lực kể từ ngày ký']);
    expect(t.articles[0].text).toMatch(/cho 1 tập thể có tên sau:$/);
    expect(decisionText({ ...base, recipients: [{ ...base.recipients[1], nomineeKind: 'HOUSEHOLD' }] }, () => 'x').articles[0].text).toMatch(/1 hộ gia đình/);
  });

  it('makes one certificate per recipient, the dead named as such', () => {
    const pages = certificateTexts(base, () => 'Lao động tiên tiến');
    expect(pages.map((p) => p.recipient)).toEqual(['Dương Thị An', 'Truy tặng: Đỗ Văn Bình']);
    expect(pages[0]).toMatchObject({ verb: 'Công nhận danh hiệu', award: 'LAO ĐỘNG TIÊN TIẾN', reference: 'Quyết định số 7/QĐ-UBND ngày 03/02/2026', authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG KHÊ' });
    expect(certificateTexts({ ...base, titleVi: 'Quyết định về việc tặng Giấy khen' }, () => 'Giấy khen')[0].verb).toBe('Tặng');
  });

  it('revokes what it names, with the reason, in articles of its own', () => {
    const t = decisionText({ ...base, kind: 'REVOCATION', awardCode: null, recipients: [], revokes: [{ nomineeName: 'Lý Văn Gian', decisionNumber: '3/QĐ-UBND', issuerNameVi: 'Ủy ban nhân dân xã Quảng Khê', reason: 'Kê khai sai sự thật' }] }, () => '');
    expect(t.articles).toEqual([
      { number: 1, text: 'Hủy bỏ khen thưởng đối với Lý Văn Gian tại Quyết định số 3/QĐ-UBND của Ủy ban nhân dân xã Quảng Khê; thu hồi hiện vật và tiền thưởng đã nhận. Lý do: Kê khai sai sự thật' },
      { number: 2, text: 'Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.' },
    ]);
  });
});
