import { useState } from 'react';
import { client, download, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { awardsOf, useCatalogue, versionFor } from '../catalogue';
import { Link, usePath } from '../router';
import { useSession } from '../session';
import { DocumentLinks, type DocumentRef } from '../ui/documents';
import { EligibilityView, type Eligibility } from '../ui/eligibility';
import { Badge, ErrorNotice, Loading, Notice, PageTitle, statusTone, useLabel, useLoad, useRefreshWhile } from '../ui/kit';
import { AmendForm, DecideForm, NotTheNominee, ResubmitForm, ReviewForm, WithdrawForm } from './nomination-actions';
import { PostingPanel, type PostingView } from './nomination-posting';
import { DecisionFiles } from './decision';

/** Recorded before a field existed, an event lacks it: the page reads every field as optional. */
type Step = Schemas['RecordedStep'] extends infer S ? (S extends Schemas['RecordedStep'] ? Omit<S, 'data'> & { data: Partial<S['data']> } : never) : never;
type Nomination = Omit<Schemas['NominationDetail'], 'steps'> & { steps: Step[] };

const TERMINAL = ['AWARDED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'];

/** A link to the next open task of the same kind in the reader's inbox (soonest due), or word that there is none. */
function NextTask({ kind, after }: { kind: Schemas['InboxTask']['kind']; after: string }) {
  const { t } = useI18n();
  const next = useLoad(() => client.GET('/inbox', { params: { query: { kind, pageSize: 2 } } }), [kind, after]);
  if (!next.data) return null;
  const task = next.data.items.find((x) => x.nominationId !== after);
  return task
    ? <Link to={`/nominations/${task.nominationId}`}>{t('nomination.nextTask', { name: task.nomineeName })}</Link>
    : <Link to="/inbox">{t('nomination.noNextTask')}</Link>;
}

export function NominationPage({ id }: { id: string }) {
  const { t, pick, date, dateTime } = useI18n();
  const { actor, has } = useSession();
  const label = useLabel();
  const { search } = usePath();
  const n = useLoad(async (): Promise<{ data?: Nomination }> => client.GET('/nominations/{id}', { params: { path: { id } } }), [id]);
  // Between one person's action and the next task the workflow is working (appraisal, routing,
  // the decision number); the page follows it instead of showing a stale state.
  // After one's own action, also until the read model shows it (projection may trail the answer).
  const [seenSeq, setSeenSeq] = useState<number>();
  /** The kind of task the reader just completed here: confirmed, with the next one of that kind. */
  const [recorded, setRecorded] = useState<Schemas['InboxTask']['kind']>();
  const working = !!n.data && !n.data.engineInterruption && !n.data.engineStall && ((!TERMINAL.includes(n.data.status) && !n.data.tasks.some((x) => x.status === 'OPEN')) || (seenSeq !== undefined && n.data.lastSeq <= seenSeq));
  useRefreshWhile(working, n.reload, 1000, n.data);
  if (n.loading && !n.data) return <Loading />;
  if (!n.data) return <ErrorNotice error={n.error} />;
  const nom = n.data;
  const open = nom.tasks.filter((x) => x.status === 'OPEN');
  const mine = (kind: string, role: string) => open.find((x) => x.kind === kind && x.unitId === actor?.unitId && actor?.roles.includes(role as never));
  const supplement = [...nom.steps].reverse().find((s): s is Extract<Step, { type: 'SupplementRequested' }> => s.type === 'SupplementRequested');
  const supplementDocs: DocumentRef[] = nom.steps.flatMap((s) => (s.type === 'SupplementProvided' ? s.data.documents ?? [] : []));
  const reached = new Set<string>(nom.steps.map((s) => s.level));
  /**
   * A rung passed is done; the rung holding the dossier is current while it moves, and where it
   * stopped once withdrawn, rejected or expired (never "done"); the rungs after a stop were not reached.
   */
  const stopped = TERMINAL.includes(nom.status) && nom.status !== 'AWARDED';
  const route: string[] = (nom.dossier.route ?? []).map((r) => r.level);
  const ladderClass = (level: string) => {
    if (level === nom.currentLevel) return stopped ? 'stopped' : TERMINAL.includes(nom.status) ? 'done' : 'current';
    return reached.has(level) && route.indexOf(level) < route.indexOf(nom.currentLevel) ? 'done' : 'todo';
  };
  // Before its first review the submitting unit's clerk may correct the dossier (the workflow decides; this only offers it).
  const firstLevel = nom.dossier.route?.[0]?.level;
  const amendable = has('CLERK') && actor?.unitId === nom.unitId && nom.status === 'IN_REVIEW' && open.some((x) => x.kind === 'REVIEW' && x.key === `${firstLevel}:REVIEW:0`);
  const done = (handled?: Schemas['InboxTask']['kind']) => {
    setSeenSeq(nom.lastSeq);
    setRecorded(handled);
    n.reload();
  };

  return (
    <section>
      <PageTitle actions={has('AUDITOR', 'ADMIN') ? <Link className="button" to={`/audit/nominations/${id}`}>{t('audit.timeline')}</Link> : undefined}>
        {`${nom.nominee.name} — ${pick(nom.awardNameVi, nom.awardNameEn)}`}
      </PageTitle>
      {search.get('submitted') && <Notice kind="success">{t('nomination.submitted')}</Notice>}
      <p>
        {nom.dossierNumber && <><strong>{t('nomination.number', { number: nom.dossierNumber })}</strong> · </>}
        <Badge tone={statusTone(nom.status)}>{label('status', nom.status)}</Badge>{' '}
        {t('nomination.at', { level: label('level', nom.currentLevel) })} · {t('form.year')} {nom.year} · {t('nomination.submittedAt', { at: dateTime(nom.submittedAt) })}
      </p>
      {recorded && (
        <Notice kind="success">
          {t('nomination.recorded')} <NextTask kind={recorded} after={id} />
        </Notice>
      )}
      {working && <Notice>{t('nomination.working')}</Notice>}
      {nom.outcomeReason && <p><strong>{t('nomination.reason')}:</strong> {nom.outcomeReason}</p>}
      {nom.decision && (
        <Notice kind="success">
          {t('nomination.decidedBy', { number: nom.decision.number, issuer: pick(nom.decision.issuerNameVi, nom.decision.issuerNameEn), date: date(nom.decision.issuedOn) })}{' '}
          {nom.decision.revokedBy && <Badge tone="bad">{t('public.revoked')}: {nom.decision.revokedBy}</Badge>}{' '}
          <Link to={`/decisions/${nom.decision.id}`}>{t('nomination.viewDecision')}</Link>
        </Notice>
      )}

      <ol className="ladder" aria-label={t('nomination.ladder')}>
        {(nom.dossier.route ?? []).map((r) => (
          <li key={r.level} className={ladderClass(r.level)} aria-current={r.level === nom.currentLevel ? 'step' : undefined}>
            {label('level', r.level)}{r.posting ? ` · ${t('posting.title')}` : ''}{r.council ? ` · ${t('nomination.withCouncil')}` : ''}{r.president ? ` · ${t('task.PROPOSAL')}` : ''}
            {ladderClass(r.level) === 'stopped' && ` — ${t('nomination.stoppedHere', { status: label('status', nom.status) })}`}
          </li>
        ))}
      </ol>

      {nom.status === 'SUPPLEMENT_REQUESTED' && supplement && (
        <Notice kind="warning">
          <strong>{t('nomination.supplementAsked')}</strong> {supplement.reason}
          <ul>{supplement.data.items?.map((i) => <li key={i}>{i}</li>)}</ul>
          {supplement.data.deadline && t('nomination.supplementBy', { at: dateTime(supplement.data.deadline) })}
        </Notice>
      )}

      {nom.engineStall && <Notice kind="warning">{t('nomination.engineStalled', { message: pick(nom.engineStall.messageVi, nom.engineStall.messageEn), at: dateTime(nom.engineStall.since) })}</Notice>}
      {nom.engineInterruption && (
        <Notice kind="warning">{t('nomination.engineInterrupted', { message: pick(nom.engineInterruption.messageVi, nom.engineInterruption.messageEn), at: dateTime(nom.engineInterruption.closedAt) })}</Notice>
      )}
      {nom.namesakeOfReader && !nom.namesakeOfReader.declared && <Notice kind="warning"><NotTheNominee nominationId={nom.id} name={nom.nominee.name} onDone={n.reload} /></Notice>}
      {nom.proposal && <p>{t('nomination.proposal', { number: nom.proposal.number, date: date(nom.proposal.submittedOn) })}</p>}
      {nom.posting && <PostingPanel nominationId={nom.id} posting={nom.posting} canAnswer={!!mine('POSTING', 'REVIEWER')} onAnswered={done} />}
      {nom.sameAwardYearBefore && (
        <Notice kind="warning">{t('nomination.sameAwardYearBefore', { year: nom.sameAwardYearBefore.year, number: nom.sameAwardYearBefore.decisionNumber })}</Notice>
      )}
      <RegistrationLine nom={nom} />
      {nom.eligibility && <EligibilityView result={nom.eligibility} />}
      {/* The record is kept by the submitting unit: what the check found missing is entered there. */}
      {nom.nomineeId && actor?.unitId === nom.unitId && (
        <p><Link to={`/nominees/${nom.nomineeId}`}>{t('nomination.record')}</Link></p>
      )}
      <div className="actions-column">
        {mine('REVIEW', 'REVIEWER') && <ReviewForm id={id} needsJustification={nom.eligibility?.outcome !== 'ELIGIBLE'} onDone={() => done('REVIEW')} />}
        {mine('SUPPLEMENT', 'CLERK') && <ResubmitForm id={id} items={supplement?.data.items ?? []} achievements={nom.dossier.achievements} onDone={() => done('SUPPLEMENT')} />}
        {mine('DECISION', 'DECISION_MAKER') && <DecideForm id={id} onDone={() => done('DECISION')} />}
        {mine('PROPOSAL', 'DECISION_MAKER') && <DecideForm id={id} proposal onDone={() => done('PROPOSAL')} />}
        {amendable && <AmendForm key={nom.lastSeq} id={id} current={{ achievements: nom.dossier.achievements, position: nom.nominee.position, frontLine: nom.nominee.frontLine, documents: nom.dossier.documents }} onDone={() => done()} />}
        {has('CLERK') && actor?.unitId === nom.unitId && !TERMINAL.includes(nom.status) && <WithdrawForm id={id} onDone={done} />}
      </div>

      <div className="grid">
        <article className="card">
          <h2>{t('form.dossier')}</h2>
          <dl className="facts">
            <dt>{t('form.kind')}</dt><dd>{label('kind', nom.nominee.kind)}{nom.nominee.frontLine ? ` · ${t('nomination.priority')}` : ''}{nom.dossier.posthumous ? ` · ${t('public.posthumous')}` : ''}</dd>
            {nom.nominee.position && <><dt>{t('form.position')}</dt><dd>{nom.nominee.position}</dd></>}
            <dt>{t('nomination.period')}</dt><dd>{date(nom.dossier.achievementPeriod.from)} – {date(nom.dossier.achievementPeriod.to)}</dd>
          </dl>
          <h3>{t('form.achievements')}</h3>
          <p className="prewrap">{nom.dossier.achievements}</p>
          <h3>{t('docs.label')}</h3>
          <DocumentLinks docs={[...nom.dossier.documents, ...supplementDocs]} nominationId={nom.id} />
          <GeneratedDocuments nomination={nom} />
        </article>
        <article className="card">
          <h2>{t('nomination.progress')}</h2>
          <ol className="timeline">
            {nom.steps.map((s) => (
              <li key={s.seq}>
                <time dateTime={s.occurredAt}>{dateTime(s.occurredAt)}</time>{' '}
                <span>{label('event', s.type)}</span> <span className="muted">({label('level', s.level)})</span>
                {s.reason && <div className="muted">{s.reason}</div>}
              </li>
            ))}
          </ol>
          {open.length > 0 && (
            <>
              <h3>{t('nomination.openTasks')}</h3>
              <ul className="plain">
                {open.map((x) => <li key={x.key}>{label('task', x.kind)} · {label('level', x.level)} · {t('inbox.due')}: {dateTime(x.dueAt)}</li>)}
              </ul>
            </>
          )}
        </article>
      </div>
      <p className="muted">{t('nomination.id')}: <code>{nom.id}</code></p>
    </section>
  );
}

/**
 * The documents the dossier's path produced: a proposal letter with its list for each level that
 * forwarded it upward, and the decision with its certificates once awarded.
 */
function GeneratedDocuments({ nomination }: { nomination: Nomination }) {
  const { t } = useI18n();
  const label = useLabel();
  const levels = [...new Set(nomination.steps.flatMap((s) => (s.type === 'ProposalForwarded' && s.data.from ? [s.data.from] : [])))];
  const letter = (level: (typeof levels)[number], ext: 'pdf' | 'docx') => {
    const query = { level, nominationIds: nomination.id };
    const answer = ext === 'pdf' ? client.GET('/proposals/letter.pdf', { params: { query }, parseAs: 'blob' }) : client.GET('/proposals/letter.docx', { params: { query }, parseAs: 'blob' });
    void download(answer, `to-trinh-${level.toLowerCase()}-${nomination.id.slice(0, 8)}.${ext}`);
  };
  return (
    <>
      <h3>{t('documents.title')}</h3>
      {levels.length === 0 && !nomination.decision && <p className="muted">{t('documents.none')}</p>}
      {levels.map((level) => (
        <div key={level} className="actions">
          <span>{t('documents.proposal', { level: label('level', level).toLowerCase() })}</span>
          <button type="button" onClick={() => letter(level, 'pdf')}>{t('documents.proposalPdf')}</button>
          <button type="button" onClick={() => letter(level, 'docx')}>{t('documents.proposalDocx')}</button>
        </div>
      ))}
      {levels.length > 0 && <p className="muted">{t('documents.proposalNote')}</p>}
      {nomination.decision && (
        <div className="actions">
          <span>{t('documents.decision', { number: nomination.decision.number })}</span>
          <DecisionFiles id={nomination.decision.id} number={nomination.decision.number} award />
        </div>
      )}
    </>
  );
}

/** Whether the nominee registered this title for the year (đăng ký thi đua); said for titles only. */
function RegistrationLine({ nom }: { nom: { awardCode: string; year: number; registration: Schemas['NominationDetail']['registration'] } }) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const version = catalogue ? versionFor(catalogue, `${nom.year}-12-31`) : undefined;
  const award = version ? awardsOf(version)[nom.awardCode] : undefined;
  if (nom.registration) {
    const status = t(`reg.status.${nom.registration.status}`) + (nom.registration.late ? `, ${t('nomination.registeredLate')}` : '');
    return <p><Link to={`/registrations/${nom.registration.registrationId}`}>{t('nomination.registered', { year: nom.year, status })}</Link></p>;
  }
  return award?.kind === 'TITLE' ? <p className="muted">{t('nomination.notRegistered', { year: nom.year })}</p> : null;
}
