import { useState } from 'react';
import { client, data, type ApiError, type Schemas } from '../api';
import { versionFor } from '../catalogue';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { useSession } from '../session';
import { Badge, ErrorNotice, Field, Loading, Notice, PageTitle, asApiError, describedBy, useLabel, useLoad } from '../ui/kit';
import { ExportButton } from '../ui/export';

type Detail = Schemas['RegistrationDetail'];
type Status = Detail['status'];
const tone = (s: Status) => (s === 'APPROVED' ? 'good' : s === 'RETURNED' ? 'bad' : s === 'SUBMITTED' ? 'info' : 'neutral');

/**
 * The unit's registrations for the years of the movement (đăng ký thi đua): the clerk opens the
 * year's, the head approves what is sent; inspectors read those in their scope.
 */
export function RegistrationsPage() {
  const { t, pick, date } = useI18n();
  const { has } = useSession();
  const list = useLoad(() => client.GET('/registrations'), []);
  const [error, setError] = useState<ApiError>();
  const year = new Date().getFullYear();
  async function open(y: number) {
    setError(undefined);
    try {
      const r = await data(client.POST('/registrations', { body: { year: y } }));
      navigate(`/registrations/${r.id}`);
    } catch (e) {
      setError(asApiError(e));
    }
  }
  return (
    <section>
      <PageTitle>{t('reg.title')}</PageTitle>
      <p className="muted">{t('reg.intro')}</p>
      {has('CLERK') && (
        <div className="actions">
          {[year, year + 1].map((y) => <button key={y} type="button" className={y === year ? 'primary' : undefined} onClick={() => void open(y)}>{t('reg.open', { year: y })}</button>)}
        </div>
      )}
      <ErrorNotice error={error} />
      {list.loading && !list.data ? <Loading /> : <ErrorNotice error={list.error} />}
      {list.data && list.data.items.length > 0 && (
        <ExportButton fileName="dang-ky-thi-dua.xlsx" table={async () => ({
          sheetName: t('reg.title'), title: t('reg.title'),
          columns: [t('form.year'), t('list.unit'), t('reg.status'), t('reg.deadline'), t('reg.entries')].map((header, i) => ({ header, width: [8, 40, 22, 12, 14][i] })),
          rows: list.data!.items.map((r) => [r.year, r.unitNameVi ? pick(r.unitNameVi, r.unitNameEn ?? r.unitNameVi) : r.unitId, t(`reg.status.${r.status}`) + (r.late ? ` (${t('reg.late')})` : ''), date(r.deadline), r.entryCount]),
        })} />
      )}
      {list.data && (list.data.items.length === 0 ? <p className="muted">{t('reg.none')}</p> : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('reg.title')}</caption>
            <thead><tr><th scope="col">{t('form.year')}</th><th scope="col">{t('list.unit')}</th><th scope="col">{t('reg.status')}</th><th scope="col">{t('reg.deadline')}</th><th scope="col">{t('reg.entries')}</th></tr></thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id}>
                  <td><Link to={`/registrations/${r.id}`}>{t('reg.ofYear', { year: r.year })}</Link></td>
                  <td>{r.unitNameVi ? pick(r.unitNameVi, r.unitNameEn ?? r.unitNameVi) : r.unitId}</td>
                  <td><Badge tone={tone(r.status)}>{t(`reg.status.${r.status}`)}</Badge>{r.late && <> <Badge tone="warn">{t('reg.late')}</Badge></>}</td>
                  <td>{date(r.deadline)}</td>
                  <td>{r.entryCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

interface NewEntry { kind: 'INDIVIDUAL' | 'COLLECTIVE'; name: string; birthYear: string; personalId: string; position: string; awardCode: string }
const blank = (): NewEntry => ({ kind: 'INDIVIDUAL', name: '', birthYear: '', personalId: '', position: '', awardCode: '' });

/** One year's registration: what is registered and pledged, and the action that is the reader's. */
export function RegistrationPage({ id }: { id: string }) {
  const { t, pick, date } = useI18n();
  const label = useLabel();
  const { actor, has } = useSession();
  const reg = useLoad(() => client.GET('/registrations/{id}', { params: { path: { id } } }), [id]);
  const catalogue = useLoad(() => client.GET('/catalogue'), []);
  const [kept, setKept] = useState<number[]>();
  const [added, setAdded] = useState<NewEntry[]>([]);
  const [pledge, setPledge] = useState<string>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const r = reg.data;
  if (!r) return reg.error ? <ErrorNotice error={reg.error} /> : <Loading />;
  const mine = actor?.unitId === r.unitId;
  const editable = mine && has('CLERK') && (r.status === 'OPEN' || r.status === 'RETURNED');
  const deciding = mine && has('DECISION_MAKER') && r.status === 'SUBMITTED';
  const keptLines = kept ?? r.entries.map((e) => e.line);
  const version = catalogue.data ? versionFor(catalogue.data, `${r.year}-12-31`) : undefined;
  const titles = Object.values(version?.awards ?? {}).filter((a) => a.kind === 'TITLE');

  async function act(action: () => Promise<unknown>, message: string) {
    setError(undefined);
    setDone(undefined);
    try {
      await action();
      setKept(undefined);
      setAdded([]);
      setPledge(undefined);
      setDone(message);
      reg.reload();
    } catch (e) {
      setError(asApiError(e));
    }
  }
  const save = () => act(() => data(client.PUT('/registrations/{id}/entries', {
    params: { path: { id } },
    body: {
      pledge: pledge ?? r.pledge,
      entries: [
        ...keptLines.map((line) => ({ keepLine: line }) as Schemas['RegistrationEntryDto']),
        ...added.map((e) => ({ kind: e.kind, name: e.name, awardCode: e.awardCode, ...(e.birthYear ? { birthYear: Number(e.birthYear) } : {}), ...(e.personalId ? { personalId: e.personalId } : {}), ...(e.position ? { position: e.position } : {}) })),
      ],
    },
  })), t('reg.saved'));
  const change = (i: number, patch: Partial<NewEntry>) => setAdded(added.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  return (
    <section>
      <PageTitle>{t('reg.detailTitle', { year: r.year, unit: r.unitNameVi ? pick(r.unitNameVi, r.unitNameEn ?? r.unitNameVi) : r.unitId })}</PageTitle>
      <p>
        <Badge tone={tone(r.status)}>{t(`reg.status.${r.status}`)}</Badge>{r.late && <> <Badge tone="warn">{t('reg.late')}</Badge></>}
        {' '}{t('reg.deadlineIs', { date: date(r.deadline) })} · {t(r.lateRule === 'REFUSE' ? 'reg.rule.REFUSE' : 'reg.rule.FLAG')}
      </p>
      {r.returnedReason && r.status === 'RETURNED' && <Notice kind="warning">{t('reg.returnedBecause', { reason: r.returnedReason })}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      <ErrorNotice error={error} />
      <section className="card" aria-labelledby="reg-pledge">
        <h2 id="reg-pledge">{t('reg.pledge')}</h2>
        {editable
          ? <Field id="reg-pledge-text" label={t('reg.pledgeLabel')}><textarea {...describedBy('reg-pledge-text')} rows={4} value={pledge ?? r.pledge} onChange={(e) => setPledge(e.target.value)} /></Field>
          : <p className="pre-wrap">{r.pledge || '—'}</p>}
      </section>
      <div className="table-wrap">
        <table>
          <caption>{t('reg.entriesCaption', { count: keptLines.length + added.length })}</caption>
          <thead><tr><th scope="col">{t('bulk.line')}</th><th scope="col">{t('form.kind')}</th><th scope="col">{t('common.nominee')}</th><th scope="col">{t('form.birthYear')}</th><th scope="col">{t('form.personalId')}</th><th scope="col">{t('reg.titleCol')}</th>{editable && <th scope="col"><span className="visually-hidden">{t('reg.remove')}</span></th>}</tr></thead>
          <tbody>
            {r.entries.filter((e) => keptLines.includes(e.line)).map((e) => (
              <tr key={`kept-${e.line}`}>
                <td>{e.line}</td><td>{label('kind', e.kind)}</td><td>{e.name}{e.position ? <span className="muted"> · {e.position}</span> : null}</td>
                <td>{e.birthYear ?? '—'}</td><td>{e.personalIdLast4 ? `…${e.personalIdLast4}` : '—'}</td><td>{label('award', e.awardCode)}</td>
                {editable && <td><button type="button" className="link-button" aria-label={t('reg.removeOne', { name: e.name })} onClick={() => setKept(keptLines.filter((l) => l !== e.line))}>{t('reg.remove')}</button></td>}
              </tr>
            ))}
            {added.map((e, i) => (
              <tr key={`new-${i}`}>
                <td>{t('reg.newLine')}</td>
                <td><select aria-label={t('form.kind')} value={e.kind} onChange={(ev) => change(i, { kind: ev.target.value as NewEntry['kind'], awardCode: '' })}><option value="INDIVIDUAL">{label('kind', 'INDIVIDUAL')}</option><option value="COLLECTIVE">{label('kind', 'COLLECTIVE')}</option></select></td>
                <td><input aria-label={t('common.nominee')} value={e.name} onChange={(ev) => change(i, { name: ev.target.value })} /></td>
                <td><input aria-label={t('form.birthYear')} className="short" inputMode="numeric" value={e.birthYear} disabled={e.kind !== 'INDIVIDUAL'} onChange={(ev) => change(i, { birthYear: ev.target.value.replace(/\D/g, '').slice(0, 4) })} /></td>
                <td><input aria-label={t('form.personalId')} inputMode="numeric" value={e.personalId} disabled={e.kind !== 'INDIVIDUAL'} onChange={(ev) => change(i, { personalId: ev.target.value.replace(/\D/g, '').slice(0, 12) })} /></td>
                <td><select aria-label={t('reg.titleCol')} value={e.awardCode} onChange={(ev) => change(i, { awardCode: ev.target.value })}><option value="">{t('form.chooseAward')}</option>{titles.filter((a) => a.recipientKinds.includes(e.kind)).map((a) => <option key={a.code} value={a.code}>{pick(a.nameVi, a.nameEn)}</option>)}</select></td>
                {editable && <td><button type="button" className="link-button" onClick={() => setAdded(added.filter((_, j) => j !== i))}>{t('reg.remove')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportButton fileName={`dang-ky-thi-dua-${r.year}.xlsx`} table={async () => ({
        sheetName: t('reg.entriesCaption', { count: r.entries.length }), title: t('reg.detailTitle', { year: r.year, unit: r.unitNameVi ?? r.unitId }), subtitle: r.pledge,
        columns: [t('bulk.line'), t('form.kind'), t('common.nominee'), t('form.birthYear'), t('form.position'), t('reg.titleCol')].map((header, i) => ({ header, width: [6, 14, 30, 10, 20, 36][i] })),
        rows: r.entries.map((e) => [e.line, label('kind', e.kind), e.name, e.birthYear ?? '', e.position ?? '', label('award', e.awardCode)]),
      })} />
      {editable && (
        <div className="actions">
          <button type="button" onClick={() => setAdded([...added, blank()])}>{t('reg.addLine')}</button>
          <button type="button" className="primary" onClick={() => void save()}>{t('reg.save')}</button>
          <button type="button" className="primary" disabled={kept !== undefined || added.length > 0 || pledge !== undefined || r.entries.length === 0} onClick={() => void act(() => data(client.POST('/registrations/{id}/submit', { params: { path: { id } } })), t('reg.sent'))}>{t('reg.submit')}</button>
        </div>
      )}
      {deciding && (
        <section className="card action-card" aria-labelledby="reg-decide">
          <h2 id="reg-decide">{t('reg.decide')}</h2>
          <button type="button" className="primary" onClick={() => void act(() => data(client.POST('/registrations/{id}/approve', { params: { path: { id } } })), t('reg.approved'))}>{t('reg.approve')}</button>
          <Field id="reg-reason" label={t('reg.reason')}><textarea {...describedBy('reg-reason')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
          <button type="button" onClick={() => void act(() => data(client.POST('/registrations/{id}/return', { params: { path: { id } }, body: { reason } })), t('reg.returned'))}>{t('reg.return')}</button>
        </section>
      )}
      <p><Link to="/registrations">{t('reg.back')}</Link></p>
    </section>
  );
}
