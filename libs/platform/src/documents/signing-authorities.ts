import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export interface SigningIdentity {
  /** PKCS#12 holding the authority's key and certificate (and the CA's), for @signpdf. */
  p12: Buffer;
  passphrase: string;
  /** The certificate's subject common name: the authority as it signs. */
  subject: string;
}

/**
 * Each signing authority's key (ký số: the unit that issues decisions) as a PKCS#12 file
 * `<dir>/<unitId>.p12` under SIGNING_P12_PASSPHRASE, and the CA that vouches for them as
 * `<dir>/ca.pem`. In production the operator puts the files there (keys issued by the
 * government CA or their own); with `autoIssue` (development and tests) a local CA is made on
 * first use and issues a certificate to each authority that asks, so the feature works out of
 * the box. Keys never enter the database: whoever reads it or its backups cannot sign.
 */
export class SigningAuthorities {
  constructor(
    private readonly dir: string,
    private readonly passphrase: string,
    private readonly autoIssue: boolean,
  ) {}

  /** The CA certificate (PEM) signatures are checked against. */
  caCertificatePem(): string {
    const file = path.join(this.dir, 'ca.pem');
    if (!fs.existsSync(file)) {
      if (!this.autoIssue) throw new Error(`no CA certificate at ${file} (SIGNING_DIR); see docs/documents.md`);
      this.createCa();
    }
    return fs.readFileSync(file, 'utf8');
  }

  /** Whether the unit can sign now: it has a key, or the development CA will issue one. */
  canSign(unitId: string): boolean {
    return /^[a-z0-9-]+$/.test(unitId) && (this.autoIssue || fs.existsSync(path.join(this.dir, `${unitId}.p12`)));
  }

  identity(unitId: string, nameVi: string): SigningIdentity {
    if (!/^[a-z0-9-]+$/.test(unitId)) throw new Error(`not a unit id: ${unitId}`);
    const file = path.join(this.dir, `${unitId}.p12`);
    if (!fs.existsSync(file)) {
      if (!this.autoIssue) throw new Error(`no signing key for ${unitId} at ${file} (SIGNING_DIR); see docs/documents.md`);
      this.issue(unitId, nameVi, file);
    }
    const p12 = fs.readFileSync(file);
    return { p12, passphrase: this.passphrase, subject: subjectOf(p12, this.passphrase) };
  }

  private createCa(): void {
    const { key, forgeKey } = keyPair();
    const cert = certificate(forgeKey, key, CA_SUBJECT, undefined, true);
    writeOnce(path.join(this.dir, 'ca.key.pem'), forge.pki.privateKeyToPem(key), 0o600);
    writeOnce(path.join(this.dir, 'ca.pem'), forge.pki.certificateToPem(cert), 0o644);
  }

  private issue(unitId: string, nameVi: string, file: string): void {
    this.caCertificatePem();
    const caKey = forge.pki.privateKeyFromPem(fs.readFileSync(path.join(this.dir, 'ca.key.pem'), 'utf8'));
    const caCert = forge.pki.certificateFromPem(fs.readFileSync(path.join(this.dir, 'ca.pem'), 'utf8'));
    const { key, forgeKey } = keyPair();
    const cert = certificate(forgeKey, caKey, [{ name: 'commonName', value: nameVi }, { name: 'organizationalUnitName', value: unitId }, { name: 'countryName', value: 'VN' }], CA_SUBJECT, false);
    const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert, caCert], this.passphrase, { algorithm: '3des' });
    writeOnce(file, Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), 0o600);
  }
}

function keyPair() {
  // node:crypto makes the key (fast, native); forge builds the certificates around it.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return { key: forge.pki.privateKeyFromPem(privateKey), forgeKey: forge.pki.publicKeyFromPem(publicKey) };
}

/** The local CA's name: the leaf certificates' issuer is written from this same list, byte for byte. */
const CA_SUBJECT: forge.pki.CertificateField[] = [{ name: 'commonName', value: 'Vinh Danh — CA phát triển (không dùng thật)' }, { name: 'countryName', value: 'VN' }];

function certificate(publicKey: forge.pki.PublicKey, signingKey: forge.pki.rsa.PrivateKey, subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[] | undefined, ca: boolean): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + (ca ? 10 : 3) * 365 * 86_400_000);
  // Vietnamese names: UTF8String, not the PrintableString forge writes by default.
  const utf8 = (fields: forge.pki.CertificateField[]) => fields.map((f) => ({ ...f, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }));
  cert.setSubject(utf8(subject));
  cert.setIssuer(utf8(issuer ?? subject));
  cert.setExtensions(ca
    ? [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }]
    : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true }]);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

/** Writes a file unless another process got there first (two APIs starting together). */
function writeOnce(file: string, content: string | Buffer, mode: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, content, { mode });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function subjectOf(p12: Buffer, passphrase: string): string {
  const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  const bags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const leaf = bags.map((b) => b.cert).find((c) => c && !(c.getExtension('basicConstraints') as { cA?: boolean } | undefined)?.cA);
  return commonName(leaf);
}

/** A certificate's common name, decoded from UTF-8. */
export function commonName(cert: forge.pki.Certificate | undefined): string {
  const raw = String(cert?.subject.getField('CN')?.value ?? '');
  try {
    return forge.util.decodeUtf8(raw);
  } catch {
    return raw;
  }
}
