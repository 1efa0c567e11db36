// "Importér et dokument" in the workbench: a file chosen, checked here for kind and size,
// sent as its bytes, read on the server as the bot reads one sent in its chat, and shown
// as the same preview; saved onto this meeting (or another), or cancelled.
import { useRef, useState } from 'react';
import { Badge, Button, Field, Select } from '@fluentui/react-components';
import { ApiError } from '../../api';
import { formatWhen } from '../../i18n';
import type { ImportPreview, ImportSaved, ImportUpload, Workbench } from '../../types';
import { useSession, useStyles } from '../../ui';
import { CprFindings } from './CprFindings';

/** The server's limit (MAX_DOCUMENT_BYTES) and the kinds its reader reads. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const READABLE = /\.(docx|pdf|md|markdown|txt)$/i;

export function ImportPanel({
  view,
  say,
  fail,
  onSaved,
}: {
  view: Workbench;
  say: (text: string) => void;
  fail: (text: string) => void;
  onSaved: () => Promise<void>;
}) {
  const { api, t, lang } = useSession();
  const w = t.workbench;
  const s = useStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [target, setTarget] = useState(view.meeting.id);
  const [held, setHeld] = useState<{
    findings: Array<{ where: string; masked: string }>;
    fingerprint: string;
  } | null>(null);
  const tz = view.committee.timeZone;

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (input.current) input.current.value = '';
    if (!READABLE.test(file.name)) return fail(w.couldNotRead(file.name, w.notReadable));
    if (file.size > MAX_UPLOAD_BYTES) return fail(w.couldNotRead(file.name, w.tooLarge));
    setBusy(true);
    say(w.reading);
    try {
      const answer = await api.upload<ImportUpload>(`/meetings/${view.meeting.id}/import`, file);
      if ('refused' in answer) {
        fail(w.couldNotRead(file.name, answer.refused[lang]));
        return;
      }
      setPreview(answer.preview);
      setTarget(view.meeting.id);
      setHeld(null);
      say('');
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      fail(
        w.couldNotRead(
          file.name,
          status === 413 ? w.tooLarge : status === 415 ? w.notReadable : w.errors.failed!,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  const save = async (cprConfirmed: string | null) => {
    if (!preview) return;
    setBusy(true);
    try {
      const answer = await api.post<ImportSaved>(`/imports/${preview.importId}/save`, {
        meetingId: target,
        cprConfirmed,
      });
      if ('held' in answer) {
        setHeld(answer.held);
        return;
      }
      setPreview(null);
      setHeld(null);
      say(answer.saved.alreadySaved ? w.alreadySaved : w.importSaved(answer.saved));
      await onSaved();
    } catch {
      fail(w.errors.failed!);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await api.delete(`/imports/${preview.importId}`);
      setPreview(null);
      setHeld(null);
      say(w.importCancelled);
    } catch {
      fail(w.errors.failed!);
    } finally {
      setBusy(false);
    }
  };

  const sections: Array<{ name: string; items: ImportPreview['items'] }> = [];
  for (const item of preview?.items ?? []) {
    const name = item.sectionTitle ?? (item.section ? t.sections[item.section] : null) ?? t.agenda;
    const last = sections.at(-1);
    if (last && last.name === name) last.items.push(item);
    else sections.push({ name, items: [item] });
  }

  return (
    <section aria-labelledby="wb-import-heading" className={s.stack}>
      <h3 id="wb-import-heading" className={s.minor}>
        {w.importHeading}
      </h3>
      <p className={s.muted} style={{ margin: 0 }}>
        {w.importIntro}
      </p>
      <div>
        {/* The browser's own file button speaks the browser's language: a Fluent button in the tab's opens it. */}
        <input
          id="wb-import-file"
          ref={input}
          type="file"
          accept=".docx,.pdf,.md,.markdown,.txt"
          hidden
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {w.chooseFile}
        </Button>
      </div>
      {preview && (
        <div className={`${s.card} ${s.stack}`} aria-labelledby="wb-preview-heading" role="region">
          <h4 id="wb-preview-heading" className={s.minor} style={{ margin: 0 }}>
            {w.previewHeading(preview.fileName ?? '')}
          </h4>
          <p style={{ margin: 0 }}>
            <Badge appearance="tint">{w.previewKind[preview.kind]}</Badge>{' '}
            {w.previewCounts(preview.items.length, preview.participants)}
          </p>
          {sections.map((section, i) => (
            <div key={`${section.name}-${i}`}>
              <strong>{section.name}</strong>
              <ul className={s.list}>
                {section.items.map((item) => (
                  <li key={item.number}>
                    {item.number} {item.title}
                    {item.closed && (
                      <>
                        {' '}
                        <Badge color="danger">{w.closedItem}</Badge>
                      </>
                    )}
                    {item.doubtful && (
                      <>
                        {' '}
                        <Badge color="warning">{w.checkItem}</Badge>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {preview.warnings.length > 0 && (
            <details>
              <summary className={s.summary}>
                {w.warnings} ({preview.warnings.length})
              </summary>
              <ul className={s.list}>
                {preview.warnings.map((warning, i) => (
                  <li key={i}>{warning}</li>
                ))}
              </ul>
            </details>
          )}
          <Field label={w.saveOn}>
            <Select value={target} onChange={(_, d) => setTarget(d.value)}>
              <option value={view.meeting.id}>
                {w.thisMeeting} · {formatWhen(view.meeting.startsAt, lang, tz, false)}
              </option>
              {view.meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {formatWhen(m.startsAt, lang, tz, false)}
                  {m.title ? ` · ${m.title}` : ''}
                </option>
              ))}
              {preview.target.kind === 'new' && (
                <option value="new">
                  {w.newMeeting(formatWhen(preview.target.startsAt, lang, tz))}
                </option>
              )}
            </Select>
          </Field>
          <p className={s.muted} style={{ margin: 0 }}>
            {w.replaces}
          </p>
          {held ? (
            <CprFindings findings={held.findings} intro={w.cprIntro}>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void save(held.fingerprint)}
              >
                {w.saveAnyway}
              </Button>
              <Button disabled={busy} onClick={() => void cancel()}>
                {w.cancelImport}
              </Button>
            </CprFindings>
          ) : (
            <div className={s.row}>
              <Button appearance="primary" disabled={busy} onClick={() => void save(null)}>
                {w.saveImport}
              </Button>
              <Button disabled={busy} onClick={() => void cancel()}>
                {w.cancelImport}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
