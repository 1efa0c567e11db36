// One item of the agenda in the workbench: every field the secretariat writes, the
// attachments (open or closed, attached or to follow), and the meeting it stands on (a
// move). Saved through POST /meetings/:id/items (new) or PUT /items/:id.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { formatWhen } from '../../i18n';
import { Markdown } from '../../markdown';
import type { Workbench, WorkbenchAttachment, WorkbenchItem } from '../../types';
import { useSession, useStyles } from '../../ui';

const SECTIONS = ['decision', 'information', 'upcoming', 'written', 'other'] as const;

const useEditorStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: '12px' },
  attachment: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '6px',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: '4px' },
});

/** The next free number in the section: after the last of its items ("1.3" after "1.2"), or after the last item. */
export function nextNumber(items: WorkbenchItem[], section: string): string {
  const inSection = items.filter((i) => i.section === section);
  const last = (inSection.at(-1) ?? items.at(-1))?.number;
  if (!last) return '1.1';
  const parts = last.split('.').map(Number);
  if (inSection.length === 0 && parts.length > 1) return `${parts[0]! + 1}.1`;
  parts[parts.length - 1] = parts.at(-1)! + 1;
  return parts.join('.');
}

export function ItemEditor({
  view,
  item,
  onSaved,
  onCancel,
  onError,
}: {
  view: Workbench;
  item: WorkbenchItem | null;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
  onError: (err: unknown) => void;
}) {
  const { api, t, lang } = useSession();
  const w = t.workbench;
  const s = useStyles();
  const es = useEditorStyles();
  const firstSection = view.items.at(-1)?.section ?? 'decision';
  const [number, setNumber] = useState(item?.number ?? nextNumber(view.items, firstSection));
  const [section, setSection] = useState(item?.section ?? firstSection);
  const [sectionTitle, setSectionTitle] = useState(item?.sectionTitle ?? '');
  const [title, setTitle] = useState(item?.title ?? '');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [intro, setIntro] = useState(item?.recommendationIntro ?? '');
  const [recommendations, setRecommendations] = useState(item?.recommendations.join('\n') ?? '');
  const [caseText, setCaseText] = useState(item?.caseText ?? '');
  const [closed, setClosed] = useState(item?.closed ?? false);
  const [attachments, setAttachments] = useState<WorkbenchAttachment[]>(item?.attachments ?? []);
  const [meetingId, setMeetingId] = useState(view.meeting.id);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);

  const patch = (i: number, change: Partial<WorkbenchAttachment>) =>
    setAttachments((list) => list.map((a, j) => (j === i ? { ...a, ...change } : a)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const draft = {
      number,
      section,
      sectionTitle: sectionTitle.trim() || null,
      title,
      presenter: presenter.trim() || null,
      recommendationIntro: intro.trim() || null,
      recommendations: recommendations.split('\n'),
      caseText,
      closed,
      attachments: attachments
        .filter((a) => a.title.trim() || a.url?.trim())
        .map((a) => ({
          title: a.title,
          url: a.url?.trim() || null,
          closed: a.closed,
          toFollow: a.toFollow,
        })),
    };
    try {
      if (item) {
        const { item: saved, moved } = await api.put<{ item: WorkbenchItem; moved: boolean }>(
          `/items/${item.id}`,
          { ...draft, meetingId },
        );
        const target = view.meetings.find((m) => m.id === meetingId);
        await onSaved(
          moved && target
            ? w.movedTo(saved.number, formatWhen(target.startsAt, lang, view.committee.timeZone))
            : w.saved(saved.number),
        );
      } else {
        const { item: saved } = await api.post<{ item: WorkbenchItem }>(
          `/meetings/${view.meeting.id}/items`,
          draft,
        );
        await onSaved(w.created(saved.number));
      }
    } catch (err) {
      onError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={es.form} onSubmit={submit} aria-labelledby="wb-editor-heading">
      <h3 id="wb-editor-heading" className={s.minor} tabIndex={-1} ref={heading}>
        {item ? w.editing(item.number) : w.creating}
      </h3>
      <div className={s.row}>
        <Field label={w.number} hint={w.numberHint} required style={{ flexBasis: 100 }}>
          <Input value={number} onChange={(_, d) => setNumber(d.value)} required />
        </Field>
        <Field label={w.section} style={{ flexGrow: 1, flexBasis: 160 }}>
          <Select value={section} onChange={(_, d) => setSection(d.value)}>
            {SECTIONS.map((k) => (
              <option key={k} value={k}>
                {t.sections[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={w.sectionTitle}>
        <Input value={sectionTitle} onChange={(_, d) => setSectionTitle(d.value)} />
      </Field>
      <Field label={w.title} required>
        <Input value={title} onChange={(_, d) => setTitle(d.value)} required maxLength={200} />
      </Field>
      <Field label={w.presenter}>
        <Input value={presenter} onChange={(_, d) => setPresenter(d.value)} maxLength={200} />
      </Field>
      <Field label={w.recommendationIntro} hint={w.recommendationIntroHint}>
        <Input value={intro} onChange={(_, d) => setIntro(d.value)} />
      </Field>
      <Field label={w.recommendations}>
        <Textarea
          value={recommendations}
          onChange={(_, d) => setRecommendations(d.value)}
          resize="vertical"
          rows={3}
        />
      </Field>
      <Field label={w.caseText}>
        <Textarea
          value={caseText}
          onChange={(_, d) => setCaseText(d.value)}
          resize="vertical"
          rows={8}
          maxLength={10_000}
        />
      </Field>
      {caseText.trim() && (
        <details>
          <summary className={s.summary}>{w.preview}</summary>
          <Markdown text={caseText} />
        </details>
      )}
      <Checkbox
        checked={closed}
        onChange={(_, d) => setClosed(Boolean(d.checked))}
        label={w.closed}
      />
      <fieldset className={es.fieldset}>
        <legend className={es.legend}>{w.attachments}</legend>
        {attachments.map((a, i) => (
          <div key={a.id ?? `new-${i}`} className={es.attachment}>
            <Field label={w.attachmentTitle(i + 1)}>
              <Input value={a.title} onChange={(_, d) => patch(i, { title: d.value })} />
            </Field>
            <Field label={w.attachmentUrl(i + 1)}>
              <Input
                type="url"
                value={a.url ?? ''}
                onChange={(_, d) => patch(i, { url: d.value })}
                placeholder="https://"
              />
            </Field>
            <div className={s.row}>
              <Checkbox
                checked={a.closed}
                onChange={(_, d) => patch(i, { closed: Boolean(d.checked) })}
                label={w.attachmentClosed}
              />
              <Checkbox
                checked={a.toFollow}
                onChange={(_, d) => patch(i, { toFollow: Boolean(d.checked) })}
                label={w.attachmentToFollow}
              />
              <Button
                size="small"
                appearance="subtle"
                onClick={() => setAttachments((list) => list.filter((_, j) => j !== i))}
              >
                {w.removeAttachment(i + 1)}
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button
            onClick={() =>
              setAttachments((list) => [
                ...list,
                { title: '', url: null, closed: false, toFollow: false },
              ])
            }
          >
            {w.addAttachment}
          </Button>
        </div>
      </fieldset>
      {item && view.meetings.length > 0 && (
        <Field label={w.meeting}>
          <Select value={meetingId} onChange={(_, d) => setMeetingId(d.value)}>
            <option value={view.meeting.id}>{w.thisMeeting}</option>
            {view.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {formatWhen(m.startsAt, lang, view.committee.timeZone, false)}
                {m.title ? ` · ${m.title}` : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={s.row}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {w.save}
        </Button>
        <Button onClick={onCancel}>{w.cancel}</Button>
      </div>
    </form>
  );
}
