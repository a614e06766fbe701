import { useState } from 'react';
import { client, data, download, type ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice, Progress, asApiError } from './kit';

export type DocumentRef = Schemas['DocumentRef'];

/** Picks files, uploads each (with progress), and keeps the references the dossier will carry. */
export function DocumentsInput({ id, value, onChange, error, label }: { id: string; value: DocumentRef[]; onChange(docs: DocumentRef[]): void; error?: string; label?: string }) {
  const { t } = useI18n();
  const [uploading, setUploading] = useState<{ done: number; total: number }>();
  const [uploadError, setUploadError] = useState<ApiError>();

  async function pick(files: FileList | null) {
    if (!files?.length) return;
    setUploadError(undefined);
    const list = [...files];
    const added: DocumentRef[] = [];
    setUploading({ done: 0, total: list.length });
    for (const [i, file] of list.entries()) {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        // The body is the multipart form itself; the schema's `file` is its one part.
        added.push(await data(client.POST('/documents', { body: { file: '' }, bodySerializer: () => form })));
      } catch (e) {
        setUploadError(asApiError(e));
        break;
      }
      setUploading({ done: i + 1, total: list.length });
    }
    onChange([...value, ...added.filter((a) => !value.some((v) => v.sha256 === a.sha256))]);
    setUploading(undefined);
  }

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label ?? t('docs.label')}</label>
      {/* The browser's own picker says "Choose Files" in the browser's language; this one speaks the user's. */}
      <div className="file-picker">
        <input id={id} type="file" multiple onChange={(e) => { void pick(e.target.files); e.target.value = ''; }} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} aria-invalid={error ? true : undefined} />
        <label htmlFor={id} className="button">{t('docs.choose')}</label>
        <span className="muted">{value.length ? t('docs.chosen', { count: value.length }) : t('docs.noneChosen')}</span>
      </div>
      <p className="hint" id={`${id}-hint`}>{t('docs.hint')}</p>
      {uploading && <Progress value={uploading.done} max={uploading.total} label={t('docs.uploading')} />}
      <ErrorNotice error={uploadError} />
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      {value.length > 0 && (
        <ul className="doc-list" aria-label={t('docs.attached')}>
          {value.map((d) => (
            <li key={d.sha256}>
              <span>{d.name}</span> <span className="muted">{d.sizeBytes ? `${Math.ceil(d.sizeBytes / 1024)} KB` : ''}</span>{' '}
              <button type="button" className="link-button" onClick={() => onChange(value.filter((x) => x.sha256 !== d.sha256))} aria-label={t('docs.remove', { name: d.name })}>{t('docs.removeShort')}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Links that fetch a dossier's file with the caller's token, through the dossier that cites it. */
export function DocumentLinks({ docs, nominationId }: { docs: DocumentRef[]; nominationId: string }) {
  const { t, pick } = useI18n();
  const [error, setError] = useState<string>();
  if (!docs.length) return <p className="muted">{t('docs.none')}</p>;
  return (
    <>
      <ul className="doc-list">
        {docs.map((d) => (
          <li key={`${d.sha256}:${d.name}`}>
            <button type="button" className="link-button" onClick={() => download(client.GET('/nominations/{id}/documents/{sha256}', { params: { path: { id: nominationId, sha256: d.sha256 } }, parseAs: 'blob' }), d.name).then(() => setError(undefined), (e) => { const b = asApiError(e).body; setError(pick(b.messageVi, b.messageEn)); })}>{d.name}</button>{' '}
            <code className="muted" title="SHA-256">{d.sha256.slice(0, 12)}…</code>
          </li>
        ))}
      </ul>
      {error && <p className="field-error" role="alert">{error}</p>}
    </>
  );
}

/** Field → message, from an API error (one field or many) in the chosen language. */
export function fieldErrors(error: ApiError | undefined, pick: (vi: string, en: string) => string): Record<string, string> {
  if (!error) return {};
  const out: Record<string, string> = {};
  for (const f of error.body.fields ?? []) out[f.field] ??= pick(f.messageVi, f.messageEn);
  if (error.body.field && !out[error.body.field]) out[error.body.field] = pick(error.body.messageVi, error.body.messageEn);
  return out;
}
