import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/**
 * A citizen commenting as the public page does: fetch the nomination's challenge, solve it (the
 * same library as the browser), send the comment with its proof. `address` plays the client's
 * address behind a trusted proxy (X-Forwarded-For).
 */
export async function postComment(baseUrl: string, nominationId: string, body: Record<string, unknown>, address: string): Promise<{ status: number; body: any; factor?: number }> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const got = await fetch(`${baseUrl}/public/nominations/${nominationId}/comment-challenge`, { headers });
  const offered = (await got.json()) as { challenge: Challenge; factor: number };
  if (got.status !== 200) return { status: got.status, body: offered };
  const solution = await solveChallenge({ challenge: offered.challenge, deriveKey });
  const res = await fetch(`${baseUrl}/public/nominations/${nominationId}/comments`, { method: 'POST', headers, body: JSON.stringify({ ...body, proof: { challenge: offered.challenge, solution } }) });
  return { status: res.status, body: await res.json(), factor: offered.factor };
}
