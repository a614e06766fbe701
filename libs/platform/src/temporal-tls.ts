import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

const run = promisify(execFile);

/**
 * Mutual TLS between the product and Temporal's frontend (docs/security.md). Whoever reaches the
 * frontend's port without a certificate signed by the deployment's CA is refused at the handshake:
 * no start, signal, update, reset or terminate, no history read. The product presents its own
 * certificate (`TEMPORAL_TLS_CERT`/`TEMPORAL_TLS_KEY`) and checks the server's against the CA
 * (`TEMPORAL_TLS_CA`).
 */
export interface TemporalTlsFiles {
  ca: string;
  cert: string;
  key: string;
  /** The name the server's certificate is checked against, when the address is not it. */
  serverName?: string;
}

/** The SDK's TLS options from the files (read once, at connection). */
export function tlsOptions(files: TemporalTlsFiles | undefined): TLSConfig | undefined {
  if (!files) return undefined;
  const read = (name: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (err) {
      throw new Error(`TEMPORAL_TLS_${name}=${file} cannot be read: ${(err as Error).message}`);
    }
  };
  return {
    serverRootCACertificate: read('CA', files.ca),
    clientCertPair: { crt: read('CERT', files.cert), key: read('KEY', files.key) },
    ...(files.serverName ? { serverNameOverride: files.serverName } : {}),
  };
}

/** The certificates of a deployment that has no PKI of its own: a CA, the frontend's, and one per client identity. */
export interface TemporalCertificates {
  dir: string;
  ca: string;
  server: { cert: string; key: string };
  /** The product (API, worker, operator commands acting as the product). */
  product: { cert: string; key: string };
  /** Temporal's own system worker, which calls its frontend too. */
  internal: { cert: string; key: string };
  /** Operators' tools (the CLI, the Web UI): read-only where the server maps roles from certificates. */
  operator: { cert: string; key: string };
}

/**
 * Makes the certificates in `dir` if they are not there (with the `openssl` command): ECDSA P-256,
 * the frontend's valid for 127.0.0.1, localhost and `temporal` (its name in docker-compose). A
 * deployment with its own CA points TEMPORAL_TLS_* at its files instead.
 */
export async function ensureTemporalCertificates(dir: string): Promise<TemporalCertificates> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const at = (name: string) => path.join(dir, name);
  const certs: TemporalCertificates = {
    dir,
    ca: at('ca.pem'),
    server: { cert: at('frontend.pem'), key: at('frontend.key') },
    product: { cert: at('product.pem'), key: at('product.key') },
    internal: { cert: at('internal.pem'), key: at('internal.key') },
    operator: { cert: at('operator.pem'), key: at('operator.key') },
  };
  if (fs.existsSync(certs.internal.cert) && fs.existsSync(certs.operator.cert)) return certs;
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', certs.ca, '-days', '3650', '-subj', '/CN=Vinh Danh Temporal CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const issue = async (name: string, cn: string, ext: string) => {
    fs.writeFileSync(at(`${name}.ext`), ext);
    await run('openssl', ['req', ...ec, '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`), '-subj', `/CN=${cn}`]);
    await run('openssl', ['x509', '-req', '-in', at(`${name}.csr`), '-CA', certs.ca, '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at(`${name}.pem`), '-days', '825', '-extfile', at(`${name}.ext`)]);
    fs.rmSync(at(`${name}.csr`));
    fs.rmSync(at(`${name}.ext`));
  };
  const client = 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n';
  // Server and client both: Temporal's image also presents it between its own services and to its frontend.
  await issue('frontend', 'temporal-frontend', 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost,DNS:temporal\n');
  await issue('product', 'vinhdanh-product', client);
  await issue('operator', 'vinhdanh-operator', client);
  // Written last: its presence says the set is complete.
  await issue('internal', 'temporal-internal', client);
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.key')) fs.chmodSync(at(f), 0o600);
  return certs;
}
