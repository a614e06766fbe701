import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decisionText } from '@vinhdanh/domain/decisions';
import { signedDecisionPdf } from './pdf';
import { SigningAuthorities } from './signing-authorities';
import { verifySignedPdf } from './verify-signature';

const facts = {
  number: '12/QĐ-UBND', kind: 'AWARD' as const, issuerNameVi: 'Ủy ban nhân dân tỉnh Lâm Đồng', issuedOn: '2026-01-15', place: 'Lâm Đồng',
  titleVi: 'Quyết định về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', awardCode: 'BK_TINH', basisVi: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'], signerName: 'Nguyễn Văn Chủ Tịch',
  recipients: [{ nomineeName: 'Đặng Thị Ánh Tuyết', nomineeKind: 'INDIVIDUAL', posthumous: false, bonus: { multiple: 1, baseSalaryVnd: 2_340_000, amountVnd: 2_340_000, baseSalarySource: 'Nghị định 73/2024', citation: [], uncertain: true } }],
  revokes: [],
};

describe('a signed decision document (real keys, real PDF, real CMS)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-signing-'));
  const authorities = new SigningAuthorities(dir, 'test-passphrase', true);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is signed by its authority, verifies against the CA, and any changed byte breaks it', async () => {
    const text = decisionText(facts, () => 'Bằng khen của Chủ tịch UBND tỉnh');
    const pdf = await signedDecisionPdf(text, authorities.identity('ubnd-tinh', 'Ủy ban nhân dân tỉnh Lâm Đồng'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const ca = authorities.caCertificatePem();
    expect(verifySignedPdf(pdf, ca)).toMatchObject({ signed: true, coversWholeFile: true, signatureValid: true, certificateChainValid: true, signer: 'Ủy ban nhân dân tỉnh Lâm Đồng' });
    // One byte of the signed content changed: the digest no longer matches.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Title');
    tampered[at + 10] = tampered[at + 10] ^ 1;
    expect(verifySignedPdf(tampered, ca)).toMatchObject({ signed: true, signatureValid: false });
    // Something appended after signing (an incremental update) is not covered.
    expect(verifySignedPdf(Buffer.concat([pdf, Buffer.from('\n% appended\n')]), ca).coversWholeFile).toBe(false);
  });

  it('refuses to set a letter its font lacks, rather than print an empty box', async () => {
    const text = decisionText({ ...facts, signerName: 'Nguyễn Văn ✠' }, () => 'Bằng khen');
    await expect(signedDecisionPdf(text, authorities.identity('ubnd-tinh', 'Ủy ban nhân dân tỉnh Lâm Đồng'))).rejects.toThrow(/lacks ✠/);
  });

  it('a key from another CA signs, but does not chain to ours; an unsigned PDF is not signed', async () => {
    const other = new SigningAuthorities(fs.mkdtempSync(path.join(os.tmpdir(), 'vinhdanh-other-ca-')), 'x', true);
    const text = decisionText(facts, () => 'Bằng khen');
    const forged = await signedDecisionPdf(text, other.identity('ubnd-tinh', 'Ủy ban nhân dân tỉnh Lâm Đồng'));
    expect(verifySignedPdf(forged, authorities.caCertificatePem())).toMatchObject({ signatureValid: true, certificateChainValid: false });
    expect(verifySignedPdf(Buffer.from('%PDF-1.4 nothing signed'), authorities.caCertificatePem())).toMatchObject({ signed: false, signatureValid: false });
  });
});
