import { createHash } from 'node:crypto';
import { extractSignature } from '@signpdf/utils';
import forge from 'node-forge';
import { commonName } from './signing-authorities';

/** What a check of a signed PDF found; each part on its own, so a reader sees what failed. */
export interface SignatureReport {
  /** SHA-256 of the whole file, as the register keeps it. */
  sha256: string;
  /** A signature is there, in the form this product signs with (CAdES detached). */
  signed: boolean;
  /** The signature covers the whole file: nothing was added after signing. */
  coversWholeFile: boolean;
  /** The signed bytes are the bytes received, and the signature over them verifies with the signer's key. */
  signatureValid: boolean;
  /** The signer's certificate was issued by the trusted CA and was valid when it signed. */
  certificateChainValid: boolean;
  signer: string | null;
  signedAt: string | null;
}

const OID_MESSAGE_DIGEST = forge.pki.oids.messageDigest;
const OID_SIGNING_TIME = forge.pki.oids.signingTime;

/**
 * Checks a PDF signed by Vinh Danh: that its CMS signature verifies over the bytes it covers, that
 * those bytes are the whole file, and that the signer's certificate chains to the trusted CA.
 * The same function serves `POST /decisions/verify` and the offline script.
 */
export function verifySignedPdf(pdf: Buffer, trustedCaPem: string): SignatureReport {
  const report: SignatureReport = { sha256: createHash('sha256').update(pdf).digest('hex'), signed: false, coversWholeFile: false, signatureValid: false, certificateChainValid: false, signer: null, signedAt: null };
  let extracted: { ByteRange: number[]; signature: string; signedData: Buffer };
  try {
    extracted = extractSignature(pdf);
  } catch {
    return report;
  }
  const [start, firstLength, secondStart, secondLength] = extracted.ByteRange;
  report.coversWholeFile = start === 0 && secondStart + secondLength === pdf.length && firstLength < secondStart;
  let message: forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
  try {
    // The placeholder is longer than the signature: the zeros after it are not part of the CMS.
    message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(extracted.signature, { parseAllBytes: false } as never)) as forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
  } catch {
    return report;
  }
  report.signed = true;
  const cert = message.certificates.find((c) => !(c.getExtension('basicConstraints') as { cA?: boolean } | undefined)?.cA) ?? message.certificates[0];
  if (!cert) return report;
  report.signer = commonName(cert);
  const attributes = (message.rawCapture.authenticatedAttributes ?? []) as forge.asn1.Asn1[];
  const attribute = (oid: string) => attributes.map((a) => a.value as forge.asn1.Asn1[]).find((v) => forge.asn1.derToOid(v[0].value as string) === oid)?.[1];
  const digest = attribute(OID_MESSAGE_DIGEST);
  const digestValue = digest ? ((digest.value as forge.asn1.Asn1[])[0].value as string) : '';
  const time = attribute(OID_SIGNING_TIME);
  if (time) report.signedAt = forge.asn1.utcTimeToDate((time.value as forge.asn1.Asn1[])[0].value as string).toISOString();
  const contentDigest = createHash('sha256').update(extracted.signedData).digest('binary');
  // The signature is over the signed attributes, DER-encoded as a SET (RFC 5652 §5.4).
  const signedAttributes = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes)).getBytes();
  const md = forge.md.sha256.create().update(signedAttributes);
  try {
    report.signatureValid = digestValue === contentDigest && (cert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().bytes(), message.rawCapture.signature as string);
  } catch {
    report.signatureValid = false;
  }
  try {
    const ca = forge.pki.certificateFromPem(trustedCaPem);
    const at = report.signedAt ? new Date(report.signedAt) : new Date();
    report.certificateChainValid = ca.verify(cert) && cert.validity.notBefore <= at && at <= cert.validity.notAfter;
  } catch {
    report.certificateChainValid = false;
  }
  return report;
}
