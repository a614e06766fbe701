import { startStack, type Session, type Stack } from '../support/stack';
import { docxText, flat, pdfText } from '../support/document-text';
import { approveLevel, dossier, submit, waitForStep } from '../support/nominations';

/**
 * The proposal letter (tờ trình) and list (danh sách) that go up with what a level forwards:
 * drafted from the workflow's record, as PDF and .docx, for whoever may read those dossiers.
 */
describe('proposal letters and lists', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, otherClerk: Session;
  const forwarded: string[] = [];
  let inReview: string;
  let lastYear: string;

  beforeAll(async () => {
    stack = await startStack();
    [clerk, reviewer, otherClerk] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'vanthu.so-yte'].map((u) => stack.login(u)));
    const nominee = (name: string, position: string) => ({ ...dossier('BK_TINH').nominee, name, position, frontLine: true });
    forwarded.push(await submit(clerk, 'BK_TINH', { nominee: nominee('Trương Thị Đề Nghị', 'Giáo viên Trường THPT Chu Văn An') }));
    forwarded.push(await submit(clerk, 'BK_TINH', { nominee: nominee('Âu Văn Trình', 'Hiệu trưởng') }));
    inReview = await submit(clerk, 'BK_TINH', { nominee: nominee('Lý Văn Chờ', 'Giáo viên') });
    await Promise.all(forwarded.map((id) => approveLevel(stack, reviewer, id, 'UNIT')));
    await Promise.all(forwarded.map((id) => waitForStep(reviewer, id, 'IN_REVIEW', 'PROVINCE')));
  });
  afterAll(() => stack?.close());

  const letter = (who: Session, ext: 'pdf' | 'docx', ids: string[], level = 'UNIT') =>
    fetch(`${stack.baseUrl}/proposals/letter.${ext}?level=${level}&nominationIds=${ids.join(',')}`, { headers: { authorization: `Bearer ${who.token}` } });

  it('as PDF and .docx: proposer, number left for the clerk, addressee through Sở Nội vụ, the bases of the day, the list with each nominee', async () => {
    const [pdf, docx] = await Promise.all([letter(clerk, 'pdf', forwarded), letter(clerk, 'docx', forwarded)]);
    expect([pdf.status, pdf.headers.get('content-type'), docx.status, docx.headers.get('content-type')]).toEqual([200, 'application/pdf', 200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const texts = [flat(pdfText(Buffer.from(await pdf.arrayBuffer()))), flat(await docxText(Buffer.from(await docx.arrayBuffer())))];
    const { body: today } = await clerk.get(`/nominations/${forwarded[0]}`);
    expect(today.currentLevel).toBe('PROVINCE');
    for (const text of texts) {
      for (const part of [
        'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'Số: /TTr-SGDĐT', 'TỜ TRÌNH', `Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm ${today.year}`,
        'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng', 'Hồ sơ đề nghị được gửi qua Sở Nội vụ tỉnh Lâm Đồng (Ban Thi đua - Khen thưởng tỉnh) để thẩm định theo quy định.',
        'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Nghị định số 152/2025/NĐ-CP', 'cho 2 cá nhân đã có thành tích xuất sắc, trong đó 2 là người lao động trực tiếp',
        'DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', 'I. Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh', 'Âu Văn Trình', 'Trương Thị Đề Nghị', 'Giáo viên Trường THPT Chu Văn An, Sở Giáo dục và Đào tạo', 'GIÁM ĐỐC',
      ]) {
        expect(text).toContain(part);
      }
      expect(text).not.toContain('Lý Văn Chờ');
    }
  });

  it('a dossier not yet forwarded from that level is refused with its name; so is a level it never passed', async () => {
    const res = await letter(clerk, 'pdf', [...forwarded, inReview]);
    const body = (await res.json()) as { code: string; messageVi: string; messageEn: string };
    expect([res.status, body.code]).toEqual([409, 'NOT_FORWARDED']);
    expect(body.messageVi).toContain('Lý Văn Chờ');
    expect(body.messageEn).toContain('Lý Văn Chờ');
    expect((await letter(clerk, 'pdf', forwarded, 'PROVINCE')).status).toBe(409);
  });

  it('a name with a sign no Vietnamese font prints is refused with the reason, not printed as a box', async () => {
    const odd = await submit(clerk, 'BK_TINH', { nominee: { ...dossier('BK_TINH').nominee, name: 'Hồ Văn ✠ Ký Hiệu' } });
    await approveLevel(stack, reviewer, odd, 'UNIT');
    await waitForStep(reviewer, odd, 'IN_REVIEW', 'PROVINCE');
    const res = await letter(clerk, 'pdf', [odd]);
    const body = (await res.json()) as { code: string; messageVi: string };
    expect([res.status, body.code]).toEqual([422, 'LETTER_NOT_PRINTABLE']);
    expect(body.messageVi).toContain('✠');
    // The Word file carries text, not glyphs: the office can correct it there.
    expect((await letter(clerk, 'docx', [odd])).status).toBe(200);
  });

  it('another unit’s clerk learns nothing: the dossiers are not found', async () => {
    const res = await letter(otherClerk, 'docx', forwarded);
    expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([404, 'NOMINATION_NOT_FOUND']);
  });

  it('bad input is a 400 with the field: no ids, a malformed id, an unknown level', async () => {
    for (const query of ['level=UNIT', 'level=UNIT&nominationIds=', 'level=UNIT&nominationIds=not-an-id', `level=DISTRICT&nominationIds=${forwarded[0]}`]) {
      const res = await fetch(`${stack.baseUrl}/proposals/letter.pdf?${query}`, { headers: { authorization: `Bearer ${clerk.token}` } });
      expect(res.status).toBe(400);
    }
    expect((await fetch(`${stack.baseUrl}/proposals/letter.pdf?level=UNIT&nominationIds=${forwarded[0]}`)).status).toBe(401);
  });
});
