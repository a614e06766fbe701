import { useState, type FormEvent, type ReactNode } from 'react';
import { client, newIdempotencyKey, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { DocumentsInput, fieldErrors, type DocumentRef } from '../ui/documents';
import { ErrorNotice, Field, asApiError, describedBy } from '../ui/kit';

/**
 * One action form: a key per attempt, so a double click or a retry after a network error is the
 * same action (the API answers it from the first), and errors land next to their fields.
 */
export function useAction(onDone: () => void) {
  const { pick } = useI18n();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  /** `send` makes the request with the attempt's Idempotency-Key. */
  async function run(send: (idempotencyKey: string) => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await send(key);
      setKey(newIdempotencyKey());
      onDone();
    } catch (e) {
      const err = asApiError(e);
      // A refusal (4xx) means nothing happened: the corrected request is a new action with a new
      // key (the API refuses a key reused with another body). Unknown outcomes keep the key to retry.
      if (err.status >= 400 && err.status < 500) setKey(newIdempotencyKey());
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, run, errors: fieldErrors(error, pick) };
}

function ActionCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card action-card" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function ReviewForm({ id, needsJustification, onDone }: { id: string; needsJustification: boolean; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  // No verdict is chosen for the reviewer: an approval is a decision, never a default.
  const [action, setAction] = useState<'APPROVE' | 'REJECT' | 'REQUEST_SUPPLEMENTS'>();
  const [unchosen, setUnchosen] = useState(false);
  const [reason, setReason] = useState('');
  const [justification, setJustification] = useState('');
  const [items, setItems] = useState('');
  const [deadlineDays, setDeadlineDays] = useState('10');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!action) return setUnchosen(true);
    const body: Schemas['ReviewDto'] = { action };
    if (reason.trim()) body.reason = reason.trim();
    if (action === 'APPROVE' && justification.trim()) body.justification = justification.trim();
    if (action === 'REQUEST_SUPPLEMENTS') {
      body.items = items.split('\n').map((s) => s.trim()).filter(Boolean);
      body.deadlineDays = Number(deadlineDays) || undefined;
    }
    void run((key) => client.POST('/nominations/{id}/review', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body }));
  }
  return (
    <ActionCard title={t('review.title')}>
      <form onSubmit={submit} noValidate>
        <fieldset className="radio-row" aria-describedby={unchosen ? 'review-action-error' : undefined}>
          <legend>{t('review.decision')}</legend>
          {(['APPROVE', 'REQUEST_SUPPLEMENTS', 'REJECT'] as const).map((a) => (
            <label key={a}><input type="radio" name="review-action" value={a} checked={action === a} onChange={() => (setAction(a), setUnchosen(false))} /> {t(`review.${a}`)}</label>
          ))}
          {unchosen && <p id="review-action-error" className="field-error" role="alert">{t('review.chooseVerdict')}</p>}
        </fieldset>
        {action === 'APPROVE' && needsJustification && (
          <Field id="justification" label={t('review.justification')} error={errors.justification} hint={t('review.justificationHint')}>
            <textarea {...describedBy('justification', errors.justification, true)} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />
          </Field>
        )}
        {action === 'REQUEST_SUPPLEMENTS' && (
          <>
            <Field id="items" label={t('review.items')} error={errors.items} hint={t('review.itemsHint')}>
              <textarea {...describedBy('items', errors.items, true)} rows={4} value={items} onChange={(e) => setItems(e.target.value)} />
            </Field>
            <Field id="deadlineDays" label={t('review.deadlineDays')} error={errors.deadlineDays}>
              <input {...describedBy('deadlineDays', errors.deadlineDays)} inputMode="numeric" value={deadlineDays} onChange={(e) => setDeadlineDays(e.target.value.replace(/\D/g, ''))} />
            </Field>
          </>
        )}
        <Field id="reason" label={action === 'REJECT' ? t('review.reasonRequired') : t('review.reason')} error={errors.reason}>
          <textarea {...describedBy('reason', errors.reason)} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('review.send')}</button>
      </form>
    </ActionCard>
  );
}

/**
 * The answer to a supplement request: a file slot for each item the reviewer asked for (each file
 * says which item it answers), other files, and corrections to the dossier's text if asked.
 */
export function ResubmitForm({ id, items = [], achievements: current = '', onDone }: { id: string; items?: string[]; achievements?: string; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [note, setNote] = useState('');
  const [documents, setDocuments] = useState<(DocumentRef & { item?: number })[]>([]);
  const [achievements, setAchievements] = useState(current);
  const slot = (item: number | undefined) => ({
    value: documents.filter((d) => d.item === item),
    onChange: (docs: DocumentRef[]) => setDocuments([...documents.filter((d) => d.item !== item), ...docs.map((d) => ({ ...d, ...(item === undefined ? {} : { item }) }))]),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const changes = achievements.trim() !== current.trim() ? { achievements: achievements.trim() } : undefined;
    void run((key) => client.POST('/nominations/{id}/resubmit', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { note: note.trim(), documents, ...(changes ? { changes } : {}) } }));
  }
  return (
    <ActionCard title={t('resubmit.title')}>
      <form onSubmit={submit} noValidate>
        <Field id="note" label={t('resubmit.note')} error={errors.note}>
          <textarea {...describedBy('note', errors.note)} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        {items.map((text, i) => (
          <DocumentsInput key={i} id={`resubmit-item-${i}`} label={t('resubmit.forItem', { item: text })} {...slot(i)} error={errors[`documents.${i}.item`]} />
        ))}
        <DocumentsInput id="resubmit-documents" label={items.length ? t('form.otherDocs') : undefined} {...slot(undefined)} error={errors.documents} />
        <Field id="resubmit-achievements" label={t('resubmit.achievements')} error={errors['changes.achievements']} hint={t('resubmit.achievementsHint')}>
          <textarea {...describedBy('resubmit-achievements', errors['changes.achievements'], true)} rows={4} value={achievements} onChange={(e) => setAchievements(e.target.value)} />
        </Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('resubmit.send')}</button>
      </form>
    </ActionCard>
  );
}

/** The decision, or for the President's awards the Government's proposal (PROPOSE) to the President. */
export function DecideForm({ id, proposal = false, onDone }: { id: string; proposal?: boolean; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const yes = proposal ? 'PROPOSE' : 'CONFER';
  const [action, setAction] = useState<'CONFER' | 'PROPOSE' | 'REFUSE'>();
  const [unchosen, setUnchosen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <ActionCard title={proposal ? t('decide.proposalTitle') : t('decide.title')}>
      <form onSubmit={(e) => { e.preventDefault(); if (!action) return setUnchosen(true); void run((key) => client.POST('/nominations/{id}/decide', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { action, ...(reason.trim() ? { reason: reason.trim() } : {}) } })); }} noValidate>
        <fieldset className="radio-row" aria-describedby={unchosen ? 'decide-action-error' : undefined}>
          <legend>{t('decide.choice')}</legend>
          <label><input type="radio" name="decide-action" checked={action === yes} onChange={() => (setAction(yes), setUnchosen(false))} /> {t(`decide.${yes}`)}</label>
          <label><input type="radio" name="decide-action" checked={action === 'REFUSE'} onChange={() => (setAction('REFUSE'), setUnchosen(false))} /> {t('decide.REFUSE')}</label>
          {unchosen && <p id="decide-action-error" className="field-error" role="alert">{t('review.chooseVerdict')}</p>}
        </fieldset>
        <Field id="decide-reason" label={action === 'REFUSE' ? t('review.reasonRequired') : t('review.reason')} error={errors.reason}>
          <textarea {...describedBy('decide-reason', errors.reason)} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <ErrorNotice error={error} inline />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : action === 'REFUSE' ? t('decide.refuse') : action === 'PROPOSE' || (!action && proposal) ? t('decide.propose') : t('decide.sign')}</button>
      </form>
    </ActionCard>
  );
}

export function WithdrawForm({ id, onDone }: { id: string; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!open) return <button type="button" className="danger" onClick={() => setOpen(true)}>{t('withdraw.open')}</button>;
  return (
    <ActionCard title={t('withdraw.title')}>
      <form onSubmit={(e) => { e.preventDefault(); void run((key) => client.POST('/nominations/{id}/withdraw', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { reason: reason.trim() } })); }} noValidate>
        <Field id="withdraw-reason" label={t('review.reasonRequired')} error={errors.reason}>
          <textarea {...describedBy('withdraw-reason', errors.reason)} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <ErrorNotice error={error} inline />
        <div className="actions">
          <button type="submit" className="danger" disabled={busy}>{t('withdraw.confirm')}</button>
          <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
        </div>
      </form>
    </ActionCard>
  );
}

/**
 * Corrections before the first review: the achievements, position, front-line flag and files as
 * the dossier now stands (the nominee, award and year make the dossier and cannot change).
 */
export function AmendForm({ id, current, onDone }: { id: string; current: { achievements: string; position?: string; frontLine?: boolean; documents: DocumentRef[] }; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [open, setOpen] = useState(false);
  const [achievements, setAchievements] = useState(current.achievements);
  const [position, setPosition] = useState(current.position ?? '');
  const [frontLine, setFrontLine] = useState(!!current.frontLine);
  const [documents, setDocuments] = useState<DocumentRef[]>(current.documents);
  const [note, setNote] = useState('');
  if (!open) return <button type="button" onClick={() => setOpen(true)}>{t('amend.open')}</button>;
  function submit(e: FormEvent) {
    e.preventDefault();
    const body: Schemas['AmendDto'] = {
      ...(achievements !== current.achievements ? { achievements: achievements.trim() } : {}),
      ...(position !== (current.position ?? '') ? { position: position.trim() } : {}),
      ...(frontLine !== !!current.frontLine ? { frontLine } : {}),
      ...(JSON.stringify(documents) !== JSON.stringify(current.documents) ? { documents } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    void run((key) => client.POST('/nominations/{id}/amend', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body }));
  }
  return (
    <ActionCard title={t('amend.title')}>
      <p className="hint">{t('amend.hint')}</p>
      <form onSubmit={submit} noValidate>
        <Field id="amend-achievements" label={t('form.achievements')} error={errors['changes.achievements'] ?? errors.achievements}>
          <textarea {...describedBy('amend-achievements', errors['changes.achievements'] ?? errors.achievements)} rows={5} value={achievements} onChange={(e) => setAchievements(e.target.value)} />
        </Field>
        <Field id="amend-position" label={t('form.position')} error={errors.position}>
          <input {...describedBy('amend-position', errors.position)} value={position} onChange={(e) => setPosition(e.target.value)} />
        </Field>
        <div className="checkbox">
          <input id="amend-frontLine" type="checkbox" checked={frontLine} onChange={(e) => setFrontLine(e.target.checked)} />
          <label htmlFor="amend-frontLine">{t('form.frontLine')}</label>
        </div>
        <DocumentsInput id="amend-documents" value={documents} onChange={setDocuments} error={errors.documents} />
        <Field id="amend-note" label={t('amend.note')} error={errors.note}>
          <input {...describedBy('amend-note', errors.note)} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <ErrorNotice error={error} inline />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('amend.send')}</button>
          <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
        </div>
      </form>
    </ActionCard>
  );
}

/**
 * The nominee bears the reader's name: before reviewing, deciding or voting, the reader states it
 * is not them (recorded and audited), or stands aside. A personal number typed wrong would
 * otherwise hide it. On the dossier and on the ballot.
 */
export function NotTheNominee({ nominationId, name, onDone }: { nominationId: string; name: string; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run } = useAction(onDone);
  return (
    <div className="namesake">
      <p>{t('nomination.namesake', { name })}</p>
      <ErrorNotice error={error} />
      <button type="button" disabled={busy} onClick={() => void run(() => client.POST('/nominations/{id}/not-the-nominee', { params: { path: { id: nominationId } } }))}>{t('nomination.notTheNominee')}</button>
    </div>
  );
}
