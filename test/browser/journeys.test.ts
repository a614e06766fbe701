import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { accessibilityProblems, launchBrowser, pageProblems, shot, signIn, visitor, type Visitor } from '../support/browser';
import { eventually, startStack, type Stack } from '../support/stack';
import { approveLevel, dossier, submit, waitForStatus, waitForStep, person } from '../support/nominations';
import { webDistDir } from '../../apps/api/src/web/serve-web';
import { docxText, flat, pdfText } from '../support/document-text';
import { listWorkbook } from '../support/lists';

/**
 * One journey per role, in a real headless Chromium against the real API, worker, Temporal server
 * and PostgreSQL: each person signs in and does their job through the pages, to its outcome.
 * Screenshots are saved under test-artifacts/screenshots/.
 */
describe('browser journeys', () => {
  let stack: Stack;
  let browser: Browser;
  const opened: Visitor[] = [];
  const unit = 'so-gddt';

  async function as(username: string | null, viewport?: { width: number; height: number }): Promise<Page> {
    const v = await visitor(browser, stack.baseUrl, viewport);
    opened.push(v);
    if (username) await signIn(v.page, username);
    return v.page;
  }

  /** Files one document under each component a Giấy khen's dossier requires (Law Art 84(2)). */
  async function fileComponents(page: Page, tag: string) {
    for (const [component, name] of [['TO_TRINH', 'Tờ trình.pdf'], ['BAO_CAO_THANH_TICH', 'Báo cáo thành tích.pdf'], ['BIEN_BAN_XET_KHEN', 'Biên bản xét khen.pdf']]) {
      await page.locator(`#documents-${component}`).setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${name} ${tag} ${Date.now()}`) });
      await page.getByText(name, { exact: true }).waitFor();
    }
  }

  /** Every page a journey visits is checked the same way before its screenshot. */
  async function check(page: Page, name: string) {
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, name);
  }

  beforeAll(async () => {
    if (!fs.existsSync(`${webDistDir()}/index.html`)) throw new Error('dist/web is missing: run `npm run build:web` (npm test does it first).');
    stack = await startStack();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const v of opened.splice(0)) {
      expect(pageProblems(v.page)).toEqual([]);
      await v.context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('clerk: prepares a dossier, meets validation next to the fields, uploads, submits, answers supplements, follows progress', async () => {
    const page = await as(`vanthu.${unit}`);
    await check(page, 'clerk-01-home');
    await page.getByRole('link', { name: 'Lập hồ sơ đề nghị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập hồ sơ đề nghị khen thưởng' }).waitFor();

    // Sent empty: the reasons appear beside the fields they concern, and nothing is submitted.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const nameField = page.getByLabel('Họ và tên / tên tập thể');
    await expect(nameField.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.locator('#nominee-name-error').textContent()).toContain('Không được để trống');
    expect(await page.locator('#achievements-error').textContent()).toContain('Không được để trống');
    await check(page, 'clerk-02-validation');

    await nameField.fill('Trần Thị Bích Ngọc');
    await page.getByLabel('Năm sinh').fill('1988');
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill(person('Trần Thị Bích Ngọc', 1988).personalId);
    await page.getByLabel('Chức vụ, nghề nghiệp').fill('Giáo viên trường PTDTNT');
    await page.getByLabel(/trực tiếp lao động/).check();
    await page.getByLabel('Hình thức khen thưởng').selectOption('GK_DONVI');
    await page.getByLabel('Tóm tắt thành tích').fill('Hoàn thành xuất sắc nhiệm vụ năm học; 100% học sinh lớp chủ nhiệm lên lớp.');
    // The achievement period shows day first (dd/mm/yyyy), whatever the browser's language.
    await expect(page.getByLabel('Thành tích từ ngày').inputValue()).resolves.toMatch(/^01\/01\/\d{4}$/);
    // One slot per component the award's dossier requires; sending without one is refused beside it.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    expect(await page.locator('#documents-BAO_CAO_THANH_TICH-error').textContent()).toContain('Chưa có tệp cho thành phần hồ sơ bắt buộc này');
    await fileComponents(page, 'năm 2025');
    await page.getByRole('list', { name: 'Tài liệu đã đính kèm' }).getByText('Báo cáo thành tích.pdf').waitFor();
    await page.getByRole('button', { name: 'Kiểm tra điều kiện' }).click();
    await page.getByRole('heading', { name: /Kết quả đánh giá điều kiện/ }).waitFor();
    await check(page, 'clerk-03-filled-with-eligibility');

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText('Đã nộp hồ sơ.').waitFor();
    const id = page.url().split('/nominations/')[1].split('?')[0];
    await check(page, 'clerk-04-submitted');

    // The unit's reviewer asks for one more document (through the API: the reviewer's journey is below).
    const reviewer = await stack.login(`thamdinh.${unit}`);
    await waitForStep(reviewer, id, 'IN_REVIEW');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', reason: 'Thiếu biên bản họp xét', items: ['Biên bản họp Hội đồng TĐKT cơ sở'], deadlineDays: 5 })).status).toBe(200);
    await waitForStep(reviewer, id, 'SUPPLEMENT_REQUESTED');

    await page.goto('/app/');
    await page.getByRole('heading', { name: 'Yêu cầu bổ sung đang chờ' }).waitFor();
    await page.getByRole('link', { name: 'Nộp bổ sung' }).first().click();
    await page.getByText('Biên bản họp Hội đồng TĐKT cơ sở', { exact: true }).first().waitFor();
    await page.getByLabel('Nội dung bổ sung').fill('Đã bổ sung biên bản họp xét ngày 20/12.');
    // The file goes into the slot of the item it answers; the summary is corrected in the same answer.
    await page.getByLabel('Tài liệu cho mục: Biên bản họp Hội đồng TĐKT cơ sở').setInputFiles({ name: 'bien-ban-hop.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 biên bản') });
    await page.getByText('bien-ban-hop.pdf').waitFor();
    await page.getByLabel('Tóm tắt thành tích (sửa nếu được yêu cầu)').fill('Hoàn thành xuất sắc nhiệm vụ năm học; 100% học sinh lớp chủ nhiệm lên lớp; có biên bản họp xét.');
    await check(page, 'clerk-05-supplement-form');
    await page.getByRole('button', { name: 'Nộp bổ sung' }).click();
    await eventually(async () => (await page.getByText('Đang thẩm định').count()) > 0);
    await page.getByText('Nộp bổ sung', { exact: true }).first().waitFor();
    await check(page, 'clerk-06-progress');
    // The uploaded files are stored, and the dossier's links fetch exactly those bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'bien-ban-hop.pdf' }).click()]);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe('%PDF-1.4 biên bản');
    const supplied = (await reviewer.get(`/nominations/${id}`)).body;
    expect(supplied.dossier.achievements).toBe('Hoàn thành xuất sắc nhiệm vụ năm học; 100% học sinh lớp chủ nhiệm lên lớp; có biên bản họp xét.');
    expect(supplied.steps.find((x: { type: string }) => x.type === 'SupplementProvided').data.documents).toEqual([expect.objectContaining({ name: 'bien-ban-hop.pdf', item: 0 })]);
  });

  it('clerk: pastes a list from a spreadsheet; the preview flags the header, a bad year, a bad number and a repeated person before anything is sent', async () => {
    const page = await as(`vanthu.${unit}`);
    await page.goto('/app/nominations/bulk');
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ theo danh sách' }).waitFor();
    await page.getByLabel('Hình thức khen thưởng').selectOption('GK_DONVI');
    const [lan, minh] = [person('Ngô Thị Lan', 1985), person('Đinh Văn Minh', 1979)];
    // As Excel copies it: tab-separated, with its header row.
    await page.getByLabel('Danh sách cá nhân').fill([
      'Họ và tên\tNăm sinh\tSố định danh\tChức vụ\tTiêu biểu',
      `Ngô Thị Lan\t1985\t${lan.personalId}\tGiáo viên\tx`,
      'Lý Văn Sai Số\t1990\t12345\tNhân viên',
      `Đinh Văn Minh\t1979\t${minh.personalId}\tTổ trưởng chuyên môn`,
      `Hà Thị Gõ Nhầm\t198O\t${person('Hà Thị Gõ Nhầm', 1980).personalId}\tKế toán`,
      `NGÔ THỊ LAN\t1985\t${lan.personalId}\tGiáo viên`,
    ].join('\n'));
    await page.getByLabel('Tóm tắt thành tích').fill('Hoàn thành xuất sắc nhiệm vụ năm học.');
    const grid = page.getByRole('table', { name: /Xem trước danh sách/ });
    await page.getByText('Đã bỏ qua dòng tiêu đề').waitFor();
    expect(await grid.getByRole('row', { name: /Họ và tên/ }).count()).toBe(0);
    await grid.getByRole('row', { name: /Lý Văn Sai Số.*Không nộp: Số định danh “12345” phải gồm 12 chữ số/ }).waitFor();
    await grid.getByRole('row', { name: /Hà Thị Gõ Nhầm.*Không nộp: Năm sinh “198O” phải gồm 4 chữ số/ }).waitFor();
    await grid.getByRole('row', { name: /NGÔ THỊ LAN.*Không nộp: Trùng với dòng 2/ }).waitFor();
    await page.getByText('2 dòng sẵn sàng nộp, 3 dòng cần sửa.').waitFor();
    await check(page, 'clerk-bulk-00-preview');
    await page.getByRole('button', { name: 'Nộp 2 hồ sơ' }).click();
    await eventually(async () => (await grid.getByRole('link', { name: 'Đã nộp — xem hồ sơ' }).count()) === 2);
    await check(page, 'clerk-bulk-01-results');
    // Two nominations exist, each in its own workflow; the flagged lines made nothing.
    const clerk = await stack.login(`vanthu.${unit}`);
    const listed = (await clerk.get(`/nominations?unitId=${unit}&awardCode=GK_DONVI&pageSize=200`)).body.items.map((n: { nominee: { name: string } }) => n.nominee.name);
    expect(listed.filter((n: string) => n === 'Ngô Thị Lan')).toHaveLength(1);
    expect(listed).toContain('Đinh Văn Minh');
    for (const flagged of ['Lý Văn Sai Số', 'Hà Thị Gõ Nhầm', 'NGÔ THỊ LAN']) expect(listed).not.toContain(flagged);
  });

  it('clerk: imports a year-end list from an Excel file; every row checked, then the ready ones sent with progress', async () => {
    const page = await as(`vanthu.${unit}`);
    await page.goto('/app/nominations/import');
    await page.getByRole('heading', { level: 1, name: 'Nhập danh sách đề nghị từ tệp Excel' }).waitFor();
    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tệp mẫu' }).click();
    expect((await template).suggestedFilename()).toBe('mau-danh-sach-ca-nhan.xlsx');
    const [thu, son] = [person('Trần Thị Thu', 1987), person('Vũ Văn Sơn', 1975)];
    const file = await listWorkbook([
      [thu.name, 1987, thu.personalId, 'Giáo viên', 'x'],
      ['Lỗi Năm Sinh', '19A7', person('Lỗi Năm Sinh', 1987).personalId, 'Nhân viên'],
      [son.name, 1975, son.personalId, 'Tổ trưởng', '', 'Giáo viên dạy giỏi cấp tỉnh.'],
    ]);
    await page.getByLabel('Hình thức khen thưởng').selectOption('GK_DONVI');
    await page.getByLabel('Tệp danh sách (.xlsx)').setInputFiles({ name: 'Danh sách khen thưởng 2025.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByLabel('Tóm tắt thành tích chung').fill('Hoàn thành xuất sắc nhiệm vụ năm học.');
    await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách tải lên: Danh sách khen thưởng 2025.xlsx' }).waitFor();
    const rows = page.getByRole('table', { name: /Các dòng của danh sách/ });
    await rows.getByRole('row', { name: /Lỗi Năm Sinh.*Không nộp: Năm sinh “19A7” phải gồm 4 chữ số/ }).waitFor();
    await page.getByText('Sẵn sàng: 2').waitFor();
    await check(page, 'clerk-import-00-preview');
    await page.getByRole('button', { name: 'Gửi 2 hồ sơ hợp lệ…' }).click();
    await page.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await page.getByText('Đã gửi xong').waitFor();
    await eventually(async () => (await rows.getByRole('link', { name: /Đã gửi · HS-\d{4}-\d{6}/ }).count()) === 2);
    await check(page, 'clerk-import-01-sent');
    // The result exports as a spreadsheet, every row with its outcome; so does the unit's list of dossiers.
    const readDownload = async (click: () => Promise<void>) => {
      const pending = page.waitForEvent('download');
      await click();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync((await (await pending).path())!) as unknown as ArrayBuffer);
      return Array.from(wb.worksheets[0].getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
    };
    const result = await readDownload(() => page.getByRole('button', { name: 'Xuất Excel' }).click());
    expect(result[3]).toEqual(['Dòng', 'Người/tập thể được đề nghị', 'Năm sinh', 'Số định danh cá nhân (CCCD)', 'Chức vụ, nghề nghiệp', 'Trạng thái', 'Số hồ sơ', 'Kết quả']);
    expect(result.find((r) => r[1] === 'Lỗi Năm Sinh')?.[7]).toBe('Năm sinh “19A7” phải gồm 4 chữ số');
    expect(result.filter((r) => r[5] === 'Đã gửi').map((r) => r[1])).toEqual([thu.name, son.name]);
    await rows.getByRole('link', { name: /Đã gửi/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /Trần Thị Thu/ }).waitFor();
    await page.goto('/app/nominations?awardCode=GK_DONVI');
    await page.getByRole('button', { name: 'Xuất Excel' }).waitFor();
    const listed = await readDownload(() => page.getByRole('button', { name: 'Xuất Excel' }).click());
    expect(listed[1]).toEqual(['Hồ sơ đề nghị khen thưởng']);
    expect(listed.map((r) => r[1])).toEqual(expect.arrayContaining([thu.name, son.name]));
  });

  it('clerk and head: the year’s registration, titles and pledges, sent and approved; the dossier says its nominee registered', async () => {
    const year = new Date().getFullYear();
    const page = await as(`vanthu.${unit}`);
    await page.getByRole('link', { name: 'Đăng ký thi đua' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký thi đua' }).waitFor();
    await page.getByRole('button', { name: `Lập đăng ký năm ${year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Đăng ký thi đua năm ${year} — Sở Giáo dục và Đào tạo` }).waitFor();
    await page.getByLabel('Mục tiêu, chỉ tiêu thi đua của đơn vị').fill('100% giáo viên hoàn thành nhiệm vụ; 5 sáng kiến cấp cơ sở.');
    const hoa = person('Vũ Thị Đăng Ký', 1986);
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    const row = page.getByRole('table', { name: /Danh hiệu đăng ký/ }).getByRole('row').last();
    await row.getByLabel('Người/tập thể được đề nghị').fill(hoa.name);
    await row.getByLabel('Năm sinh').fill('1986');
    await row.getByLabel('Số định danh cá nhân (CCCD)').fill(hoa.personalId);
    await row.getByLabel('Danh hiệu đăng ký').selectOption('CSTDCS');
    await page.getByRole('button', { name: 'Lưu đăng ký' }).click();
    await page.getByText('Đã lưu đăng ký.').waitFor();
    await page.getByRole('row', { name: new RegExp(`${hoa.name}.*…${hoa.personalId.slice(-4)}.*Chiến sĩ thi đua cơ sở`) }).waitFor();
    await check(page, 'registration-00-clerk');
    await page.getByRole('button', { name: 'Gửi thủ trưởng duyệt' }).click();
    await page.getByText('Đã gửi thủ trưởng duyệt.').waitFor();
    const url = page.url();

    const head = await as(`thutruong.${unit}`);
    await head.goto(url.replace(/^https?:\/\/[^/]+/, ''));
    await head.getByRole('region', { name: 'Duyệt đăng ký thi đua' }).waitFor();
    await check(head, 'registration-01-head');
    await head.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await head.getByText('Đã duyệt đăng ký.').waitFor();
    await head.getByText('Đã duyệt', { exact: true }).waitFor();

    // At year end, the dossier of the registered teacher says so.
    const clerk = await stack.login(`vanthu.${unit}`);
    const id = await submit(clerk, 'CSTDCS', { year, achievementPeriod: { from: `${year}-01-01`, to: `${year}-12-31` }, nominee: { ...hoa, position: 'Giáo viên' } });
    await page.goto(`/app/nominations/${id}`);
    await page.getByRole('link', { name: `Đã đăng ký thi đua danh hiệu này cho năm ${year} (Đã duyệt, gửi sau hạn).` }).waitFor();
  });

  it('cluster heads: each scores the members on the cluster’s criteria, the year’s leader closes, the ranking proposes the awards', async () => {
    const year = new Date().getFullYear() - 1;
    const cluster = (await (await stack.login('thutruong.so-gddt')).get('/clusters')).body.items.find((c: { id: string }) => c.id === 'cum-so-nganh-doanh-nghiep');
    const { rotation } = await import('@vinhdanh/domain/movement/cluster');
    const { leaderUnitId } = rotation(cluster, year);
    const names: Record<string, string> = { 'so-gddt': 'Sở Giáo dục và Đào tạo', 'so-yte': 'Sở Y tế', 'cty-cao-su': 'Công ty TNHH MTV Cao su Đắk Nông' };
    const leader = await as(`thutruong.${leaderUnitId}`);
    await leader.getByRole('link', { name: 'Cụm, khối thi đua' }).click();
    const card = leader.getByRole('article', { name: 'Cụm thi đua các sở, ngành và doanh nghiệp nhà nước' });
    await card.getByRole('button', { name: `Mở chấm điểm năm ${year}` }).click();
    await leader.getByRole('heading', { level: 1, name: `Cụm thi đua các sở, ngành và doanh nghiệp nhà nước — chấm điểm năm ${year}` }).waitFor();
    const roundUrl = leader.url().replace(/^https?:\/\/[^/]+/, '');
    // Every head scores: the first member best, by everyone.
    const scoreAll = async (page: Page, best: string) => {
      for (const unit of Object.keys(names)) {
        await page.getByLabel(`Điểm Thực hiện nhiệm vụ chính trị, chuyên môn được giao của ${names[unit]}`).fill(unit === best ? '48' : '42');
        for (const [criterion, score] of [['Tổ chức phong trào thi đua và công tác khen thưởng', '18'], ['Xây dựng Đảng, đoàn thể; cải cách hành chính', '17'], ['Thực hiện giao ước thi đua của cụm', '9']]) {
          await page.getByLabel(`Điểm ${criterion} của ${names[unit]}`).fill(score);
        }
      }
      await page.getByRole('button', { name: 'Gửi phiếu chấm điểm' }).click();
      await page.getByText('Đã gửi phiếu chấm điểm.').waitFor();
    };
    await leader.getByRole('button', { name: 'Ký giao ước thay mặt đơn vị' }).click();
    await leader.getByText('Đơn vị đã ký giao ước.').waitFor();
    await leader.getByText(`Đã ký: ${names[leaderUnitId]}`).waitFor();
    await scoreAll(leader, 'so-gddt');
    await check(leader, 'cluster-00-sheet');
    for (const unit of Object.keys(names).filter((u) => u !== leaderUnitId)) {
      const head = await as(`thutruong.${unit}`);
      await head.goto(roundUrl);
      await scoreAll(head, 'so-gddt');
    }
    await leader.reload();
    await leader.getByText('3/3 đơn vị đã chấm').waitFor();
    await leader.getByRole('button', { name: 'Kết thúc chấm điểm và xếp hạng…' }).click();
    await leader.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
    const ranking = leader.getByRole('table', { name: 'Xếp hạng theo điểm các đơn vị khác chấm' });
    await ranking.getByRole('row', { name: /^1 Sở Giáo dục và Đào tạo .*Cờ thi đua/ }).waitFor();
    await check(leader, 'cluster-01-ranking');
  });

  it('Home Affairs and a unit: a phase review opened, the unit reports its figures, the review closed and aggregated', async () => {
    const snv = await as('thamdinh.so-noi-vu');
    await snv.getByRole('link', { name: 'Sơ kết, tổng kết' }).click();
    const form = snv.getByRole('form', { name: 'Mở đợt sơ kết, tổng kết' });
    await form.getByLabel('Giai đoạn').selectOption('TONG_KET');
    const due = new Date(Date.now() + 10 * 86_400_000);
    await form.getByLabel('Hạn gửi báo cáo').fill(`${String(due.getUTCDate()).padStart(2, '0')}/${String(due.getUTCMonth() + 1).padStart(2, '0')}/${due.getUTCFullYear()}`);
    await form.getByRole('button', { name: 'Mở đợt' }).click();
    await snv.getByRole('heading', { level: 1, name: /^Giai đoạn 2 — tổng kết: Phong trào thi đua/ }).waitFor();
    const url = snv.url().replace(/^https?:\/\/[^/]+/, '');

    const clerk = await as(`vanthu.${unit}`);
    await clerk.goto(url);
    const report = clerk.getByRole('form', { name: 'Báo cáo của đơn vị' });
    for (const [label, value] of [['Tập thể được khen thưởng', '4'], ['Cá nhân được khen thưởng', '25'], ['Trong đó người trực tiếp lao động, sản xuất', '17'], ['Điển hình tiên tiến', '3'], ['Sáng kiến được công nhận', '9']]) {
      await report.getByLabel(label).fill(value);
    }
    await report.getByLabel('Đánh giá kết quả, hạn chế, bài học kinh nghiệm').fill('Phong trào “Dạy tốt, học tốt” lan tỏa; cần nhân rộng mô hình trường học số.');
    await check(clerk, 'phase-review-00-unit');
    await report.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await clerk.getByText('Đã gửi báo cáo của đơn vị.').waitFor();

    await snv.reload();
    await snv.getByRole('row', { name: /Sở Giáo dục và Đào tạo Đã báo cáo 4 25 17 3 9/ }).waitFor();
    await snv.getByRole('button', { name: 'Đóng đợt và tổng hợp…' }).click();
    await snv.getByRole('button', { name: 'Xác nhận đóng đợt' }).click();
    // The page follows the closing until the figures are added up.
    await snv.getByText('Đã tổng hợp', { exact: true }).waitFor({ timeout: 90_000 });
    await snv.getByRole('row', { name: /^Tổng cộng 1\/\d+ 4 25 17 3 9 / }).waitFor();
    await check(snv, 'phase-review-01-aggregated');
    const pending = snv.waitForEvent('download');
    await snv.getByRole('button', { name: 'Tải báo cáo tổng hợp (Excel)' }).click();
    expect((await pending).suggestedFilename()).toBe('tong-hop-tong-ket.xlsx');
  });

  it('clerk and head: an exemplary model found, fostered, summed up, published, and read by the public', async () => {
    const clerk = await as(`vanthu.${unit}`);
    await clerk.getByRole('link', { name: 'Điển hình tiên tiến' }).click();
    const form = clerk.getByRole('form', { name: 'Ghi nhận điển hình mới phát hiện' });
    await form.getByLabel('Tập thể, cá nhân điển hình').fill('Trường THCS Nguyễn Du');
    await form.getByLabel('Tên mô hình, điển hình').fill('Mô hình “Thư viện xanh”');
    await form.getByLabel('Vì sao là điển hình (khi phát hiện)').fill('Thư viện mở ngoài trời, 100% học sinh đọc sách mỗi tuần.');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'Mô hình “Thư viện xanh”' }).waitFor();
    for (const [stage, note] of [['Bồi dưỡng', 'Tập huấn cán bộ thư viện, bổ sung 2.000 đầu sách.'], ['Tổng kết', 'Hội nghị tổng kết cấp tỉnh, báo cáo kinh nghiệm.']]) {
      await clerk.getByLabel(`Việc đã làm ở giai đoạn ${stage}`).fill(note);
      await clerk.getByRole('button', { name: `Chuyển sang giai đoạn ${stage}` }).click();
      await clerk.getByText('Đã chuyển giai đoạn.').waitFor();
      await clerk.getByText(note).waitFor();
    }
    await check(clerk, 'model-00-clerk');
    const url = clerk.url().replace(/^https?:\/\/[^/]+/, '');
    const head = await as(`thutruong.${unit}`);
    await head.goto(url);
    await head.getByRole('button', { name: 'Công bố điển hình' }).click();
    await head.getByText('Đã công bố lên trang công khai.').waitFor();

    const visitorPage = await as(null);
    await visitorPage.goto('/app/cong-khai');
    const card = visitorPage.getByRole('article', { name: 'Mô hình “Thư viện xanh”' });
    await card.getByText('Thư viện mở ngoài trời, 100% học sinh đọc sách mỗi tuần.').waitFor();
    await card.getByText(/Tổng kết — .*Hội nghị tổng kết cấp tỉnh/).waitFor();
    await check(visitorPage, 'model-01-public');
  });

  it('clerk: keeps a person’s record in the app — a year’s rating and an earlier award — reached from the dossier', async () => {
    const clerk = await stack.login(`vanthu.${unit}`);
    const name = 'Trịnh Thị Hồ Sơ';
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name } });
    const page = await as(`vanthu.${unit}`);
    await page.goto(`/app/nominations/${id}`);
    await page.getByRole('link', { name: 'Cập nhật quá trình thi đua của người được đề nghị' }).click();
    await page.getByRole('heading', { level: 1, name: `Quá trình thi đua: ${name}` }).waitFor();

    const rating = page.getByRole('group', { name: 'Ghi xếp loại năm' });
    await rating.getByLabel('Năm').fill('2025');
    await rating.getByLabel('Xếp loại').selectOption({ label: 'hoàn thành xuất sắc nhiệm vụ' });
    await rating.getByRole('button', { name: 'Ghi' }).click();
    await page.getByText('Đã ghi vào mục “Xếp loại hằng năm”.').waitFor();
    await page.getByRole('article', { name: 'Xếp loại hằng năm' }).getByRole('row', { name: /2025 hoàn thành xuất sắc nhiệm vụ/ }).waitFor();

    // A malformed decision number is refused beside its field, in Vietnamese, and nothing is saved.
    const award = page.getByRole('group', { name: /Ghi khen thưởng đã có/ });
    await award.getByLabel('Hình thức khen thưởng').selectOption('GK_DONVI');
    await award.getByLabel('Năm').fill('2024');
    await award.getByLabel('Số quyết định').fill('12/ABC');
    // Dates are typed day first, as written here, whatever the browser's language.
    await award.getByLabel('Ngày ký').fill('20/12/2024');
    await award.getByRole('button', { name: 'Ghi' }).click();
    await award.getByRole('alert').first().waitFor();
    await award.getByLabel('Số quyết định').fill('12/QĐ-SGDĐT');
    await award.getByRole('button', { name: 'Ghi' }).click();
    await page.getByRole('article', { name: 'Danh hiệu, khen thưởng' }).getByRole('row', { name: /12\/QĐ-SGDĐT \(20\/12\/2024\)/ }).waitFor();
    await check(page, 'clerk-record-01');

    // Found again from the list of the unit's people, by name typed without accents.
    await page.getByRole('navigation').getByRole('link', { name: 'Quá trình thi đua' }).click();
    await page.getByLabel('Tên người, tập thể').fill('trinh thi ho so');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('row', { name: /Trịnh Thị Hồ Sơ.*2025: hoàn thành xuất sắc nhiệm vụ/ }).waitFor();
    await check(page, 'clerk-record-02-list');
    const record = (await clerk.get(`/nominees/${(await clerk.get(`/nominations/${id}`)).body.nomineeId}/record`)).body.record;
    expect(record.ratings).toEqual([{ year: 2025, rating: 'HTXSNV' }]);
    expect(record.awards.map((a: { decisionNumber: string }) => a.decisionNumber)).toEqual(['12/QĐ-SGDĐT']);
  });

  it('clerk: corrects a dossier before its review, then withdraws it; the ladder shows where it stopped, not a rung passed', async () => {
    const clerk = await stack.login(`vanthu.${unit}`);
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Phan Văn Rút' } });
    await waitForStep(clerk, id, 'IN_REVIEW');
    const page = await as(`vanthu.${unit}`);
    await page.goto(`/app/nominations/${id}`);
    // Before its review the clerk corrects a typo in place, instead of withdrawing and starting again.
    await page.getByRole('button', { name: 'Sửa hồ sơ (trước khi thẩm định)…' }).click();
    await page.getByRole('region', { name: 'Sửa hồ sơ trước khi thẩm định' }).getByLabel('Tóm tắt thành tích').fill('Hoàn thành xuất sắc nhiệm vụ năm học 2024–2025 (đã sửa).');
    await page.getByRole('button', { name: 'Lưu bản sửa' }).click();
    await page.getByText('Hoàn thành xuất sắc nhiệm vụ năm học 2024–2025 (đã sửa).', { exact: true }).waitFor();
    await page.getByRole('list').getByText('Sửa hồ sơ trước khi thẩm định', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Rút hồ sơ…' }).click();
    await page.getByLabel(/Lý do/).fill('Đơn vị rút để bổ sung thành tích năm sau.');
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    const ladder = page.getByRole('list', { name: 'Các cấp xét duyệt' });
    await ladder.getByText('Cơ sở — dừng tại đây (Đã rút)').waitFor();
    expect(await ladder.locator('li.done').count()).toBe(0);
    await check(page, 'clerk-withdrawn');
  });

  it('clerk: saves a half-filled dossier as a draft, leaves, comes back from the home page, finishes and sends it', async () => {
    const page = await as(`vanthu.${unit}`);
    await page.getByRole('link', { name: 'Lập hồ sơ đề nghị' }).click();
    const ngoc = person('Lương Thị Nháp', 1990);
    await page.getByLabel('Họ và tên / tên tập thể').fill('Lương Thị Nháp');
    await page.getByLabel('Năm sinh').fill('1990');
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill(ngoc.personalId);
    await page.getByLabel('Hình thức khen thưởng').selectOption('GK_DONVI');
    await page.getByLabel('Tóm tắt thành tích').fill('Đang soạn: hoàn thành xuất sắc nhiệm vụ năm học.');
    await fileComponents(page, 'bản nháp');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText(/Đã lưu nháp lúc/).waitFor();
    await check(page, 'clerk-draft-01-saved');

    // Leaving the form loses nothing: the home page lists the draft, which opens where it was left.
    await page.getByRole('navigation').getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByRole('link', { name: 'Lương Thị Nháp' }).click();
    await page.getByText(/Đã lưu nháp lúc/).waitFor();
    await expect(page.getByLabel('Tóm tắt thành tích').inputValue()).resolves.toBe('Đang soạn: hoàn thành xuất sắc nhiệm vụ năm học.');
    await expect(page.getByLabel('Hình thức khen thưởng').inputValue()).resolves.toBe('GK_DONVI');
    // The personal identification number was not kept: it is entered again to send.
    await expect(page.getByLabel('Số định danh cá nhân (CCCD)').inputValue()).resolves.toBe('');
    await page.getByLabel('Số định danh cá nhân (CCCD)').fill(ngoc.personalId);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByText('Đã nộp hồ sơ.').waitFor();
    // Sent, the draft is gone.
    const clerk = await stack.login(`vanthu.${unit}`);
    expect((await clerk.get('/drafts')).body.items.map((d: { title: string }) => d.title)).not.toContain('Lương Thị Nháp');
  });

  it('clerk on a phone: the home page and the form fit the screen', async () => {
    // A supplement is waiting, so the home page shows its task table (the widest thing on it), for a
    // nominee whose name is one long unbroken word, as a careless paste can make it.
    const clerk = await stack.login(`vanthu.${unit}`);
    const reviewer = await stack.login(`thamdinh.${unit}`);
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'NguyễnThịPhươngThảoTrườngTiểuHọcKrôngNô' } });
    await waitForStep(reviewer, id, 'IN_REVIEW');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'REQUEST_SUPPLEMENTS', reason: 'Thiếu biên bản', items: ['Biên bản họp'], deadlineDays: 5 })).status).toBe(200);
    await waitForStep(reviewer, id, 'SUPPLEMENT_REQUESTED');
    const page = await as(`vanthu.${unit}`, { width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Yêu cầu bổ sung đang chờ' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await check(page, 'clerk-phone-01-home');
    await page.goto('/app/nominations/new');
    await page.getByRole('heading', { level: 1, name: 'Lập hồ sơ đề nghị khen thưởng' }).waitFor();
    await check(page, 'clerk-phone-02-form');
  });

  it('reviewer: inbox with deadlines, the eligibility explanation with its citations, supplements, approval', async () => {
    const clerk = await stack.login(`vanthu.${unit}`);
    const overdueId = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Lê Văn Quá Hạn' } });
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Phạm Minh Đức' } });
    const reviewerApi = await stack.login(`thamdinh.${unit}`);
    await waitForStep(reviewerApi, overdueId, 'IN_REVIEW');
    await waitForStep(reviewerApi, id, 'IN_REVIEW');
    // A task past its deadline, as the inbox must mark it (the policy's reminder timers are days long).
    await stack.ds.query(`UPDATE task SET due_at = now() - interval '1 day' WHERE nomination_id = $1 AND status = 'OPEN'`, [overdueId]);

    const page = await as(`thamdinh.${unit}`);
    await page.getByRole('link', { name: 'Việc cần xử lý' }).click();
    await page.getByRole('heading', { level: 1, name: 'Việc cần xử lý' }).waitFor();
    const overdueRow = page.getByRole('row', { name: /Lê Văn Quá Hạn/ });
    await overdueRow.getByText('Quá hạn', { exact: true }).waitFor();
    await check(page, 'reviewer-01-inbox');

    await page.getByRole('row', { name: /Phạm Minh Đức/ }).getByRole('link', { name: 'Thẩm định' }).click();
    await page.getByRole('heading', { name: /Kết quả đánh giá điều kiện/ }).waitFor();
    expect(await page.locator('.eligibility .citation').count()).toBeGreaterThan(0);
    expect(await page.locator('.eligibility').textContent()).toMatch(/Điều \d+/);
    await check(page, 'reviewer-02-dossier');

    // No verdict is chosen in advance: sending without one asks for one, and nothing changes.
    await page.getByRole('button', { name: 'Gửi kết quả thẩm định' }).click();
    await page.getByText('Chọn một kết quả trước khi gửi.').waitFor();
    expect(await page.getByLabel('Đạt, trình tiếp').isChecked()).toBe(false);
    expect((await reviewerApi.get(`/nominations/${id}`)).body.status).toBe('IN_REVIEW');

    // A rejection needs a reason; the API's answer appears beside the form and nothing changes.
    await page.getByLabel('Không đạt').check();
    await page.getByRole('button', { name: 'Gửi kết quả thẩm định' }).click();
    await page.getByRole('alert').first().waitFor();
    expect((await reviewerApi.get(`/nominations/${id}`)).body.status).toBe('IN_REVIEW');

    await page.getByLabel('Yêu cầu bổ sung').check();
    await page.getByLabel('Tài liệu cần bổ sung').fill('Bản sao quyết định công nhận sáng kiến');
    await page.getByLabel('Ý kiến (không bắt buộc)').fill('Cần đối chiếu sáng kiến.');
    await check(page, 'reviewer-03-request-supplements');
    await page.getByRole('button', { name: 'Gửi kết quả thẩm định' }).click();
    await page.getByText('Yêu cầu bổ sung hồ sơ:').waitFor();
    await waitForStep(reviewerApi, id, 'SUPPLEMENT_REQUESTED');

    expect((await clerk.post(`/nominations/${id}/resubmit`, { note: 'Đã bổ sung', documents: [] })).status).toBe(200);
    await waitForStep(reviewerApi, id, 'IN_REVIEW');
    await page.reload();
    await page.getByLabel('Đạt, trình tiếp').check();
    const justification = page.getByLabel(/Giải trình/);
    if (await justification.count()) await justification.fill('Đã đối chiếu quyết định công nhận sáng kiến.');
    await page.getByRole('button', { name: 'Gửi kết quả thẩm định' }).click();
    await page.getByText('Chờ ký quyết định').first().waitFor();
    // Confirmed, with the next dossier waiting for this reviewer one click away.
    await page.getByText('Đã ghi nhận.').waitFor();
    await check(page, 'reviewer-04-approved');
    await page.getByRole('link', { name: 'Hồ sơ tiếp theo: Lê Văn Quá Hạn' }).click();
    await page.getByRole('heading', { level: 1, name: /Lê Văn Quá Hạn/ }).waitFor();
  });

  it('reviewer at volume: finds dossiers by sending unit and name, selects a page, approves them in one confirmed action', async () => {
    const clerk = await stack.login(`vanthu.${unit}`);
    const reviewerApi = await stack.login(`thamdinh.${unit}`);
    const batch = ['Đinh Thị Hàng Loạt Một', 'Đinh Văn Hàng Loạt Hai', 'Đinh Thị Hàng Loạt Ba'];
    const ids = await Promise.all(batch.map((name) => submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name } })));
    for (const id of ids) await waitForStep(reviewerApi, id, 'IN_REVIEW');

    const page = await as(`thamdinh.${unit}`);
    await page.getByRole('link', { name: 'Việc cần xử lý' }).click();
    const filters = page.getByRole('search', { name: 'Lọc việc cần xử lý' });
    // The sending unit is picked by its name, not typed as a code.
    const picker = filters.getByLabel('Đơn vị gửi', { exact: true });
    const gddt = await picker.locator('option', { hasText: 'Sở Giáo dục và Đào tạo' }).getAttribute('value');
    await picker.selectOption(gddt!);
    // The name is found without its accents.
    await filters.getByLabel('Tên người, tập thể').fill('hang loat');
    await filters.getByRole('button', { name: 'Tìm' }).click();
    await page.getByText('3 việc, trong đó 0 quá hạn.').waitFor();
    expect(await page.getByRole('row', { name: /Hàng Loạt/ }).count()).toBe(3);
    await page.getByRole('row', { name: /Hàng Loạt Một/ }).getByText('Sở Giáo dục và Đào tạo').waitFor();

    await page.getByLabel('Chọn tất cả hồ sơ trên trang này').check();
    await page.getByRole('button', { name: 'Thẩm định đạt 3 hồ sơ đã chọn…' }).click();
    await page.getByLabel(/Lý do \(áp dụng cho từng hồ sơ/).fill('Đã đối chiếu báo cáo thành tích và biên bản họp xét.');
    await check(page, 'reviewer-05-approve-selected');
    await page.getByRole('button', { name: 'Thẩm định đạt 3 hồ sơ', exact: true }).click();
    await page.getByText('Đã thẩm định đạt 3 hồ sơ.').waitFor();
    for (const id of ids) await waitForStatus(reviewerApi, id, 'AWAITING_DECISION');
    await page.getByText('Không có việc nào.').waitFor();
    await check(page, 'reviewer-06-approved-selected');
  });

  it('council: the secretary opens a session and watches turnout; members vote and keep receipts; the tally record', async () => {
    const clerk = await stack.login(`vanthu.${unit}`);
    const reviewer = await stack.login(`thamdinh.${unit}`);
    const id = await submit(clerk, 'CSTDCS', { nominee: { ...dossier('CSTDCS').nominee, name: 'Hoàng Thị Mai' } });
    await waitForStep(reviewer, id, 'IN_REVIEW');
    expect((await reviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu sáng kiến cấp cơ sở.' })).status).toBe(200);
    await waitForStatus(reviewer, id, 'AWAITING_COUNCIL');

    const secretary = await as(`vanthu.${unit}`);
    await secretary.getByRole('navigation').getByRole('link', { name: 'Hội đồng TĐKT' }).click();
    await secretary.getByText('Hồ sơ chờ Hội đồng xét (1)').waitFor();
    await check(secretary, 'council-01-waiting');
    await secretary.getByRole('button', { name: /Mở phiên họp/ }).click();
    await secretary.getByRole('heading', { level: 1, name: 'Phiên họp Hội đồng' }).waitFor();
    const sessionUrl = secretary.url();
    await secretary.getByText('0/3 (0%)').waitFor();
    await check(secretary, 'council-02-session-opened');

    const receipts: string[] = [];
    for (const [i, member] of [`thamdinh.${unit}`, `thutruong.${unit}`].entries()) {
      const page = await as(member);
      await page.goto(sessionUrl);
      await page.getByRole('heading', { name: 'Phiếu bầu của bạn' }).waitFor();
      await page.getByRole('group', { name: /Hoàng Thị Mai/ }).getByLabel('Đồng ý', { exact: true }).check();
      if (i === 0) {
        // Each ballot line opens its dossier (and its eligibility) beside the ballot, and offers a declaration of conflict.
        const dossierLink = page.getByRole('link', { name: 'Xem hồ sơ và kết quả kiểm tra điều kiện của Hoàng Thị Mai (mở thẻ mới)' });
        expect(await dossierLink.getAttribute('href')).toBe(`/app/nominations/${id}`);
        expect(await dossierLink.getAttribute('target')).toBe('_blank');
        await page.getByRole('button', { name: 'Tôi có xung đột lợi ích với hồ sơ Hoàng Thị Mai' }).waitFor();
        await check(page, 'council-03-ballot');
      }
      await page.getByRole('button', { name: 'Gửi phiếu bầu' }).click();
      receipts.push((await page.getByTestId('receipt').textContent())!.trim());
      if (i === 0) await check(page, 'council-04-receipt');
    }
    // Turnout climbs on the secretary's screen without a reload.
    await secretary.getByText('2/3 (67%)').waitFor();
    await check(secretary, 'council-05-turnout');
    // Closing while a member has not voted asks first; cancelling leaves the session open.
    await secretary.getByRole('button', { name: 'Kết thúc phiên họp' }).click();
    await secretary.getByText('Còn 1/3 thành viên chưa nhận phiếu. Kết thúc phiên họp và kiểm phiếu ngay?').waitFor();
    await secretary.getByRole('alertdialog').getByRole('button', { name: 'Hủy' }).click();
    // The secretary sees who has not taken a ballot, and reminds them.
    await secretary.getByRole('region', { name: 'Thành viên và việc nhận phiếu' }).getByText('Chưa bỏ phiếu').waitFor();
    await secretary.getByRole('button', { name: 'Nhắc 1 thành viên chưa nhận phiếu' }).click();
    await secretary.getByText('Đã gửi lời nhắc tới: Văn thư Sở Giáo dục và Đào tạo.').waitFor();
    expect((await reviewer.get(`/councils/sessions/${sessionUrl.split('/').pop()}`)).body.status).toBe('OPEN');
    await secretary.getByRole('group', { name: /Hoàng Thị Mai/ }).getByLabel('Không biểu quyết').check();
    await secretary.getByRole('button', { name: 'Gửi phiếu bầu' }).click();
    await secretary.getByTestId('receipt').waitFor();

    // Everyone voted: the session closes and the tally record (biên bản kiểm phiếu) is shown.
    await secretary.getByRole('heading', { name: 'Biên bản kiểm phiếu' }).waitFor({ timeout: 30_000 });
    const record = await secretary.locator('.tally-record').textContent();
    expect(record).toContain('Được đề nghị');
    // The record as an administrative document: the motto, the vote-counting committee that signs it, a print button.
    const tally = secretary.getByRole('region', { name: 'Biên bản kiểm phiếu' });
    await tally.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
    await tally.getByText(/^Ban kiểm phiếu: .+ \(Trưởng ban\), Văn thư Sở Giáo dục và Đào tạo \(Thư ký\)\.$/).waitFor();
    await tally.getByRole('button', { name: 'In biên bản kiểm phiếu' }).waitFor();
    await secretary.getByLabel('Mã biên nhận').fill(receipts[0]);
    await secretary.getByRole('button', { name: 'Kiểm tra' }).click();
    await secretary.getByText('Phiếu của bạn đã được kiểm.').waitFor();
    await check(secretary, 'council-06-tally');
    await waitForStatus(reviewer, id, 'AWAITING_DECISION');
  });

  it('decision maker: signs within their authority and prints the decision', async () => {
    const clerk = await stack.login(`vanthu.${unit}`);
    const reviewer = await stack.login(`thamdinh.${unit}`);
    const ids = [];
    for (const name of ['Đỗ Thị Lan', 'Vũ Văn Hùng']) {
      const nid = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name } });
      await approveLevel(stack, reviewer, nid, 'UNIT');
      await waitForStatus(reviewer, nid, 'AWAITING_DECISION');
      ids.push(nid);
    }
    const page = await as(`thutruong.${unit}`);
    await page.getByRole('heading', { name: 'Quyết định chờ ký' }).waitFor();
    await check(page, 'decider-01-home');
    await page.getByRole('link', { name: 'Việc cần xử lý' }).click();
    for (const name of ['Đỗ Thị Lan', 'Vũ Văn Hùng']) await page.getByLabel(`Chọn hồ sơ ${name}`).check();
    await check(page, 'decider-02-select');
    await page.getByRole('button', { name: /Ký một quyết định cho 2/ }).click();
    await page.getByText(/Đã ký 2 hồ sơ, quyết định số/).waitFor();
    const n = await waitForStatus(reviewer, ids[0], 'AWARDED');

    await page.goto(`/app/nominations/${ids[0]}`);
    await page.getByRole('link', { name: 'Xem quyết định' }).click();
    const doc = page.getByRole('article', { name: /Quyết định/ });
    await doc.getByText(`Số: ${n.decision.number}`).waitFor();
    expect(await doc.textContent()).toMatch(/Đỗ Thị Lan[\s\S]*Vũ Văn Hùng/);
    await check(page, 'decider-03-decision');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.pdf({ path: 'test-artifacts/screenshots/decider-04-decision.pdf', format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // The files an office keeps: the signed PDF, the Word copy, the certificates to print.
    const take = async (button: string | RegExp) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
      return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
    };
    const signed = await take('Tải bản PDF có chữ ký số');
    expect(signed.name).toBe(`quyet-dinh-${n.decision.number.replace(/\//g, '-')}.pdf`);
    expect(pdfText(signed.bytes)).toMatch(/Đỗ Thị Lan[\s\S]*Vũ Văn Hùng/);
    const word = await take('Tải bản Word');
    expect(flat(await docxText(word.bytes))).toContain(`Số: ${n.decision.number}`);
    const certificates = await take('In bằng, giấy khen');
    expect(flat(pdfText(certificates.bytes))).toMatch(/ĐỖ THỊ LAN|Đỗ Thị Lan/);
    // The dossier lists the same documents.
    await page.goto(`/app/nominations/${ids[0]}`);
    await page.getByRole('heading', { name: 'Văn bản của hồ sơ' }).waitFor();
    await page.getByText(`Quyết định số ${n.decision.number}`, { exact: true }).waitFor();
    await check(page, 'decider-05-dossier-documents');
  });

  it('auditor: searches, reads a timeline, sees verification plainly, exports with progress', async () => {
    const page = await as('thanhtra');
    await page.getByRole('link', { name: 'Thanh tra, kiểm tra', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Thanh tra, kiểm tra' }).waitFor();
    await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await page.getByText(/chuỗi băm liền mạch/).waitFor();
    await page.getByText(/Kho lưu trữ lịch sử: \d+ lượt chạy đã kết thúc/).waitFor();
    // The unit is chosen by its name in the organisation's tree.
    const units = page.getByRole('search').getByLabel('Đơn vị', { exact: true });
    await units.selectOption((await units.locator('option', { hasText: 'Sở Giáo dục và Đào tạo' }).getAttribute('value'))!);
    await page.getByRole('search').getByLabel('Hình thức khen thưởng').selectOption('GK_DONVI');
    await page.getByRole('search').getByLabel('Trạng thái').selectOption('AWARDED');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText(/[1-9]\d* hồ sơ phù hợp/).waitFor();
    expect(page.url()).toContain('awardCode=GK_DONVI');
    expect(page.url()).toContain(`unitId=${unit}`);
    await check(page, 'auditor-01-search-verify');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất hồ sơ kiểm toán/ }).click()]);
    await page.getByText(/Đã xuất \d+ hồ sơ \(0 lỗi\)/).waitFor();
    const exported = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(exported.format).toBe('vinhdanh-audit-export-selection/1');
    expect(exported.count).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('progressbar').count()).toBeGreaterThan(0);
    await check(page, 'auditor-02-exported');

    await page.locator('table a').first().click();
    await page.getByRole('heading', { level: 1, name: /Diễn biến hồ sơ/ }).waitFor();
    await page.getByText(/ký quyết định khen thưởng/).waitFor();
    await page.getByRole('button', { name: 'Chạy lại lịch sử' }).click();
    await page.getByText('Mã quy trình hiện tại tái tạo đúng lịch sử: ✓').waitFor({ timeout: 60_000 });
    await check(page, 'auditor-03-timeline-replay');
  });

  it('dashboard: counts, processing times, overdue tasks and the seed plan priorities as charts', async () => {
    const page = await as('thanhtra.tinh');
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê thi đua, khen thưởng' }).waitFor();
    await page.getByRole('img', { name: /Tỷ lệ khen thưởng đối tượng ưu tiên/ }).waitFor();
    expect(await page.getByRole('img').count()).toBeGreaterThanOrEqual(3);
    const stats = await page.locator('.stats').textContent();
    expect(stats).toMatch(/Việc quá hạn/);
    // The statistical report for this year: the awards the decision maker signed above, charted, and filed as a workbook.
    const report = page.getByRole('region', { name: 'Báo cáo thống kê kết quả khen thưởng' });
    await report.getByText(/khen thưởng \(\d+ cá nhân, \d+ tập thể\)/).waitFor();
    await report.getByRole('img', { name: /Theo hình thức khen thưởng/ }).waitFor();
    const pending = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Tải báo cáo (Excel)' }).click();
    const file = await pending;
    expect(file.suggestedFilename()).toMatch(/^bao-cao-khen-thuong-\d{4}-01-01-\d{4}-12-31\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo hình thức', 'Theo cấp quyết định', 'Theo đơn vị']);
    await check(page, 'dashboard-01');
  });

  it('public page: nominees under public posting and decisions issued, without signing in, in both languages', async () => {
    // A Labour Order nomination posted publicly once the province has reviewed it (Decree 152 Art 44(2)).
    const clerk = await stack.login(`vanthu.${unit}`);
    const reviewer = await stack.login(`thamdinh.${unit}`);
    const id = await submit(clerk, 'HCLD3', { nominee: { ...dossier('HCLD3').nominee, name: 'Nguyễn Văn Công Khai' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    const provinceReviewer = await stack.login('thamdinh.so-noi-vu');
    await waitForStep(provinceReviewer, id, 'IN_REVIEW', 'PROVINCE');
    expect((await provinceReviewer.post(`/nominations/${id}/review`, { action: 'APPROVE', justification: 'Đã đối chiếu hồ sơ.' })).status).toBe(200);
    await waitForStatus(provinceReviewer, id, 'PUBLIC_POSTING');

    // The unit's clerk takes the proposal letter and list the unit sent up with it.
    const clerkPage = await as(`vanthu.${unit}`);
    await clerkPage.goto(`/app/nominations/${id}`);
    await clerkPage.getByText('Tờ trình và danh sách đề nghị của cấp cơ sở').waitFor();
    await check(clerkPage, 'clerk-06-proposal-documents');
    const [letterPdf] = await Promise.all([clerkPage.waitForEvent('download'), clerkPage.getByRole('button', { name: 'PDF', exact: true }).click()]);
    const letter = flat(pdfText(fs.readFileSync((await letterPdf.path())!)));
    expect(letter).toContain('TỜ TRÌNH');
    expect(letter).toContain('Nguyễn Văn Công Khai');
    const [letterDocx] = await Promise.all([clerkPage.waitForEvent('download'), clerkPage.getByRole('button', { name: 'Word', exact: true }).click()]);
    expect(flat(await docxText(fs.readFileSync((await letterDocx.path())!)))).toContain('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG');

    const page = await as(null);
    await page.goto('/app/cong-khai');
    await page.getByRole('heading', { level: 1, name: 'Thông tin công khai về thi đua, khen thưởng' }).waitFor();
    const row = page.getByRole('row', { name: /Nguyễn Văn Công Khai/ });
    await row.getByText('Đang công khai').waitFor();
    expect(await row.textContent()).toContain('Nghị định 152/2025/NĐ-CP');
    // Anyone may comment, without signing in.
    await row.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await page.getByLabel('Nội dung ý kiến (10–2.000 ký tự)').fill('Tôi biết ông Công Khai là người tận tụy với công việc.');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText(/Đã gửi ý kiến \(mã PROVINCE-1\)/).waitFor();
    const decided = page.getByRole('row', { name: /Đỗ Thị Lan/ });
    await decided.waitFor();
    await check(page, 'public-01-vi');
    // The signed decision, for anyone, without signing in.
    const [published] = await Promise.all([page.waitForEvent('download'), decided.getByRole('link', { name: /Tải quyết định .* có chữ ký số/ }).click()]);
    expect(fs.readFileSync((await published.path())!).includes('/SubFilter /ETSI.CAdES.detached')).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Public notices on awards' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await check(page, 'public-02-en');
    // The switch is remembered, and nothing on this page needed a token.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Public notices on awards' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });
  it('administrator: invites a clerk, who sets a password from the one-time link on a phone, signs in and changes it', async () => {
    const username = `vanthu.moi${Date.now() % 100000}`;
    const admin = await as('quantri');
    await admin.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
    await admin.getByLabel('Tên đăng nhập').fill(username);
    await admin.getByLabel('Họ và tên').fill('Đỗ Thị Mới Vào');
    await admin.getByLabel('Đơn vị', { exact: true }).selectOption(unit);
    await admin.getByLabel('Văn thư').check();
    await admin.getByLabel('Người có thẩm quyền quyết định').check();
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // One person proposing and deciding: the reason is given beside the exception field.
    expect(await admin.locator('#dutiesException-error').textContent()).toContain('vừa lập hồ sơ đề nghị vừa quyết định');
    await admin.getByLabel('Người có thẩm quyền quyết định').uncheck();
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const linkField = admin.locator('input.one-time-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/app\/mat-khau#[A-Za-z0-9_-]{43}$/);
    await admin.getByRole('cell', { name: username }).waitFor();
    await check(admin, 'admin-01-account-invited');
    // A second role, with the reason the chain keeps beside the before and after.
    await admin.getByRole('row', { name: new RegExp(username) }).getByRole('button', { name: 'Sửa đơn vị, vai trò' }).click();
    const edit = admin.getByRole('region', { name: 'Sửa đơn vị, vai trò' });
    await edit.getByLabel('Thẩm định viên').check();
    await edit.getByLabel('Lý do', { exact: true }).fill('Kiêm nhiệm thẩm định theo Quyết định 30/QĐ-SGDĐT');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await admin.getByRole('row', { name: new RegExp(username) }).getByText('Văn thư, Thẩm định viên').waitFor();

    const phone = await as(null, { width: 390, height: 844 });
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Đặt mật khẩu' }).waitFor();
    await phone.getByLabel('Mật khẩu mới', { exact: true }).fill('matkhau12345678');
    await phone.getByLabel('Nhập lại mật khẩu mới').fill('matkhau12345678');
    await phone.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    expect(await phone.locator('#password-error').textContent()).toContain('dễ đoán');
    await check(phone, 'admin-02-phone-password-refused');
    const sentence = 'Hoa sữa nở thơm phố cổ mỗi độ thu về';
    await phone.getByLabel('Mật khẩu mới', { exact: true }).fill(sentence);
    await phone.getByLabel('Nhập lại mật khẩu mới').fill(sentence);
    await phone.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    await phone.getByText(`Đã đặt mật khẩu cho tài khoản ${username}`).waitFor();
    await check(phone, 'admin-03-phone-password-set');

    await phone.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await phone.getByLabel('Tên đăng nhập').fill(username);
    await phone.getByLabel('Mật khẩu').fill(sentence);
    await phone.getByRole('button', { name: 'Đăng nhập' }).click();
    await phone.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await phone.getByRole('link', { name: 'Đỗ Thị Mới Vào' }).click();
    await phone.getByLabel('Mật khẩu hiện tại').fill(sentence);
    await phone.getByLabel('Mật khẩu mới', { exact: true }).fill('Trăng rằm soi bóng hàng cau trước ngõ');
    await phone.getByLabel('Nhập lại mật khẩu mới').fill('Trăng rằm soi bóng hàng cau trước ngõ');
    await phone.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    await phone.getByText('Đã đổi mật khẩu').waitFor();
    // The session goes on under the new token.
    await phone.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await phone.getByRole('heading', { level: 1 }).waitFor();
    expect(phone.url()).not.toContain('/login');
    await check(phone, 'admin-04-phone-password-changed');
  });
  it('anyone may turn on a second factor; from then on the sign-in asks for the code', async () => {
    // The account is made through the API (the administrator's journey above does it in the browser).
    const admin = await stack.login('quantri');
    const username = `vanthu.hailop${Date.now() % 100000}`;
    const created = await admin.post('/accounts', { username, fullName: 'Phan Văn Hai Lớp', unitId: unit, roles: ['CLERK'] });
    const sentence = 'Cánh cò bay lả trên đồng lúa chín vàng';
    await stack.session().post('/auth/set-password', { token: created.body.link.path.split('#')[1], password: sentence });

    const phone = await as(null, { width: 390, height: 844 });
    const signInWith = async (otp?: () => string) => {
      await phone.goto('/app/login');
      await phone.getByLabel('Tên đăng nhập').fill(username);
      await phone.getByLabel('Mật khẩu').fill(sentence);
      await phone.getByRole('button', { name: 'Đăng nhập' }).click();
      if (otp) {
        await phone.getByLabel('Mã xác thực (6 số)').fill(otp());
        await phone.getByRole('button', { name: 'Đăng nhập' }).click();
      }
      await phone.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    };
    await signInWith();
    await phone.getByRole('link', { name: 'Phan Văn Hai Lớp' }).click();
    await phone.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    const secret = ((await phone.locator('#mfa-secret').textContent()) ?? '').replace(/\s/g, '');
    const app = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
    await check(phone, 'second-factor-01-phone-enrol');
    await phone.getByLabel('Mã 6 số').fill(app.generate());
    await phone.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await phone.getByText('Đã bật xác thực hai lớp.').waitFor();
    await check(phone, 'second-factor-02-phone-on');

    await phone.getByRole('button', { name: 'Đăng xuất' }).click();
    // The code of the next step: the one that confirmed has been used.
    await signInWith(() => app.generate({ timestamp: Date.now() + 30_000 }));
    await check(phone, 'second-factor-03-phone-signed-in-with-code');
  });
  it('administrator: appoints a council member for the next term, dated and with its basis', async () => {
    const admin = await as('quantri');
    await admin.getByRole('link', { name: 'Thành phần Hội đồng' }).click();
    // A unit without a council gets one, as its founding decision says.
    const form = admin.getByRole('region', { name: 'Thành lập Hội đồng' });
    await form.getByLabel('Đơn vị').selectOption({ index: 1 });
    await form.getByLabel('Tên Hội đồng (tiếng Việt)').fill('Hội đồng Thi đua – Khen thưởng mới thành lập');
    await form.getByLabel('Tên Hội đồng (tiếng Anh)').fill('Newly formed council');
    await form.getByLabel('Căn cứ (quyết định thành lập)').fill('Quyết định 1/QĐ thành lập Hội đồng');
    await form.getByRole('button', { name: 'Thành lập Hội đồng' }).click();
    await admin.getByRole('link', { name: 'Hội đồng Thi đua – Khen thưởng mới thành lập' }).waitFor();
    await admin.getByRole('link', { name: /Hội đồng Thi đua - Khen thưởng tỉnh/ }).click();
    await admin.getByRole('cell', { name: /chutich\.ubnd-tinh/ }).waitFor();
    // From next month: today's sessions keep today's members.
    const [y, m, d] = new Date(Date.now() + 31 * 86_400_000).toISOString().slice(0, 10).split('-');
    const next = `${d}/${m}/${y}`;
    await admin.getByLabel('Tên đăng nhập').fill('uyvien3.hoidong-tw');
    await admin.getByLabel('Vai trò trong Hội đồng').selectOption('MEMBER');
    await admin.locator('#fromDate').fill(next);
    await admin.getByRole('button', { name: 'Bổ nhiệm thành viên' }).click();
    expect(await admin.locator('#reason-error').textContent()).toBeTruthy();
    await admin.getByLabel('Căn cứ (quyết định kiện toàn Hội đồng)').fill('Quyết định 25/QĐ-UBND kiện toàn Hội đồng');
    await admin.getByRole('button', { name: 'Bổ nhiệm thành viên' }).click();
    await admin.getByText('Đã bổ nhiệm').waitFor();
    await admin.getByRole('cell', { name: /uyvien3\.hoidong-tw/ }).waitFor();
    await check(admin, 'admin-05-council-member-appointed');
  });
});
