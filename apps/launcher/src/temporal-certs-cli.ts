import fs from 'node:fs';
import { ensureTemporalCertificates } from '@vinhdanh/platform/temporal-tls';

/**
 * The compose `temporal-certs` service: makes the deployment's Temporal certificates in the given
 * directory (a volume) if they are not there yet — a CA, the frontend's, the product's and
 * Temporal's own system worker's — and leaves them readable by the services' user (uid 1000).
 * A deployment with a PKI of its own mounts its files instead and drops this service.
 */
async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: temporal-certs-cli <directory>');
  const certs = await ensureTemporalCertificates(dir);
  const owner = Number(process.env.CERTS_UID ?? 1000);
  for (const f of fs.readdirSync(dir)) fs.chownSync(`${dir}/${f}`, owner, owner);
  fs.chownSync(dir, owner, owner);
  console.log(`Temporal certificates in ${certs.dir}: CA ${certs.ca}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
