// "Mine møder": my coming meetings and what waits for me in each (answers, input, topics),
// my tasks, and the same actions as the cards: an answer on an item, attendance, and the
// meeting's whole page one click away.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, ToggleButton } from '@fluentui/react-components';
import { formatWhen, type PositionKind } from '../i18n';
import type { Me, MyOverview } from '../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../ui';
import { CommentField } from './CommentField';
import { DatePolls } from './DatePolls';
import { InputAnswerToggle } from './InputAnswer';
import { MeetingView } from './Meeting';
import { MyTopicActions, SubmitTopic } from './TopicForm';

const DECISION: PositionKind[] = ['can_approve', 'wants_discussion', 'cannot_approve'];

export function MyMeetings({ timeZone }: { timeZone: string }) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [data, setData] = useState<MyOverview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [comments, setComments] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    setError(null);
    api.get<MyOverview>('/me/overview').then(setData, setError);
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => {
    // The committees, for their date polls (a poll is the committee's, not a meeting's).
    api.get<Me>('/me').then(setMe, () => setMe(null));
  }, [api]);
  const change = async (path: string, body: unknown, done = t.saved) => {
    setStatus('');
    try {
      await api.put(path, body);
      setStatus(done);
      load();
    } catch (err) {
      setError(err);
    }
  };
  /** A change made by a form of its own (input, topic): its words, and the overview again. */
  const changed = (message: string) => {
    setStatus(message);
    load();
  };

  if (open)
    return (
      <MeetingView
        meetingId={open}
        onBack={() => {
          setOpen(null);
          load();
        }}
      />
    );
  if (!data) return error ? <Problem error={error} retry={load} /> : <Loading />;
  return (
    <div className={s.stack}>
      <h1 className={s.heading}>{t.mine}</h1>
      <p className={s.muted} style={{ margin: 0 }}>
        {t.mineIntro}
      </p>
      <div role="status" aria-live="polite" className={s.muted}>
        {status}
      </div>
      {error ? <Problem error={error} /> : null}
      {data.meetings.length === 0 && <Notice intent="info">{t.noComing}</Notice>}
      {data.meetings.map(
        ({
          committee,
          meeting,
          role,
          attendance,
          undecided,
          unacknowledged,
          openInputs,
          submissions,
        }) => {
          const answers = role === 'member' || role === 'chair';
          const nothing =
            !undecided.length &&
            !unacknowledged.length &&
            !openInputs.length &&
            !submissions.length;
          const headingId = `m-${meeting.id}`;
          return (
            <section key={meeting.id} className={s.card} aria-labelledby={headingId}>
              <h2 id={headingId} className={s.subheading}>
                {committee.name}: {formatWhen(meeting.startsAt, lang, timeZone)}
              </h2>
              <div className={s.row}>
                <Badge appearance="outline">{t.roles[role] ?? role}</Badge>
                {meeting.place && <span className={s.muted}>{meeting.place}</span>}
              </div>
              {answers && (
                <div
                  className={s.row}
                  role="group"
                  aria-label={t.attendance}
                  style={{ marginTop: 8 }}
                >
                  <ToggleButton
                    checked={attendance === 'attending'}
                    appearance={attendance === 'attending' ? 'primary' : 'secondary'}
                    onClick={() =>
                      change(`/meetings/${meeting.id}/attendance`, { attendance: 'attending' })
                    }
                  >
                    {t.attending}
                  </ToggleButton>
                  <ToggleButton
                    checked={attendance === 'absent'}
                    appearance={attendance === 'absent' ? 'primary' : 'secondary'}
                    onClick={() =>
                      change(`/meetings/${meeting.id}/attendance`, { attendance: 'absent' })
                    }
                  >
                    {t.absent}
                  </ToggleButton>
                </div>
              )}
              <h3 className={s.minor}>{t.waiting}</h3>
              {nothing && <p style={{ margin: 0 }}>{t.nothingWaits}</p>}
              {undecided.length > 0 && (
                <div>
                  <p style={{ margin: '4px 0' }}>{t.undecided}:</p>
                  <ul className={s.plainList}>
                    {undecided.map((item) => (
                      <li key={item.id}>
                        <div>
                          {item.number} {item.title}
                        </div>
                        <CommentField
                          itemNumber={item.number}
                          value={comments[item.id] ?? ''}
                          onChange={(v) => setComments({ ...comments, [item.id]: v })}
                        />
                        <div
                          className={s.row}
                          role="group"
                          aria-label={`${t.yourAnswer} – ${item.number}`}
                        >
                          {DECISION.map((kind) => (
                            <Button
                              key={kind}
                              size="small"
                              aria-label={t.giveAnswer(t.answers[kind], item.number)}
                              onClick={() =>
                                change(`/items/${item.id}/position`, {
                                  kind,
                                  comment: comments[item.id] || null,
                                })
                              }
                            >
                              {t.answers[kind]}
                            </Button>
                          ))}
                        </div>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {unacknowledged.length > 0 && (
                <div>
                  <p style={{ margin: '4px 0' }}>{t.unacknowledged}:</p>
                  <ul className={s.plainList}>
                    {unacknowledged.map((item) => (
                      <li key={item.id} className={s.row}>
                        <span>
                          {item.number} {item.title}
                        </span>
                        <Button
                          size="small"
                          aria-label={t.giveAnswer(t.answers.acknowledged, item.number)}
                          onClick={() =>
                            change(`/items/${item.id}/position`, { kind: 'acknowledged' })
                          }
                        >
                          {t.answers.acknowledged}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {openInputs.length > 0 && (
                <div>
                  <p style={{ margin: '4px 0' }}>{t.openInputs}:</p>
                  <ul className={s.plainList}>
                    {openInputs.map((input) => (
                      <li key={input.id}>
                        {input.title} ({t.inputDeadline(formatWhen(input.deadline, lang, timeZone))}
                        )
                        <InputAnswerToggle
                          requestId={input.id}
                          // An answered request leaves this list on the reload: the thanks stay in the page's status.
                          onSaved={() => (setStatus(t.act.answerSaved), load())}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {submissions.length > 0 && (
                <div>
                  <p style={{ margin: '4px 0' }}>{t.yourTopics}:</p>
                  <ul className={s.plainList}>
                    {submissions.map((topic) => (
                      <li key={topic.id}>
                        {topic.title} – {t.topicStatus[topic.status] ?? topic.status}
                        {topic.status === 'submitted' && (
                          <MyTopicActions
                            submissionId={topic.id}
                            title={topic.title}
                            onDone={changed}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {role !== 'observer' && (
                <div style={{ marginTop: 8 }}>
                  <SubmitTopic committeeId={committee.id} meetingId={meeting.id} onDone={changed} />
                </div>
              )}
              <div style={{ marginTop: 8 }}>
                <Button appearance="primary" onClick={() => setOpen(meeting.id)}>
                  {t.openMeeting}
                </Button>
              </div>
            </section>
          );
        },
      )}
      <section className={s.section} aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className={s.subheading}>
          {t.tasks}
        </h2>
        {data.tasks.length === 0 ? (
          <p className={s.muted}>{t.noTasks}</p>
        ) : (
          <ul className={s.plainList}>
            {data.tasks.map((task) => (
              <li key={task.id} className={s.row}>
                <span>
                  {task.what}
                  {task.dueOn && <span className={s.muted}> · {t.due(task.dueOn)}</span>}
                  {task.overdue && (
                    <>
                      {' '}
                      <Badge color="danger">{t.overdue}</Badge>
                    </>
                  )}
                </span>
                <Button
                  size="small"
                  aria-label={t.act.markDoneOf(task.what)}
                  onClick={() =>
                    change(`/actions/${task.id}/done`, undefined, t.act.markedDone(task.what))
                  }
                >
                  {t.act.markDone}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {me?.committees.map((c) => (
        <DatePolls
          key={c.id}
          committeeId={c.id}
          title={me.committees.length > 1 ? c.name : undefined}
        />
      ))}
    </div>
  );
}
