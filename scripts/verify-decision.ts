/**
 * Verifies a downloaded decision offline: `npm run verify:decision -- quyet-dinh.pdf ca.pem`.
 * Prints the report (signature, chain to the CA, SHA-256 to compare with the public register)
 * and exits 0 only when the signature verifies, covers the whole file and chains to the CA.
 */
import fs from 'node:fs';
import { verifySignedPdf } from '../libs/platform/src/documents/verify-signature';

function main(argv: string[]): number {
  const [file, caFile] = argv;
  if (!file || !caFile) {
    console.error('usage: npm run verify:decision -- <decision.pdf> <ca.pem>');
    return 2;
  }
  const report = verifySignedPdf(fs.readFileSync(file), fs.readFileSync(caFile, 'utf8'));
  console.log(JSON.stringify(report, null, 2));
  return report.signatureValid && report.coversWholeFile && report.certificateChainValid ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
