import { PDFDocument } from 'pdf-lib';
import JSZip from 'jszip';
import { decisionText, proposalText, type ProposalFacts } from '@vinhdanh/domain/decisions';
import { docxText, flat, pdfText } from '../../../../test/support/document-text';
import { decisionDocx, proposalDocx } from './docx';
import { proposalPdf } from './pdf';

const decision = decisionText(
  {
    number: '12/QĐ-UBND', kind: 'AWARD', issuerNameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng', issuedOn: '2026-01-15', place: 'Lâm Đồng',
    titleVi: 'Quyết định về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', awardCode: 'BK_TINH', signerName: 'Nguyễn Văn Chủ Tịch',
    basisVi: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
    recipients: [{ nomineeName: 'Đặng Thị Ánh Tuyết', nomineeKind: 'INDIVIDUAL', posthumous: false, bonus: { multiple: 1, baseSalaryVnd: 2_340_000, amountVnd: 2_340_000, baseSalarySource: 'Nghị định 73/2024/NĐ-CP', citation: [], uncertain: false } }],
    revokes: [],
  },
  () => 'Bằng khen của Chủ tịch UBND tỉnh',
);

const item = (name: string, awardCode: string, awardKind: string, frontLine = false) => ({
  nomineeName: name, nomineeKind: 'INDIVIDUAL', position: 'Giáo viên', unitNameVi: 'Trường THPT Gia Nghĩa', awardCode, awardKind,
  achievements: `${name} hoàn thành xuất sắc nhiệm vụ năm học; có sáng kiến được công nhận cấp tỉnh. `.repeat(12), posthumous: false, frontLine,
});
const facts: ProposalFacts = {
  proposerNameVi: 'Sở Giáo dục và Đào tạo', proposerCode: 'SGDĐT', addresseeNameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng', throughNameVi: 'Sở Nội vụ tỉnh Lâm Đồng',
  place: 'Lâm Đồng', date: '2025-11-20', year: 2025,
  items: [item('Trần Văn Ước', 'BK_TINH', 'FORM', true), item('Âu Thị Bích', 'BK_TINH', 'FORM'), item('Lê Thị Sáng', 'CSTD_TINH', 'TITLE')],
};
const names = (code: string) => ({ BK_TINH: 'Bằng khen của Chủ tịch UBND tỉnh', CSTD_TINH: 'Chiến sĩ thi đua cấp tỉnh' })[code]!;

describe('documents a government office files, as .docx and PDF, read back as text', () => {
  it('the decision .docx carries the Decree 30 parts: issuer, number, motto, bases, articles with the bonus, Nơi nhận, signer', async () => {
    const docx = await decisionDocx(decision);
    const text = flat(await docxText(docx));
    for (const part of ['ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Số: 12/QĐ-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Đồng, ngày 15 tháng 01 năm 2026',
      'QUYẾT ĐỊNH', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Điều 1. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 1 cá nhân có tên sau:', '1. Đặng Thị Ánh Tuyết — tiền thưởng 2.340.000 đồng (1 lần mức lương cơ sở)',
      'Nơi nhận:', '- Như Điều 3;', '- Lưu: VT.', 'CHỦ TỊCH', 'Nguyễn Văn Chủ Tịch']) {
      expect(text).toContain(part);
    }
    // The font travels with the file: a reader without Liberation Serif still sees every letter.
    const zip = await JSZip.loadAsync(docx);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/fonts/')).length).toBe(4);
  });

  it('the proposal letter names proposer, addressee and list; its list groups nominees by award in Vietnamese order', async () => {
    const text = proposalText(facts, names);
    expect(text.subject).toBe('Về việc đề nghị khen thưởng năm 2025');
    expect(text.addressee).toBe('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng');
    expect(text.paragraphs[2]).toBe('Căn cứ kết quả xét duyệt của Sở Giáo dục và Đào tạo trên hệ thống Vinh Danh,');
    expect(text.paragraphs[3]).toMatch(/cho 3 cá nhân đã có thành tích xuất sắc, trong đó 1 là người lao động trực tiếp hoặc tập thể nhỏ \(có danh sách kèm theo\)\.$/);
    expect(text.list.groups.map((g) => [g.heading, g.rows.map((r) => r[1])])).toEqual([
      ['I. Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh', ['Âu Thị Bích', 'Trần Văn Ước']],
      ['II. Đề nghị công nhận danh hiệu "Chiến sĩ thi đua cấp tỉnh"', ['Lê Thị Sáng']],
    ]);
    // A long report is summarised in the list; the whole of it stays in the dossier.
    expect(text.list.groups[0].rows[0][3].length).toBeLessThanOrEqual(400);
    expect(text.list.groups[0].rows[0][3].endsWith('…')).toBe(true);
    // A single award names itself in the subject.
    expect(proposalText({ ...facts, items: facts.items.slice(0, 1) }, names).subject).toBe('Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2025');
  });

  it('the proposal as PDF and .docx reads the same: number left for the clerk, bases, addressee, the list on its own page', async () => {
    const text = proposalText(facts, names);
    const pdf = await proposalPdf(text);
    const fromPdf = flat(pdfText(pdf));
    const fromDocx = flat(await docxText(await proposalDocx(text)));
    for (const read of [fromPdf, fromDocx]) {
      for (const part of ['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Số: /TTr-SGDĐT', 'TỜ TRÌNH', 'Về việc đề nghị khen thưởng năm 2025', 'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng',
        'Căn cứ Nghị định số 152/2025/NĐ-CP', 'Hồ sơ đề nghị được gửi qua Sở Nội vụ tỉnh Lâm Đồng để thẩm định theo quy định.', 'GIÁM ĐỐC', 'Nơi nhận:', '- Sở Nội vụ tỉnh Lâm Đồng (để thẩm định);',
        'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', 'I. Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh', 'Âu Thị Bích', 'Trần Văn Ước', 'Lê Thị Sáng', 'Giáo viên, Trường THPT Gia Nghĩa']) {
        expect(read).toContain(part);
      }
    }
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    // The list is an appendix on its own page, not on the letter's.
    expect(pdfText(pdf).split('\f')[0]).not.toContain('DANH SÁCH ĐỀ NGHỊ');
  });

  it('a list of 150 nominees breaks over pages with the header row repeated', async () => {
    const many = { ...facts, items: Array.from({ length: 150 }, (_, i) => item(`Nguyễn Văn Số ${i + 1}`, 'BK_TINH', 'FORM')) };
    const pages = pdfText(await proposalPdf(proposalText(many, names))).split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(5);
    const listPages = pages.filter((p) => p.includes('Nguyễn Văn Số'));
    expect(listPages.every((p) => p.includes('Tóm tắt thành tích'))).toBe(true);
    expect(new Set(pages.join('\n').match(/Nguyễn Văn Số \d+/g)).size).toBe(150);
  });
});
