import path from 'node:path';
import { ERROR_CODES } from './errors';
import { scanErrorCodes } from './error-code-scan';

describe('the published list of error codes', () => {
  it('is exactly the codes the source raises, sorted (npm run api:generate writes it)', () => {
    const raised = scanErrorCodes(path.resolve(__dirname, '../../../..'));
    expect(raised.length).toBeGreaterThan(100);
    expect([...ERROR_CODES]).toEqual(raised);
  });
});
