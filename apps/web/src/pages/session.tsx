import { useState } from 'react';
import { anonymous, client, data, ApiError, type Schemas } from '../api';
import { BallotWallet } from '../ballots';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { BASE } from '../router';
import { MOTTO } from '../vocabulary';
import { NotTheNominee } from './nomination-actions';
import { Badge, ErrorNotice, Loading, Notice, PageTitle, Progress, asApiError, statusTone, useLabel, useLoad, useRefreshWhile } from '../ui/kit';

type Ballot = Schemas['MyBallot'];

const CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN'] as const;

/**
 * A member's secret ballot: one choice per nomination, recusals shown and skipped. The browser
 * takes blind-signed ballots while signed in, then casts each with no account (ballots.ts); the
 * member keeps the receipts.
 */
function BallotForm({ ballot, sessionId, userId, onCast }: { ballot: Ballot; sessionId: string; userId: string; onCast(): void }) {
  const { t, pick } = useI18n();
  const label = useLabel();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [wallet] = useState(() => new BallotWallet(sessionId, userId));
  const [receipts, setReceipts] = useState<Record<string, string>>(() => wallet.receipts());
  const [message, setMessage] = useState<{ messageVi: string; messageEn: string }>();
  const votable = ballot.items.filter((i) => !i.recused && i.publicKey && !receipts[i.nominationId]);
  const complete = votable.every((i) => choices[i.nominationId] && !i.namesake);

  async function cast() {
    setBusy(true);
    setError(undefined);
    try {
      const items = votable.map((i) => ({ nominationId: i.nominationId, publicKey: i.publicKey! }));
      const requests = await wallet.requests(items);
      if (requests.length) {
        const issued = await data(client.POST('/councils/sessions/{id}/ballots/issue', { params: { path: { id: sessionId } }, body: { requests } }));
        await wallet.signed(items, issued.signatures);
      }
      for (const item of items) {
        const signed = wallet.ballot(item.nominationId)!;
        const res = await whileBusy(() => data(anonymous.POST('/councils/sessions/{id}/ballots', { params: { path: { id: sessionId } }, body: { ...signed, choice: choices[item.nominationId] as (typeof CHOICES)[number] } })));
        wallet.cast(item.nominationId, res.receipt);
        setMessage(res);
      }
      setReceipts(wallet.receipts());
      onCast();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }

  const held = Object.entries(receipts);
  if (held.length && votable.length === 0) {
    return (
      <Notice kind="success">
        {message && <p>{pick(message.messageVi, message.messageEn)}</p>}
        <p>{t('session.receipts')}</p>
        <ul>
          {held.map(([id, receipt]) => (
            <li key={id}>{ballot.items.find((i) => i.nominationId === id)?.nomineeName}: <code className="receipt" data-testid="receipt">{receipt}</code></li>
          ))}
        </ul>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(held.map(([, r]) => r).join('\n'))}>{t('session.copy')}</button>
      </Notice>
    );
  }
  if (ballot.voted && votable.every((i) => i.taken) && !held.length) return <Notice>{t('session.alreadyVoted')}</Notice>;
  if (ballot.status !== 'OPEN') return null;
  return (
    <section className="card" aria-labelledby="ballot-title">
      <h2 id="ballot-title">{t('session.ballot')}</h2>
      <p className="muted">{t('session.secret')}</p>
      {ballot.items.map((i) => (
        <div key={i.nominationId} className="ballot-line">
          <fieldset className="ballot-item" disabled={i.recused || !!receipts[i.nominationId]}>
            <legend>{i.nomineeName} — {label('award', i.awardCode)}</legend>
            {i.recused ? <Badge tone="warn">{t('session.recused')}</Badge> : receipts[i.nominationId] ? <Badge tone="good">{t('session.youVoted')}</Badge> : CHOICES.map((c) => (
              <label key={c}>
                <input type="radio" name={`choice-${i.nominationId}`} value={c} checked={choices[i.nominationId] === c} onChange={() => setChoices((x) => ({ ...x, [i.nominationId]: c }))} /> {label('choice', c)}
              </label>
            ))}
          </fieldset>
          {/* In a new tab, so the choices made so far stay on the ballot. */}
          <a href={`${BASE}/nominations/${i.nominationId}`} target="_blank" rel="noopener">{t('session.openDossier', { name: i.nomineeName })}</a>
          {!i.recused && !receipts[i.nominationId] && !i.taken && i.namesake && <NotTheNominee nominationId={i.nominationId} name={i.nomineeName} onDone={onCast} />}
          {!i.recused && !receipts[i.nominationId] && !i.taken && <DeclareConflict sessionId={sessionId} nominationId={i.nominationId} name={i.nomineeName} onDeclared={onCast} />}
        </div>
      ))}
      <ErrorNotice error={error} />
      <button type="button" className="primary" disabled={busy || !complete || votable.length === 0} onClick={cast}>{t('session.cast')}</button>
      {!complete && <p className="hint">{t('session.completeHint')}</p>}
    </section>
  );
}

/** A member who finds they are concerned by a nomination says so, with a reason, and does not vote on it. */
function DeclareConflict({ sessionId, nominationId, name, onDeclared }: { sessionId: string; nominationId: string; name: string; onDeclared(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (!open) return <button type="button" className="link-button" onClick={() => setOpen(true)}>{t('session.declareConflict', { name })}</button>;
  async function declare() {
    setBusy(true);
    setError(undefined);
    try {
      await data(client.POST('/councils/sessions/{id}/conflicts', { params: { path: { id: sessionId } }, body: { nominationId, reason: reason.trim() } }));
      setOpen(false);
      onDeclared();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  }
  const id = `conflict-${nominationId}`;
  return (
    <div className="conflict-form">
      <label htmlFor={id}>{t('session.conflictReason', { name })}</label>
      <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="button" disabled={busy || !reason.trim()} onClick={declare}>{t('session.declareConfirm')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}

/** The secretary follows who has taken their ballots (never how they voted) and reminds the others. */
function TurnoutPanel({ sessionId, refreshKey }: { sessionId: string; refreshKey: unknown }) {
  const { t } = useI18n();
  const turnout = useLoad(() => client.GET('/councils/sessions/{id}/turnout', { params: { path: { id: sessionId } } }), [sessionId, refreshKey]);
  const [result, setResult] = useState<Schemas['Reminded']>();
  const [error, setError] = useState<ApiError>();
  if (!turnout.data) return <ErrorNotice error={turnout.error} />;
  const waiting = turnout.data.members.filter((m) => !m.tookBallot);
  async function remind() {
    setError(undefined);
    try {
      setResult(await data(client.POST('/councils/sessions/{id}/remind', { params: { path: { id: sessionId } } })));
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card" aria-labelledby="turnout-title">
      <h2 id="turnout-title">{t('session.members')}</h2>
      <ul className="plain">
        {turnout.data.members.map((m) => (
          <li key={m.userId}>{m.fullName} — {m.tookBallot ? <Badge tone="good">{t('session.tookBallot')}</Badge> : <Badge tone="warn">{t('session.notVoted')}</Badge>}</li>
        ))}
      </ul>
      {waiting.length > 0 && <button type="button" onClick={remind}>{t('session.remind', { count: waiting.length })}</button>}
      <ErrorNotice error={error} />
      {result && (
        <Notice kind="success">
          {result.reminded.length ? t('session.reminded', { names: result.reminded.join(', ') }) : ''}
          {result.alreadyThisHour.length ? ` ${t('session.remindedEarlier', { names: result.alreadyThisHour.join(', ') })}` : ''}
        </Notice>
      )}
    </section>
  );
}

function TallyView({ sessionId }: { sessionId: string }) {
  const { t, pick, dateTime } = useI18n();
  const label = useLabel();
  const tally = useLoad(() => client.GET('/councils/sessions/{id}/tally', { params: { path: { id: sessionId } } }), [sessionId]);
  // The vote-counting committee that signs the record: the council's chair heads it, its secretary keeps it.
  const members = useLoad(() => client.GET('/councils/sessions/{id}/turnout', { params: { path: { id: sessionId } } }), [sessionId]);
  const chair = members.data?.members.find((m) => m.role === 'CHAIR');
  const secretary = members.data?.members.find((m) => m.role === 'SECRETARY');
  const pending = !!tally.data && tally.data.records.length === 0;
  // The tally is recorded by an activity just after the session closes; wait for it rather than show an empty record.
  useRefreshWhile(pending, tally.reload, 1500, tally.data);
  if (!tally.data) return <ErrorNotice error={tally.error} />;
  if (pending) return <Loading />;
  const d = tally.data;
  return (
    <section className="card tally decision-document" aria-labelledby="tally-title">
      <header className="decision-head">
        <div><p className="upper">{d.councilNameVi}</p></div>
        <div>
          <p className="upper strong">{MOTTO[0]}</p>
          <p className="strong underline">{MOTTO[1]}</p>
          <p className="italic">{dateTime(d.closedAt)}</p>
        </div>
      </header>
      <h2 id="tally-title" className="decision-title upper">{t('session.tally')}</h2>
      <p>{t('councils.opened')}: {dateTime(d.openedAt)} · {t('session.closedAt')}: {dateTime(d.closedAt)} {d.closedReason && `(${label('closedReason', d.closedReason)})`}</p>
      <p>{t('session.committee', { chair: chair?.fullName ?? '—', secretary: secretary?.fullName ?? '—' })}</p>
      <p className="muted">{t('session.countedBy')}</p>
      <p>{t('session.voters', { count: d.voters.length })}: {d.voters.map((v) => v.fullName).join(', ')}</p>
      {d.records.map((r) => (
        <article key={r.nominationId} className="tally-record">
          <h3>{r.nomineeName} — {label('award', r.awardCode)} <Badge tone={statusTone(r.result)}>{label('result', r.result)}</Badge></h3>
          <table>
            <tbody>
              <tr><th scope="row">{label('choice', 'AGREE')}</th><td>{r.counts.agree}</td></tr>
              <tr><th scope="row">{label('choice', 'DISAGREE')}</th><td>{r.counts.disagree}</td></tr>
              <tr><th scope="row">{label('choice', 'ABSTAIN')}</th><td>{r.counts.abstain}</td></tr>
              <tr><th scope="row">{t('session.ballotsCast')}</th><td>{r.ballotsCast ?? r.present.length}/{r.present.length}</td></tr>
              <tr><th scope="row">{t('session.quorum')}</th><td>{r.quorum.counted}/{r.quorum.base} ({t('session.required')} {r.quorum.required}) {r.quorum.met ? '✓' : '✗'}</td></tr>
              <tr><th scope="row">{t('session.threshold')}</th><td>{r.counts.agree}/{r.threshold.denominator} ({t('session.required')} {r.threshold.required}) {r.threshold.met ? '✓' : '✗'}</td></tr>
              <tr><th scope="row">{t('session.recusals')}</th><td>{r.recused.length ? r.recused.map((x) => `${x.fullName}: ${x.reason}`).join('; ') : '—'}</td></tr>
            </tbody>
          </table>
          <p>{pick(r.reasonVi, r.reasonEn)}</p>
          <p className="citation">{r.rule.citation.map((c) => pick(c.vi, c.en)).join('; ')}</p>
        </article>
      ))}
      <div className="signature-row">
        <div className="signature"><p className="strong upper">{t('session.secretarySigns')}</p><p className="signature-space" /><p className="strong">{secretary?.fullName}</p></div>
        <div className="signature"><p className="strong upper">{t('session.chairSigns')}</p><p className="signature-space" /><p className="strong">{chair?.fullName}</p></div>
      </div>
      <details className="no-print">
        <summary>{t('session.receiptHashes', { count: d.receiptHashes.length })}</summary>
        <ul className="mono">{d.receiptHashes.map((h) => <li key={h}>{h}</li>)}</ul>
      </details>
      <button type="button" className="no-print" onClick={() => window.print()}>{t('session.print')}</button>
    </section>
  );
}

function ReceiptCheck({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [receipt, setReceipt] = useState('');
  const [result, setResult] = useState<{ counted: boolean }>();
  const [error, setError] = useState<ApiError>();
  async function check() {
    setError(undefined);
    try {
      setResult(await data(client.GET('/councils/sessions/{id}/receipts/{receipt}', { params: { path: { id: sessionId, receipt: receipt.trim().toLowerCase() } } })));
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section className="card">
      <h2>{t('session.checkReceipt')}</h2>
      <label htmlFor="receipt-token">{t('session.receipt')}</label>
      <input id="receipt-token" value={receipt} onChange={(e) => setReceipt(e.target.value)} />
      <button type="button" onClick={check} disabled={!receipt.trim()}>{t('session.check')}</button>
      <ErrorNotice error={error} />
      {result && <Notice kind={result.counted ? 'success' : 'warning'}>{result.counted ? t('session.counted') : t('session.notCounted')}</Notice>}
      <p className="hint">{t('session.receiptHint')}</p>
    </section>
  );
}

export function SessionPage({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const { actor, councils } = useSession();
  const label = useLabel();
  const view = useLoad(() => client.GET('/councils/sessions/{id}', { params: { path: { id } } }), [id]);
  const ballot = useLoad(() => client.GET('/councils/sessions/{id}/ballot', { params: { path: { id } } }), [id]);
  const [closeError, setCloseError] = useState<ApiError>();
  const [confirming, setConfirming] = useState(false);
  const open = view.data?.status === 'OPEN';
  // Turnout is live: the secretary watches it climb while members vote.
  useRefreshWhile(open, view.reload, 3000, view.data);

  if (view.loading && !view.data) return <Loading />;
  if (!view.data) return <ErrorNotice error={view.error} />;
  const v = view.data;
  const isSecretary = councils.some((c) => c.id === v.councilId && c.role === 'SECRETARY');
  async function close() {
    setCloseError(undefined);
    try {
      await data(client.POST('/councils/sessions/{id}/close', { params: { path: { id } } }));
      setConfirming(false);
      view.reload();
    } catch (e) {
      setCloseError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{t('session.title')}</PageTitle>
      <p>
        <Badge tone={open ? 'info' : 'neutral'}>{label('sessionStatus', v.status)}</Badge> {t('councils.deadline')}: {dateTime(v.deadline)}
        {v.closedReason && ` · ${label('closedReason', v.closedReason)}`}
      </p>
      <Progress value={v.turnoutUserIds.length} max={v.membersTotal} label={t('session.turnout')} />
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('common.nominee')}</th><th scope="col">{t('common.award')}</th><th scope="col">{t('session.votedOf')}</th><th scope="col">{t('session.quorum')}</th></tr></thead>
          <tbody>
            {v.items.map((i) => (
              <tr key={i.nominationId}>
                <td>{i.nomineeName}</td><td>{label('award', i.awardCode)}</td><td>{i.voted}/{i.eligible}</td>
                <td>{i.quorumReached ? <Badge tone="good">{t('session.quorumMet')}</Badge> : <Badge tone="warn">{t('session.quorumNotMet')}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isSecretary && open && (
        <div className="actions">
          {confirming ? (
            <div className="notice notice-warning" role="alertdialog" aria-labelledby="close-early">
              <p id="close-early">{t('session.closeEarly', { missing: v.membersTotal - v.turnoutUserIds.length, total: v.membersTotal })}</p>
              <button type="button" className="danger" onClick={close}>{t('session.closeConfirm')}</button>
              <button type="button" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
            </div>
          ) : (
            // Closing before everyone has voted needs a second, deliberate step.
            <button type="button" onClick={() => (v.turnoutUserIds.length < v.membersTotal ? setConfirming(true) : void close())}>{t('session.close')}</button>
          )}
          <ErrorNotice error={closeError} />
        </div>
      )}
      {isSecretary && open && <TurnoutPanel sessionId={id} refreshKey={v.turnoutUserIds.length} />}
      {ballot.data && actor && <BallotForm ballot={ballot.data} sessionId={id} userId={actor.userId} onCast={view.reload} />}
      {!open && <TallyView sessionId={id} />}
      {!open && <ReceiptCheck sessionId={id} />}
    </section>
  );
}

/**
 * When the whole council votes at once the server may answer BUSY (503, retry in a second): the
 * same ballot is sent again, which is safe (one token, one ballot, the same receipt).
 */
async function whileBusy<T>(send: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (e) {
      if (i >= attempts || !(e instanceof ApiError) || e.status !== 503 || e.body.code !== 'BUSY') throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
