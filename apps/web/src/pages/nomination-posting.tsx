import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorNotice, Field, describedBy, useLoad } from '../ui/kit';
import { client, type Schemas } from '../api';
import { useAction } from './nomination-actions';

export type PostingView = NonNullable<Schemas['NominationRecord']['posting']>;
type Comment = Schemas['PublicComment'];

/**
 * The posting of a nomination: its period, the public's comments and their answers. A reviewer of
 * the posting body answers here; the council stays closed until every comment has its answer.
 */
export function PostingPanel({ nominationId, posting, canAnswer, onAnswered }: { nominationId: string; posting: PostingView; canAnswer: boolean; onAnswered(): void }) {
  const { t, date, dateTime } = useI18n();
  const comments = useLoad(() => client.GET('/nominations/{id}/comments', { params: { path: { id: nominationId } } }), [nominationId]);
  return (
    <section className="card" aria-labelledby="posting-title">
      <h2 id="posting-title">{t('posting.title')}</h2>
      <p>
        {t(`posting.kind.${posting.kind}`)} · {t('posting.period', { from: date(posting.from), until: date(posting.until) })}
      </p>
      {!posting.ended && <p className="muted">{t('posting.gate')}</p>}
      <h3>{t('posting.comments', { count: comments.data?.items.length ?? posting.comments })}</h3>
      <ErrorNotice error={comments.error} />
      {comments.data?.items.length === 0 && <p className="muted">{t('posting.noComments')}</p>}
      <ol className="plain">
        {comments.data?.items.map((c) => (
          <li key={c.commentId} className="comment">
            <p><strong>{c.authorName ?? t('posting.anonymous')}</strong> <span className="muted">{dateTime(c.receivedAt)} · {c.commentId}</span>{' '}
              {c.answer ? <Badge tone="good">{t('posting.answered')}</Badge> : <Badge tone="warn">{t('posting.unanswered')}</Badge>}</p>
            <p className="prewrap">{c.text}</p>
            {c.echoes > 0 && <p className="muted">{t('posting.echoes', { count: c.echoes })}</p>}
            {c.answer && <blockquote className="prewrap">{c.answer} <span className="muted">— {c.answeredBy}, {dateTime(c.answeredAt)}</span></blockquote>}
            {!c.answer && canAnswer && <AnswerForm nominationId={nominationId} commentId={c.commentId} onDone={() => { comments.reload(); onAnswered(); }} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AnswerForm({ nominationId, commentId, onDone }: { nominationId: string; commentId: string; onDone(): void }) {
  const { t } = useI18n();
  const { error, busy, run, errors } = useAction(onDone);
  const [answer, setAnswer] = useState('');
  const id = `answer-${commentId}`;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run((key) => client.POST('/nominations/{id}/comments/{commentId}/answer', { params: { path: { id: nominationId, commentId }, header: { 'Idempotency-Key': key } }, body: { answer: answer.trim() } })); }} noValidate>
      <Field id={id} label={t('posting.answer')} error={errors.answer}>
        <textarea {...describedBy(id, errors.answer)} rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} />
      </Field>
      <ErrorNotice error={error} />
      <button type="submit" className="primary" disabled={busy}>{busy ? t('common.working') : t('posting.sendAnswer')}</button>
    </form>
  );
}
