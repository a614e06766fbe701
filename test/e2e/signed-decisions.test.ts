import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { eventually, startStack, type Session, type Stack } from '../support/stack';
import { approveLevel, contestedAward, dossier, submit, waitForStatus } from '../support/nominations';
import { docxText, flat, pdfText } from '../support/document-text';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/**
 * A decision as a government office files it: a PDF in the administrative layout, signed by its
 * issuer, whose hash is on the audit chain and the register, and which anyone can verify — online,
 * or offline with the script and the CA certificate.
 */
describe('signed decisions', () => {
  let stack: Stack;
  let clerk: Session, reviewer: Session, head: Session;
  let decisionId: string;
  /** The decision of the test whose API had no signing key: signed later, at its first download. */
  let pendingId: string;
  let pdf: Buffer;

  beforeAll(async () => {
    stack = await startStack({ SIGN_AT_ISSUE: 'true' });
    [clerk, reviewer, head] = await Promise.all(['vanthu.so-gddt', 'thamdinh.so-gddt', 'thutruong.so-gddt'].map((u) => stack.login(u)));
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Phan Thị Ký Số' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStatus(head, id, 'AWAITING_DECISION');
    decisionId = (await head.post(`/nominations/${id}/decide`, { action: 'CONFER' })).body.decision.decisionId;
  });
  afterAll(() => stack?.close());

  const download = async (who: Session) => fetch(`${stack.baseUrl}/decisions/${decisionId}/document.pdf`, { headers: { authorization: `Bearer ${who.token}` } });
  const verify = async (file: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), 'quyet-dinh.pdf');
    return (await (await fetch(`${stack.baseUrl}/decisions/verify`, { method: 'POST', body: form })).json()) as any;
  };

  it('is signed once by its issuer, when it is issued; the same file every time, its hash on the audit chain and the register', async () => {
    // Signed at issue, before anyone asks for it: the document says what was decided then.
    await eventually(async () => (await stack.ds.query(`SELECT 1 FROM decision_document WHERE decision_id = $1`, [decisionId])).length === 1);
    const first = await download(clerk);
    expect({ status: first.status, type: first.headers.get('content-type'), cache: first.headers.get('cache-control') }).toEqual({ status: 200, type: 'application/pdf', cache: 'no-store' });
    pdf = Buffer.from(await first.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('/SubFilter /ETSI.CAdES.detached')).toBe(true);
    const again = Buffer.from(await (await download(head)).arrayBuffer());
    expect(again.equals(pdf)).toBe(true);
    const [{ sha256 }] = await stack.ds.query(`SELECT encode(sha256(pdf), 'hex') AS sha256 FROM decision_document WHERE decision_id = $1`, [decisionId]);
    const audited = await stack.ds.query(`SELECT event_type, payload FROM audit_log WHERE stream = $1`, [`decision:${decisionId}`]);
    expect(audited).toEqual([{ event_type: 'DecisionDocumentSigned', payload: { sha256, signer: 'Sở Giáo dục và Đào tạo' } }]);
    const register = await stack.ds.query(`SELECT DISTINCT document_sha256 FROM award_register WHERE decision_id = $1`, [decisionId]);
    expect(register).toEqual([{ document_sha256: sha256 }]);
  });

  it('reads as the decision: issuer, number, motto, date, the award, the recipient with the bonus, the bases of the day, Nơi nhận, the signer', async () => {
    const view = (await clerk.get(`/decisions/${decisionId}`)).body;
    const [yyyy, mm, dd] = view.issuedOn.split('-');
    const parts = [
      'SỞ GIÁO DỤC VÀ ĐÀO TẠO', `Số: ${view.number}`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `ngày ${dd} tháng ${mm} năm ${yyyy}`, 'QUYẾT ĐỊNH',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Căn cứ Nghị định số 152/2025/NĐ-CP', 'Điều 1.', 'Phan Thị Ký Số', 'tiền thưởng',
      'Nơi nhận:', '- Lưu: VT.', 'GIÁM ĐỐC', view.signerName,
    ];
    const signed = flat(pdfText(pdf));
    for (const part of [...parts, '(Đã ký số ngày']) expect(signed).toContain(part);
    expect(signed).toContain(view.recipients[0].bonus ? new Intl.NumberFormat('vi-VN').format(view.recipients[0].bonus.amountVnd) : 'tiền thưởng');
    // The Word copy is the same text, unsigned.
    const res = await fetch(`${stack.baseUrl}/decisions/${decisionId}/document.docx`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const word = flat(await docxText(Buffer.from(await res.arrayBuffer())));
    for (const part of parts) expect(word).toContain(part);
    expect(word).not.toContain('Đã ký số');
  });

  it('the signed PDF is public, as decisions are; the Word copy and the certificates need a sign-in', async () => {
    const anonymous = await fetch(`${stack.baseUrl}/decisions/${decisionId}/document.pdf`);
    expect(anonymous.status).toBe(200);
    expect(Buffer.from(await anonymous.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await fetch(`${stack.baseUrl}/decisions/${decisionId}/document.docx`)).status).toBe(401);
    expect((await fetch(`${stack.baseUrl}/decisions/${decisionId}/certificates.pdf`)).status).toBe(401);
  });

  it('anyone can verify the downloaded file: signature, chain to the CA, and the register’s copy', async () => {
    const report = await verify(pdf);
    expect(report).toMatchObject({ signed: true, coversWholeFile: true, signatureValid: true, certificateChainValid: true, signer: 'Sở Giáo dục và Đào tạo', register: { decisionId } });
  });

  it('an altered copy, or one with pages added after signing, is told apart', async () => {
    const altered = Buffer.from(pdf);
    const at = altered.indexOf('/Title');
    altered[at + 12] = altered[at + 12] ^ 1;
    expect(await verify(altered)).toMatchObject({ signatureValid: false, register: null });
    expect(await verify(Buffer.concat([pdf, Buffer.from('\n% trang thêm\n')]))).toMatchObject({ coversWholeFile: false, register: null });
    expect((await verify(Buffer.from('%PDF-1.4 chưa ký'))).signed).toBe(false);
  });

  it('verifies offline with the script and the CA certificate, with exit codes a clerk’s tools can use', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-verify-'));
    const file = path.join(dir, 'quyet-dinh.pdf');
    const ca = path.join(dir, 'ca.pem');
    fs.writeFileSync(file, pdf);
    fs.writeFileSync(ca, fs.readFileSync(path.join(stack.config.signing.dir, 'ca.pem')));
    const script = ['-r', './test/support/ts-register.js', 'scripts/verify-decision.ts'];
    const ok = await run(process.execPath, [...script, file, ca], { cwd: ROOT });
    expect(JSON.parse(ok.stdout)).toMatchObject({ signatureValid: true, certificateChainValid: true });
    const tampered = Buffer.from(pdf);
    tampered[tampered.indexOf('/Title') + 12] ^= 1;
    fs.writeFileSync(file, tampered);
    const bad = await run(process.execPath, [...script, file, ca], { cwd: ROOT }).catch((e) => e);
    expect(bad.code).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints one certificate per recipient, A4 landscape, with the name and the decision', async () => {
    const res = await fetch(`${stack.baseUrl}/decisions/${decisionId}/certificates.pdf`, { headers: { authorization: `Bearer ${clerk.token}` } });
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    const doc = await PDFDocument.load(Buffer.from(await res.arrayBuffer()));
    const recipients = (await clerk.get(`/decisions/${decisionId}`)).body.recipients.length;
    expect(doc.getPageCount()).toBe(recipients);
    const { width, height } = doc.getPage(0).getSize();
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
    const text = flat(pdfText(Buffer.from(await doc.save())));
    for (const part of ['TẶNG', 'PHAN THỊ KÝ SỐ'.normalize('NFC')]) expect(text.toUpperCase()).toContain(part);
  });

  it('an authority whose key the operator has not installed: 503 with the reason, nothing kept; signed once the key is there', async () => {
    const id = await submit(clerk, 'GK_DONVI', { nominee: { ...dossier('GK_DONVI').nominee, name: 'Hà Văn Chờ Khóa' } });
    await approveLevel(stack, reviewer, id, 'UNIT');
    await waitForStatus(head, id, 'AWAITING_DECISION');
    // The same database and engine, served by an API whose signing directory holds no keys: it cannot sign at issue.
    const keyless = await startStack({ SIGNING_AUTO_ISSUE: 'false' }, { inProcessWorker: false });
    try {
      const pending = (await (await keyless.login('thutruong.so-gddt')).post(`/nominations/${id}/decide`, { action: 'CONFER' })).body.decision.decisionId;
      pendingId = pending;
      const res = await fetch(`${keyless.baseUrl}/decisions/${pending}/document.pdf`);
      const body = (await res.json()) as { code: string; messageVi: string; messageEn: string };
      expect([res.status, body.code]).toEqual([503, 'SIGNING_KEY_MISSING']);
      expect(body.messageVi).toContain('Sở Giáo dục và Đào tạo');
      expect(await stack.ds.query(`SELECT 1 FROM decision_document WHERE decision_id = $1`, [pending])).toEqual([]);
    } finally {
      await keyless.close();
    }
    expect((await fetch(`${stack.baseUrl}/decisions/${pendingId}/document.pdf`)).status).toBe(200);
  });

  it('a PDF copied over another decision’s in the database is refused and recorded for the auditor; verifying it names the decision it was signed for', async () => {
    const other = await eventually(async () => (await stack.ds.query(`SELECT decision_id, pdf, sha256 FROM decision_document WHERE decision_id = $1`, [pendingId]))[0]);
    const original = await stack.ds.query(`SELECT pdf, sha256 FROM decision_document WHERE decision_id = $1`, [decisionId]);
    // Someone with the database copies this decision's signed file over the other's (the hash column is unique, so it keeps its own).
    await stack.ds.query(`UPDATE decision_document SET pdf = $1 WHERE decision_id = $2`, [original[0].pdf, pendingId]);
    const served = await fetch(`${stack.baseUrl}/decisions/${pendingId}/document.pdf`);
    const body = (await served.json()) as any;
    expect([served.status, body.code]).toEqual([409, 'DOCUMENT_TAMPERED']);
    expect(body.messageVi).toContain('không trùng với bản đã ký');
    const [recorded] = await stack.ds.query(`SELECT payload FROM audit_log WHERE stream = $1 AND event_type = 'DocumentMismatchRefused'`, [`decision:${pendingId}`]);
    expect(recorded.payload).toEqual({ audited: other.sha256, found: original[0].sha256 });
    // The file itself, checked by anyone, is still the decision it was signed for, never the other.
    expect((await verify(original[0].pdf)).register).toMatchObject({ decisionId });
    // Refused again, recorded once.
    expect((await fetch(`${stack.baseUrl}/decisions/${pendingId}/document.pdf`)).status).toBe(409);
    expect(await stack.ds.query(`SELECT 1 FROM audit_log WHERE stream = $1 AND event_type = 'DocumentMismatchRefused'`, [`decision:${pendingId}`])).toHaveLength(1);
  });

  it('a decision that does not exist has no document', async () => {
    expect((await clerk.get('/decisions/00000000-0000-4000-8000-000000000000/document.pdf')).status).toBe(404);
  });

  it('a revocation decision is signed when issued too, its hash on the chain before anyone asks for it', async () => {
    const { caseId } = await contestedAward(stack, { clerk, reviewer, head }, 'Lê Văn Bị Thu Hồi', 'Kết luận thanh tra: thành tích kê khai không có thật.');
    const revoked = await head.post(`/revocations/${caseId}/decide`, { action: 'REVOKE', reason: 'Kết luận thanh tra xác định giấy tờ sai sự thật.' });
    expect(revoked.status).toBe(200);
    const revocationId: string = revoked.body.revocationDecision.decisionId;
    // Signed while nobody asked: the chain holds its hash before the first download.
    const audited = await eventually(async () => {
      const [row] = await stack.ds.query(`SELECT payload FROM audit_log WHERE stream = $1 AND event_type = 'DecisionDocumentSigned'`, [`decision:${revocationId}`]);
      return row?.payload as { sha256: string; signer: string } | undefined;
    });
    expect(audited.signer).toBe('Sở Giáo dục và Đào tạo');
    const file = Buffer.from(await (await fetch(`${stack.baseUrl}/decisions/${revocationId}/document.pdf`, { headers: { authorization: `Bearer ${head.token}` } })).arrayBuffer());
    expect(createHash('sha256').update(file).digest('hex')).toBe(audited.sha256);
    expect(flat(pdfText(file))).toContain('hủy bỏ Quyết định khen thưởng số');
  });
});
