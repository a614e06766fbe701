import { prepareBallot } from '@vinhdanh/platform/ballots/member';
import type { Session } from './stack';

/**
 * A council member voting, as the web app does it: take blind-signed ballots for the nominations
 * (signed in), then cast each with no account (the signed token is the only credential).
 */
export interface SignedBallot {
  nominationId: string;
  token: string;
  signature: string;
}

/**
 * With `retryUnavailable`, a 503 (Temporal or the worker away) is retried with the same blinded
 * tokens, as the web app's wallet does: a retry is the same request, never a second ballot.
 */
export async function takeBallots(member: Session, sessionId: string, nominationIds?: string[], opts: { retryUnavailable?: boolean } = {}): Promise<SignedBallot[]> {
  const mine = await member.get(`/councils/sessions/${sessionId}/ballot`);
  if (mine.status !== 200) throw Object.assign(new Error(`ballot ${mine.status} ${JSON.stringify(mine.body)}`), { response: mine });
  const items: { nominationId: string; recused: boolean; publicKey: string }[] = mine.body.items.filter((i: { recused: boolean; nominationId: string }) => !i.recused && (!nominationIds || nominationIds.includes(i.nominationId)));
  const prepared = await Promise.all(items.map((i) => prepareBallot(i.nominationId, i.publicKey)));
  const request = { requests: prepared.map((p) => ({ nominationId: p.nominationId, blindedMessage: p.blindedMessage })) };
  let issued = await member.post(`/councils/sessions/${sessionId}/ballots/issue`, request);
  for (let attempt = 0; opts.retryUnavailable && issued.status === 503 && attempt < 60; attempt++) {
    await new Promise((r) => setTimeout(r, 500));
    issued = await member.post(`/councils/sessions/${sessionId}/ballots/issue`, request);
  }
  if (issued.status !== 200) throw Object.assign(new Error(`issue ${issued.status} ${JSON.stringify(issued.body)}`), { response: issued });
  const signatures = new Map<string, string>(issued.body.signatures.map((s: { nominationId: string; blindSignature: string }) => [s.nominationId, s.blindSignature]));
  return Promise.all(prepared.map((p) => p.finalize(signatures.get(p.nominationId)!)));
}

/** Casts one ballot anonymously: no bearer token, only the signed token. */
export async function castBallot(baseUrl: string, sessionId: string, ballot: SignedBallot, choice: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/councils/sessions/${sessionId}/ballots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...ballot, choice }) });
  return { status: res.status, body: await res.json() };
}

/** Takes the member's ballots and casts each with the choice given for its nomination. */
export async function vote(baseUrl: string, member: Session, sessionId: string, choices: Record<string, string>): Promise<{ statuses: number[]; receipts: Record<string, string> }> {
  const ballots = await takeBallots(member, sessionId, Object.keys(choices));
  const results = await Promise.all(ballots.map((b) => castBallot(baseUrl, sessionId, b, choices[b.nominationId])));
  return { statuses: results.map((r) => r.status), receipts: Object.fromEntries(ballots.map((b, i) => [b.nominationId, results[i].body.receipt])) };
}
