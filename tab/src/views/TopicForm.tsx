// "Meld et punkt ind", "Ret punktet" and "Træk punktet tilbage", as the submission cards
// have them. The meetings offered and their deadlines are the domain's (the form's view);
// a topic after a meeting's deadline goes to the next meeting, and the answer says so.
import { useEffect, useId, useState } from 'react';
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { ApiError } from '../api';
import { formatWhen } from '../i18n';
import type { Submission, SubmissionForm, SubmissionSaved } from '../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../ui';

const PURPOSES = ['decision', 'discussion', 'information'] as const;

/** A button that opens the form for a new topic in place. */
export function SubmitTopic({
  committeeId,
  meetingId,
  onDone,
}: {
  committeeId: string;
  meetingId?: string;
  onDone?: (message: string) => void;
}) {
  const { t } = useSession();
  const [open, setOpen] = useState(false);
  const formId = useId();
  return (
    <div>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? t.act.closeForm : t.act.submitTopic}
      </Button>
      {open && (
        <div id={formId} style={{ marginTop: 8 }}>
          <TopicForm
            source={`/committees/${committeeId}/submission-form`}
            meetingId={meetingId}
            onDone={(message) => {
              setOpen(false);
              onDone?.(message);
            }}
            onCancel={() => setOpen(false)}
          />
        </div>
      )}
    </div>
  );
}

/** "Ret punktet" and "Træk punktet tilbage" on one of my topics that waits for review. */
export function MyTopicActions({
  submissionId,
  title,
  onDone,
}: {
  submissionId: string;
  title: string;
  onDone?: (message: string) => void;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formId = useId();
  const withdraw = async () => {
    setError(null);
    try {
      // The version seen: a topic changed or reviewed since answers 409.
      const form = await api.get<SubmissionForm>(`/submissions/${submissionId}`);
      await api.post<Submission>(`/submissions/${submissionId}/withdraw`, {
        version: form.submission?.version ?? 0,
      });
      setConfirming(false);
      onDone?.(t.act.topicWithdrawn(title));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className={s.stack}>
      <div className={s.row}>
        <Button
          size="small"
          aria-expanded={editing}
          aria-controls={editing ? formId : undefined}
          onClick={() => setEditing(!editing)}
        >
          {editing ? t.act.closeForm : t.act.editTopic}
        </Button>
        {!confirming && (
          <Button size="small" onClick={() => setConfirming(true)}>
            {t.act.withdrawTopic}
          </Button>
        )}
      </div>
      {confirming && (
        <div role="group" aria-label={t.act.withdrawTopic} className={s.row}>
          <span>{t.act.confirmWithdraw(title)}</span>
          <Button size="small" appearance="primary" onClick={() => void withdraw()}>
            {t.act.withdrawTopic}
          </Button>
          <Button size="small" onClick={() => setConfirming(false)}>
            {t.act.cancel}
          </Button>
        </div>
      )}
      {error ? <TopicProblem error={error} /> : null}
      {editing && (
        <div id={formId}>
          <TopicForm
            source={`/submissions/${submissionId}`}
            onDone={(message) => {
              setEditing(false);
              onDone?.(message);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
    </div>
  );
}

function TopicProblem({ error }: { error: unknown }) {
  const { t } = useSession();
  if (error instanceof ApiError && error.status === 409)
    return (
      <Notice intent="warning">
        {error.code === 'no_open_meeting' ? t.act.noOpenMeeting : t.act.topicChangedElsewhere}
      </Notice>
    );
  return <Problem error={error} />;
}

/** The form, new (source: the committee's form) or for a change (source: my topic). */
function TopicForm({
  source,
  meetingId,
  onDone,
  onCancel,
}: {
  source: string;
  meetingId?: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [form, setForm] = useState<SubmissionForm | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState({
    meetingId: '',
    title: '',
    purpose: 'decision' as Submission['purpose'],
    description: '',
    presenter: '',
    links: '',
  });
  const headingId = useId();
  useEffect(() => {
    api.get<SubmissionForm>(source).then((f) => {
      setForm(f);
      const sub = f.submission;
      const offered = meetingId && f.meetings.some((m) => m.id === meetingId && !m.deadlinePassed);
      setDraft({
        meetingId: sub?.meetingId ?? (offered ? meetingId : f.defaultMeetingId),
        title: sub?.title ?? '',
        purpose: sub?.purpose ?? 'decision',
        description: sub?.description ?? '',
        presenter: sub ? (sub.presenter ?? '') : f.presenter,
        links: sub?.links.join('\n') ?? '',
      });
    }, setError);
  }, [api, source, meetingId]);

  if (!form) return error ? <TopicProblem error={error} /> : <Loading />;
  const tz = form.committee.timeZone;
  const when = (iso: string) => formatWhen(iso, lang, tz, false);
  const editing = form.submission;
  const set = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const save = async () => {
    setProblems([]);
    setError(null);
    setBusy(true);
    const body = {
      title: draft.title,
      purpose: draft.purpose,
      description: draft.description,
      presenter: draft.presenter || null,
      links: draft.links.split(/\s+/).filter(Boolean),
    };
    try {
      const res = editing
        ? await api.put<SubmissionSaved>(`/submissions/${editing.id}`, {
            ...body,
            version: editing.version,
          })
        : await api.post<SubmissionSaved>(`/meetings/${draft.meetingId}/submissions`, body);
      if (!res.saved) {
        setProblems(
          res.problems.map((p) => t.act.topicProblems[`${p.field}_${p.problem}`] ?? p.field),
        );
        return;
      }
      if (editing) onDone(t.act.topicSaved);
      else if (res.missed && res.target)
        onDone(t.act.topicLate(when(res.missed.startsAt), when(res.target.startsAt)));
      else onDone(t.act.topicSent(when(res.target?.startsAt ?? res.submission.meetingId)));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={`${s.card} ${s.stack}`}
      aria-labelledby={headingId}
      // The rules are the domain's, said in Danish on the form: not the browser's own bubble.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId} className={s.minor} style={{ marginTop: 0 }}>
        {editing ? t.act.topicFormEdit : t.act.topicFormNew}
      </h3>
      {!editing && (
        <Field label={t.act.topicMeeting}>
          <Select
            value={draft.meetingId}
            // A long choice (date and deadline) is cut, never wider than a 320 px side panel.
            style={{ maxWidth: '100%', minWidth: 0 }}
            select={{ style: { minWidth: 0, textOverflow: 'ellipsis' } }}
            onChange={(_, d) => set({ meetingId: d.value })}
          >
            {form.meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {t.act.meetingChoice(
                  when(m.startsAt),
                  formatWhen(m.deadline, lang, tz),
                  m.deadlinePassed,
                )}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label={t.act.topicTitle} required>
        <Input value={draft.title} maxLength={200} onChange={(_, d) => set({ title: d.value })} />
      </Field>
      <Field label={t.act.topicPurpose}>
        <RadioGroup
          value={draft.purpose}
          onChange={(_, d) => set({ purpose: d.value as Submission['purpose'] })}
        >
          {PURPOSES.map((p) => (
            <Radio key={p} value={p} label={t.act.purposes[p]} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.act.topicDescription}>
        <Textarea
          value={draft.description}
          resize="vertical"
          maxLength={10_000}
          onChange={(_, d) => set({ description: d.value })}
        />
      </Field>
      <Field label={t.act.topicPresenter}>
        <Input
          value={draft.presenter}
          maxLength={200}
          onChange={(_, d) => set({ presenter: d.value })}
        />
      </Field>
      <Field label={t.act.topicLinks}>
        <Textarea
          value={draft.links}
          resize="vertical"
          onChange={(_, d) => set({ links: d.value })}
        />
      </Field>
      <div role="status" aria-live="polite">
        {problems.length > 0 && (
          <Notice intent="warning">
            <ul className={s.list}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
      {error ? <TopicProblem error={error} /> : null}
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {editing ? t.act.saveTopic : t.act.sendTopic}
        </Button>
        <Button onClick={onCancel}>{t.act.cancel}</Button>
      </div>
    </form>
  );
}
