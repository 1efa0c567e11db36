// "Send svar" on an input request, as its card has it: the background, one answer per
// question, changeable until the deadline; the organisation's answer shown where one
// answer each is asked. Opened in place (a button that shows the form below it).
import { useCallback, useEffect, useId, useState } from 'react';
import { Button, Field, Textarea } from '@fluentui/react-components';
import { ApiError } from '../api';
import { formatWhen } from '../i18n';
import type { InputView } from '../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../ui';
import { Markdown } from '../markdown';

/** The most one answer may hold (the domain's INPUT_LIMITS.answer; the server checks it again). */
const ANSWER_MAX = 10_000;

export function InputAnswerToggle({
  requestId,
  answered,
  onSaved,
}: {
  requestId: string;
  /** The label says "change" when I have answered. */
  answered?: boolean;
  onSaved?: () => void;
}) {
  const { t } = useSession();
  const [open, setOpen] = useState(false);
  const formId = useId();
  return (
    <div>
      <Button
        size="small"
        appearance={open ? 'secondary' : 'primary'}
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? t.act.closeForm : answered ? t.act.changeInput : t.act.answerInput}
      </Button>
      {open && (
        <div id={formId} style={{ marginTop: 8 }}>
          <InputAnswerForm requestId={requestId} onSaved={onSaved} />
        </div>
      )}
    </div>
  );
}

export function InputAnswerForm({
  requestId,
  onSaved,
}: {
  requestId: string;
  onSaved?: () => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [view, setView] = useState<InputView | null>(null);
  const [answers, setAnswers] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<{ text: string; good: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const show = useCallback((v: InputView) => {
    setView(v);
    setAnswers(v.questions.map((_, i) => v.mine?.answers[i] ?? ''));
  }, []);
  useEffect(() => {
    api.get<InputView>(`/inputs/${requestId}`).then(show, setError);
  }, [api, requestId, show]);

  if (!view) return error ? <Problem error={error} /> : <Loading />;
  const tz = view.committee.timeZone;
  const deadline = formatWhen(view.deadline, lang, tz);
  const save = async () => {
    setNote(null);
    setError(null);
    // The same words as the card's, before asking: the server holds the rule (checkAnswers) and says 400 otherwise.
    if (!answers.some((a) => a.trim())) return setNote({ text: t.act.answerEmpty, good: false });
    setBusy(true);
    try {
      show(await api.put<InputView>(`/inputs/${requestId}/answer`, { answers }));
      setNote({ text: t.act.answerSaved, good: true });
      onSaved?.();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400)
        setNote({ text: t.act.answerTooLong, good: false });
      else if (err instanceof ApiError && err.status === 403)
        setNote({ text: t.act.inputNotAsked, good: false });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={`${s.card} ${s.stack}`}
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={headingId} className={s.minor} style={{ marginTop: 0 }}>
        {t.act.inputHeading(view.title)}
      </h3>
      {view.context && <Markdown text={view.context} />}
      <p className={s.muted} style={{ margin: 0 }}>
        {view.open ? t.act.inputOpenUntil(deadline) : t.act.inputClosed(deadline)}
      </p>
      {view.confidential && <p style={{ margin: 0 }}>{t.act.inputConfidential}</p>}
      {view.organisationAnswer && (
        <Notice intent="info">
          {t.act.organisationAnswered(
            view.organisationAnswer.organisation ?? view.organisationAnswer.name,
          )}
        </Notice>
      )}
      {view.questions.map((question, i) => (
        <Field key={i} label={question}>
          <Textarea
            value={answers[i] ?? ''}
            resize="vertical"
            maxLength={ANSWER_MAX}
            readOnly={!view.open}
            onChange={(_, d) => setAnswers(answers.map((a, j) => (j === i ? d.value : a)))}
          />
        </Field>
      ))}
      <div role="status" aria-live="polite">
        {note && <Notice intent={note.good ? 'success' : 'warning'}>{note.text}</Notice>}
      </div>
      {error ? <Problem error={error} /> : null}
      {view.open && (
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {view.mine ? t.act.saveAnswer : t.act.sendAnswer}
          </Button>
        </div>
      )}
    </form>
  );
}
