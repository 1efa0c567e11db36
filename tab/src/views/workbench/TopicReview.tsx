// The secretariat's review of the topics members submitted for the meeting: each topic with
// its fields and status, and the review card's choices (accept, accept onto the meeting it
// missed, move, decline with a reason, ask a question). The server does what the card does
// (POST /submissions/:id/review) and tells the submitter; a colleague's review made first
// is said, never overwritten.
import { useCallback, useEffect, useId, useState } from 'react';
import { Badge, Button, Field, Link, Select, Textarea } from '@fluentui/react-components';
import { formatWhen } from '../../i18n';
import type { MeetingPage, ReviewAnswer, ReviewList, ReviewTopic } from '../../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../../ui';

export function TopicReview({ page, onChanged }: { page: MeetingPage; onChanged: () => void }) {
  const { api, t } = useSession();
  const s = useStyles();
  const [list, setList] = useState<ReviewList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState<{ text: string; good: boolean } | null>(null);
  const meetingId = page.meeting.id;
  const load = useCallback(() => {
    api.get<ReviewList>(`/meetings/${meetingId}/submissions`).then(setList, setError);
  }, [api, meetingId]);
  useEffect(load, [load]);

  const review = useCallback(
    async (topic: ReviewTopic, body: Record<string, unknown>) => {
      setSaid(null);
      setError(null);
      try {
        const answer = await api.post<ReviewAnswer>(`/submissions/${topic.id}/review`, {
          ...body,
          version: topic.version,
        });
        const r = t.review;
        const now = answer.submission;
        if (!answer.done) {
          const status = r.status[now.status] ?? now.status;
          setSaid({ text: r.first(now.reviewerName ?? now.submitter, status), good: false });
        } else {
          const kind = body.decision as string;
          setSaid({
            good: true,
            text: kind.startsWith('accept')
              ? r.done.accept(answer.itemNumber ?? '')
              : kind === 'move'
                ? r.done.move
                : kind === 'decline'
                  ? r.done.decline
                  : r.done.question,
          });
        }
        load();
        // An accepted topic is a new draft item on the agenda: the page shows it.
        if (answer.done) onChanged();
      } catch (err) {
        setError(err);
      }
    },
    [api, t, load, onChanged],
  );

  return (
    <section className={s.section} aria-labelledby="review-heading">
      <h2 id="review-heading" className={s.subheading}>
        {t.review.heading}
      </h2>
      <p className={s.muted} style={{ marginTop: 0 }}>
        {t.review.intro}
      </p>
      <div role="status" aria-live="polite">
        {said && <Notice intent={said.good ? 'success' : 'warning'}>{said.text}</Notice>}
      </div>
      {error ? <Problem error={error} retry={load} /> : null}
      {!list ? (
        error ? null : (
          <Loading />
        )
      ) : list.submissions.length === 0 ? (
        <p className={s.muted}>{t.review.none}</p>
      ) : (
        <ul className={s.plainList}>
          {list.submissions.map((topic) => (
            <li key={topic.id} className={s.card}>
              <Topic topic={topic} page={page} later={list.later} review={review} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type Mode = null | 'move' | 'decline' | 'question';

function Topic({
  topic,
  page,
  later,
  review,
}: {
  topic: ReviewTopic;
  page: MeetingPage;
  later: ReviewList['later'];
  review: (topic: ReviewTopic, body: Record<string, unknown>) => Promise<void>;
}) {
  const { t, lang } = useSession();
  const s = useStyles();
  const r = t.review;
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [target, setTarget] = useState(later[0]?.id ?? '');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const tz = page.committee.timeZone;
  const day = (iso: string) => formatWhen(iso, lang, tz, false);
  const open = topic.status === 'submitted';
  const act = async (body: Record<string, unknown>) => {
    setBusy(true);
    try {
      await review(topic, body);
      setMode(null);
      setText('');
    } finally {
      setBusy(false);
    }
  };
  const headingId = `${id}-title`;
  return (
    <article className={s.stack} aria-labelledby={headingId}>
      <h3 id={headingId} className={s.minor} style={{ margin: 0 }}>
        {topic.title}
      </h3>
      <div className={s.row}>
        <Badge appearance="tint" color={open ? 'warning' : 'informative'}>
          {r.status[topic.status] ?? topic.status}
        </Badge>
        <Badge appearance="outline">{r.purpose[topic.purpose] ?? topic.purpose}</Badge>
      </div>
      <p className={s.muted} style={{ margin: 0 }}>
        {r.submittedBy(
          topic.organisation ? `${topic.submitter} (${topic.organisation})` : topic.submitter,
          day(topic.createdAt),
        )}
      </p>
      {topic.presenter && (
        <p style={{ margin: 0 }}>
          <strong>{r.presenter}:</strong> {topic.presenter}
        </p>
      )}
      {topic.description && (
        // The member's words as they typed them: text, never markup.
        <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{topic.description}</p>
      )}
      {topic.links.length > 0 && (
        <div>
          <p className={s.minor}>{r.links}</p>
          <ul className={s.list}>
            {topic.links.map((l) => (
              <li key={l}>
                <Link href={l} target="_blank" rel="noopener noreferrer">
                  {l}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      {topic.lateFor && <p style={{ margin: 0 }}>{r.lateFor(day(topic.lateFor.startsAt))}</p>}
      {topic.question && <p style={{ margin: 0 }}>{r.asked(topic.question)}</p>}
      {topic.reason && <p style={{ margin: 0 }}>{r.reason(topic.reason)}</p>}
      {!open && topic.reviewerName && topic.reviewedAt && (
        <p className={s.muted} style={{ margin: 0 }}>
          {r.reviewedBy(
            r.status[topic.status] ?? topic.status,
            topic.reviewerName,
            formatWhen(topic.reviewedAt, lang, tz),
          )}
        </p>
      )}
      {open && (
        <div role="group" aria-label={r.actionsFor(topic.title)} className={s.stack}>
          <div className={s.row}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void act({ decision: 'accept' })}
            >
              {r.accept}
            </Button>
            {topic.lateFor && (
              <Button disabled={busy} onClick={() => void act({ decision: 'accept-late' })}>
                {r.acceptLate(day(topic.lateFor.startsAt))}
              </Button>
            )}
            {(['move', 'decline', 'question'] as const).map((m) => (
              <Button
                key={m}
                aria-expanded={mode === m}
                disabled={busy}
                onClick={() => {
                  setProblem('');
                  setMode(mode === m ? null : m);
                }}
              >
                {m === 'move' ? r.move : m === 'decline' ? r.decline : r.ask}
              </Button>
            ))}
          </div>
          {mode === 'move' &&
            (later.length === 0 ? (
              <p className={s.muted} style={{ margin: 0 }}>
                {r.noLater}
              </p>
            ) : (
              <form
                className={s.stack}
                onSubmit={(e) => {
                  e.preventDefault();
                  void act({ decision: 'move', meetingId: target });
                }}
              >
                <Field label={r.moveTo}>
                  <Select
                    style={{ width: '100%', maxWidth: '100%', minWidth: 0 }}
                    value={target}
                    onChange={(_, d) => setTarget(d.value)}
                  >
                    {later.map((m) => (
                      <option key={m.id} value={m.id}>
                        {day(m.startsAt)}
                        {m.title ? ` · ${m.title}` : ''}
                      </option>
                    ))}
                  </Select>
                </Field>
                <div className={s.row}>
                  <Button type="submit" appearance="primary" disabled={busy}>
                    {r.moveConfirm}
                  </Button>
                  <Button onClick={() => setMode(null)}>{r.cancel}</Button>
                </div>
              </form>
            ))}
          {(mode === 'decline' || mode === 'question') && (
            <form
              className={s.stack}
              onSubmit={(e) => {
                e.preventDefault();
                if (!text.trim()) {
                  setProblem(r.textNeeded);
                  return;
                }
                void act({ decision: mode, text });
              }}
            >
              <Field
                label={mode === 'decline' ? r.declineText : r.askText}
                validationMessage={problem || undefined}
              >
                <Textarea
                  aria-required="true"
                  value={text}
                  onChange={(_, d) => setText(d.value)}
                  resize="vertical"
                  maxLength={10_000}
                />
              </Field>
              <div className={s.row}>
                <Button type="submit" appearance="primary" disabled={busy}>
                  {mode === 'decline' ? r.declineConfirm : r.askConfirm}
                </Button>
                <Button onClick={() => setMode(null)}>{r.cancel}</Button>
              </div>
            </form>
          )}
        </div>
      )}
    </article>
  );
}
