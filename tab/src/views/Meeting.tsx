// One meeting's page: the agenda by section, each item with its text, papers and answers
// (the member gives or changes their own here), attendance and the quorum forecast, the
// input requests and the submitted topics. Everything comes from GET /api/tab/meetings/:id.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Link,
  Select,
  Textarea,
  ToggleButton,
} from '@fluentui/react-components';
import { formatWhen, type PositionKind } from '../i18n';
import { Markdown } from '../markdown';
import type { MeetingPage, PageItem } from '../types';
import { AnswerChart, ByOrganisationTable, Loading, Problem, useSession, useStyles } from '../ui';
import {
  SecretariatWorkbench,
  sectionOf,
  type SecretariatSection,
} from './workbench/SecretariatWorkbench';
import { CommentField } from './CommentField';
import { InputAnswerToggle } from './InputAnswer';
import { MyTopicActions, SubmitTopic } from './TopicForm';
import { AskForInput, AttachInputNote, AttendanceDesk } from './SecretariatMeeting';

export function MeetingView({
  meetingId,
  focusItemId,
  section,
  onSection,
  onBack,
}: {
  meetingId: string;
  focusItemId?: string | null;
  /** The secretariat's section shown (members read the one page); see SecretariatWorkbench. */
  section?: string | null;
  onSection?: (section: SecretariatSection) => void;
  onBack?: () => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [page, setPage] = useState<MeetingPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  // A deep link to an item opens the agenda, where the item is.
  const [chosen, setChosen] = useState<SecretariatSection>(
    focusItemId ? 'agenda' : sectionOf(section),
  );
  const choose = (next: SecretariatSection) => {
    setChosen(next);
    setStatus('');
    onSection?.(next);
  };
  const load = useCallback(() => {
    setError(null);
    api.get<MeetingPage>(`/meetings/${meetingId}`).then(setPage, setError);
  }, [api, meetingId]);
  useEffect(load, [load]);

  /** A change through the API, then the page again (the counts are the server's). */
  const change = useCallback(
    async (path: string, body: unknown) => {
      setStatus('');
      try {
        await api.put(path, body);
        setStatus(t.saved);
        load();
      } catch (err) {
        setError(err);
      }
    },
    [api, load, t],
  );

  if (!page) return error ? <Problem error={error} retry={load} /> : <Loading />;
  const tz = page.committee.timeZone;
  const people = page.organisations.reduce((n, o) => n + o.people, 0);
  const title = page.meeting.title ?? page.committee.name;
  const attendance = <Attendance page={page} change={change} />;
  const agenda = (
    <section className={s.section} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className={s.subheading}>
        {t.agenda}
      </h2>
      {page.sections.length === 0 ? (
        <p className={s.muted}>{page.agendaPublished ? t.noMeetings : t.agendaNotPublished}</p>
      ) : (
        <Agenda page={page} people={people} focusItemId={focusItemId ?? null} change={change} />
      )}
    </section>
  );
  const inputs = <Inputs page={page} reload={load} said={(m) => (setStatus(m), load())} />;
  return (
    <article className={s.stack} aria-labelledby="meeting-title">
      {onBack && (
        <div>
          <Button appearance="subtle" onClick={onBack}>
            ← {t.back}
          </Button>
        </div>
      )}
      <header>
        <h1 id="meeting-title" className={s.heading}>
          {title}
        </h1>
        <p className={s.muted} style={{ margin: 0 }}>
          {formatWhen(page.meeting.startsAt, lang, tz)}
          {page.meeting.place
            ? ` · ${page.meeting.place}${page.meeting.room ? `, ${page.meeting.room}` : ''}`
            : ''}
        </p>
        <div className={s.row} style={{ marginTop: 6 }}>
          <Badge appearance="tint">{t.statuses[page.meeting.status] ?? page.meeting.status}</Badge>
          <Badge appearance="outline">{t.roles[page.role] ?? page.role}</Badge>
          {page.meeting.onlineUrl && (
            <Link href={page.meeting.onlineUrl} target="_blank" rel="noopener noreferrer">
              {t.online}
            </Link>
          )}
        </div>
      </header>
      <div role="status" aria-live="polite" className={s.muted}>
        {status}
      </div>
      {error ? <Problem error={error} /> : null}
      {page.role === 'secretariat' ? (
        <SecretariatWorkbench
          page={page}
          section={chosen}
          onSection={choose}
          onChanged={load}
          shared={{
            agenda,
            input: inputs,
            attendance: (
              <>
                {attendance}
                <AttendanceDesk
                  meetingId={page.meeting.id}
                  onChanged={(m) => (setStatus(m), load())}
                />
              </>
            ),
          }}
        />
      ) : (
        <>
          {attendance}
          {agenda}
          {inputs}
          <Topics page={page} done={(message) => (setStatus(message), load())} />
        </>
      )}
    </article>
  );
}

function Agenda({
  page,
  people,
  focusItemId,
  change,
}: {
  page: MeetingPage;
  people: number;
  focusItemId: string | null;
  change: (path: string, body: unknown) => Promise<void>;
}) {
  const { t } = useSession();
  const s = useStyles();
  const focused = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // A deep link to an item: open it and bring it into view, with the keyboard there too.
    focused.current?.scrollIntoView({ block: 'start' });
    focused.current?.querySelector('button')?.focus();
  }, [focusItemId]);
  return (
    <div className={s.stack}>
      {page.sections.map((section, i) => (
        <section
          key={`${section.section}-${i}`}
          aria-label={section.title ?? t.sections[section.section] ?? section.section}
        >
          <h3 className={s.minor}>
            {section.title ?? t.sections[section.section] ?? section.section}
          </h3>
          <Accordion multiple collapsible defaultOpenItems={focusItemId ? [focusItemId] : []}>
            {section.items.map((item) => (
              <div
                key={item.id}
                ref={item.id === focusItemId ? focused : undefined}
                id={`item-${item.id}`}
              >
                <AccordionItem value={item.id}>
                  <AccordionHeader as="h4" size="large">
                    <span>
                      {item.number} {item.title}
                      {page.myAnswers[item.id] ? (
                        <span className={s.muted}> · {t.answers[page.myAnswers[item.id]!]}</span>
                      ) : null}
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <Item page={page} item={item} people={people} change={change} />
                  </AccordionPanel>
                </AccordionItem>
              </div>
            ))}
          </Accordion>
        </section>
      ))}
    </div>
  );
}

/** One item's text, papers and answers (the member's own given here): the page's and the side panel's. */
export function Item({
  page,
  item,
  people,
  change,
}: {
  page: MeetingPage;
  item: PageItem;
  people: number;
  change: (path: string, body: unknown) => Promise<void>;
}) {
  const { t, openLink, deepLinks } = useSession();
  const s = useStyles();
  const mine = page.myAnswers[item.id] ?? null;
  const myComment = page.myComments[item.id] ?? null;
  // The comment given goes with the next answer too, unless the member changes it.
  const [comment, setComment] = useState(myComment ?? '');
  const canAnswer =
    item.status === 'published' &&
    (page.role === 'member' || page.role === 'chair') &&
    item.answers.length > 0;
  const channelId = page.committee.channelId ?? deepLinks.channelId;
  const groupId = page.committee.teamAadGroupId ?? deepLinks.teamGroupId;
  // Teams' deep link to a channel message: the item's card, where the channel talks about it.
  const query = new URLSearchParams({
    ...(groupId ? { groupId } : {}),
    parentMessageId: item.cardMessageId ?? '',
  });
  const cardLink =
    item.cardMessageId && channelId
      ? `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(item.cardMessageId)}?${query}`
      : null;
  return (
    <div className={s.stack} style={{ paddingBottom: 12 }}>
      <div className={s.row}>
        {item.draft && <Badge color="warning">{t.draft}</Badge>}
        {item.closed && <Badge appearance="outline">{t.panelClosedItem}</Badge>}
        {t.itemStatus[item.status] && <Badge appearance="tint">{t.itemStatus[item.status]}</Badge>}
      </div>
      {item.closed && page.role === 'stand_in' && (
        <p className={s.muted} style={{ margin: 0 }}>
          {t.panelClosedForMembers}
        </p>
      )}
      {item.presenter && (
        <p style={{ margin: 0 }}>
          <strong>{t.presenter}:</strong> {item.presenter}
        </p>
      )}
      {(item.recommendationIntro || item.recommendations.length > 0) && (
        <div>
          <p className={s.minor}>{t.recommendation}</p>
          {item.recommendationIntro && <p style={{ margin: 0 }}>{item.recommendationIntro}</p>}
          {item.recommendations.length > 0 && (
            <ul className={s.list}>
              {item.recommendations.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {item.caseText.trim() && (
        <div>
          <p className={s.minor}>{t.caseText}</p>
          <Markdown text={item.caseText} />
        </div>
      )}
      {item.attachments.length > 0 && (
        <div>
          <p className={s.minor}>{t.attachments}</p>
          <ul className={s.list}>
            {item.attachments.map((a) => (
              <li key={a.id}>
                {a.url ? (
                  <Link href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.title}
                  </Link>
                ) : (
                  a.title
                )}
                {a.closed && (
                  <span className={s.muted}>
                    {' '}
                    (
                    {a.url || a.toFollow
                      ? t.closedAttachment
                      : `${t.closedAttachment}, ${t.noAccess}`}
                    )
                  </span>
                )}
                {/* The title may say it already (an imported "(eftersendes)"). */}
                {a.toFollow && !a.url && !a.title.toLowerCase().includes(t.toFollow) && (
                  <span className={s.muted}> ({t.toFollow})</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {item.decision && (
        <p style={{ margin: 0 }}>
          <strong>{t.decision}:</strong> {item.decision.text}
        </p>
      )}
      {item.answers.length > 0 && (
        <div>
          <p className={s.minor}>{t.answersHeading}</p>
          <AnswerChart kinds={item.answers} tally={item.tally} people={people} />
          <ByOrganisation page={page} item={item} />
          <Comments item={item} />
        </div>
      )}
      {canAnswer && (
        <div role="group" aria-label={`${t.yourAnswer} – ${item.number}`}>
          <p className={s.minor}>{t.yourAnswer}</p>
          <p className={s.muted} style={{ margin: '0 0 6px' }}>
            {mine ? t.answers[mine] : t.noAnswerYet}
          </p>
          {mine && myComment && (
            <p className={s.muted} style={{ margin: '0 0 6px', overflowWrap: 'anywhere' }}>
              {t.yourComment}: «{myComment}»
            </p>
          )}
          <div className={s.row}>
            {item.answers.map((kind) => (
              <ToggleButton
                key={kind}
                checked={mine === kind}
                appearance={mine === kind ? 'primary' : 'secondary'}
                aria-label={t.giveAnswer(t.answers[kind], item.number)}
                onClick={() =>
                  change(`/items/${item.id}/position`, { kind, comment: comment || null })
                }
              >
                {t.answers[kind]}
              </ToggleButton>
            ))}
          </div>
          <CommentField itemNumber={item.number} value={comment} onChange={setComment} />
        </div>
      )}
      {cardLink && (
        <div>
          <Link href={cardLink} onClick={(e) => (e.preventDefault(), openLink(cardLink))}>
            {t.openCard}
          </Link>
        </div>
      )}
    </div>
  );
}

const KINDS: PositionKind[] = ['can_approve', 'acknowledged', 'wants_discussion', 'cannot_approve'];

/** Per organisation: how many of its people gave each answer, and how many have not. */
function ByOrganisation({ page, item }: { page: MeetingPage; item: PageItem }) {
  const { t } = useSession();
  const s = useStyles();
  const kinds = KINDS.filter((k) => item.answers.includes(k));
  if (!page.organisations.length) return null;
  // Twenty organisations make a long table: folded, one keystroke away (a native disclosure).
  return (
    <details className={s.tableWrap}>
      <summary className={s.summary}>{t.byOrganisation}</summary>
      <table className={s.table}>
        <thead>
          <tr>
            <th scope="col">{t.organisation}</th>
            {kinds.map((k) => (
              <th scope="col" key={k}>
                {t.answers[k]}
              </th>
            ))}
            <th scope="col">{t.notAnswered}</th>
          </tr>
        </thead>
        <tbody>
          {page.organisations.map((o, i) => {
            const counts = kinds.map((k) => item.byOrganisation[k]?.[i] ?? 0);
            return (
              <tr key={o.name ?? '-'}>
                <th scope="row">{o.name ?? t.noOrganisation}</th>
                {counts.map((n, j) => (
                  <td key={kinds[j]}>{n}</td>
                ))}
                <td>{Math.max(o.people - counts.reduce((a, b) => a + b, 0), 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

/** The secretariat's: the comments members gave with their answers (as «status punkt» lists them). */
function Comments({ item }: { item: PageItem }) {
  const { t } = useSession();
  const s = useStyles();
  if (!item.comments?.length) return null;
  return (
    <details className={s.tableWrap}>
      <summary className={s.summary}>{t.commentsHeading(item.comments.length)}</summary>
      <ul className={s.list}>
        {item.comments.map((c, i) => (
          <li key={i} style={{ overflowWrap: 'anywhere' }}>
            <strong>{c.organisation ?? t.noOrganisation}</strong>, {c.name} ({t.answers[c.kind]}
            ): «{c.comment}»
          </li>
        ))}
      </ul>
    </details>
  );
}

function Attendance({
  page,
  change,
}: {
  page: MeetingPage;
  change: (path: string, body: unknown) => Promise<void>;
}) {
  const { t } = useSession();
  const s = useStyles();
  const [absentForm, setAbsentForm] = useState(false);
  const [standInId, setStandInId] = useState('');
  const [note, setNote] = useState('');
  const mine = page.attendance?.mine ?? null;
  const { quorum, counts } = page.forecast;
  const path = `/meetings/${page.meeting.id}/attendance`;
  return (
    <section className={s.section} aria-labelledby="attendance-heading">
      <h2 id="attendance-heading" className={s.subheading}>
        {t.attendance}
      </h2>
      <div className={s.stack}>
        {page.attendance && (
          <div className={s.card}>
            <p style={{ margin: '0 0 6px' }}>
              {mine
                ? mine.attendance === 'attending'
                  ? t.youAttend
                  : t.youAreAbsent
                : t.noAttendanceAnswer}
              {mine?.standIn ? ` ${t.standInIs(mine.standIn)}.` : ''}
            </p>
            {page.attendance.open ? (
              <div className={s.stack}>
                <div className={s.row}>
                  <ToggleButton
                    checked={mine?.attendance === 'attending'}
                    appearance={mine?.attendance === 'attending' ? 'primary' : 'secondary'}
                    onClick={() => change(path, { attendance: 'attending' })}
                  >
                    {t.attending}
                  </ToggleButton>
                  <ToggleButton
                    checked={mine?.attendance === 'absent' || absentForm}
                    appearance={mine?.attendance === 'absent' ? 'primary' : 'secondary'}
                    aria-expanded={absentForm}
                    onClick={() => setAbsentForm((v) => !v)}
                  >
                    {t.absent}
                  </ToggleButton>
                </div>
                {absentForm && (
                  <form
                    className={s.stack}
                    onSubmit={(e) => {
                      e.preventDefault();
                      setAbsentForm(false);
                      void change(path, {
                        attendance: 'absent',
                        standInId: standInId || null,
                        note: note.trim() || null,
                      });
                    }}
                  >
                    {page.attendance.canNameStandIn && page.attendance.candidates.length > 0 && (
                      <Field label={t.standIn}>
                        <Select value={standInId} onChange={(_, d) => setStandInId(d.value)}>
                          <option value="">{t.noStandIn}</option>
                          {page.attendance.candidates.map((c) => (
                            <option key={c.personId} value={c.personId}>
                              {c.name}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    )}
                    <Field label={t.note}>
                      <Textarea
                        value={note}
                        onChange={(_, d) => setNote(d.value)}
                        resize="vertical"
                      />
                    </Field>
                    <div>
                      <Button type="submit" appearance="primary">
                        {t.sendAbsence}
                      </Button>
                    </div>
                  </form>
                )}
              </div>
            ) : (
              <p className={s.muted} style={{ margin: 0 }}>
                {t.attendanceClosed}
              </p>
            )}
          </div>
        )}
        <div>
          <p className={s.minor}>{t.quorum}</p>
          <div className={s.row}>
            <Badge color={quorum.quorate ? 'success' : 'warning'}>
              {quorum.quorate ? t.quorate : t.notQuorate}
            </Badge>
          </div>
          <p style={{ margin: '6px 0 0' }}>
            {t.quorumLine(quorum.represented, quorum.total, quorum.needed)}
          </p>
          {quorum.undecided > 0 && <p style={{ margin: 0 }}>{t.undecidedOrgs(quorum.undecided)}</p>}
          <p className={s.muted} style={{ margin: 0 }}>
            {t.counts(counts)}
          </p>
        </div>
        {page.forecast.organisations && (
          <ByOrganisationTable columns={[t.organisation, t.person, t.answer]}>
            {' '}
            {page.forecast.organisations.flatMap((o) =>
              (o.people.length ? o.people : [null]).map((p, i) => (
                <tr key={`${o.name}-${i}`}>
                  {i === 0 && (
                    <th scope="row" rowSpan={Math.max(o.people.length, 1)}>
                      {o.name}
                      <br />
                      <span className={s.muted}>
                        {o.represented ? t.represented : t.notRepresented}
                      </span>
                    </th>
                  )}
                  <td>{p?.name ?? '–'}</td>
                  <td>
                    {p?.attendance ? t.attendanceLabel[p.attendance] : t.notAnswered}
                    {p?.standIn ? ` · ${t.standInIs(p.standIn)}` : ''}
                  </td>
                </tr>
              )),
            )}
          </ByOrganisationTable>
        )}
      </div>
    </section>
  );
}

function Inputs({
  page,
  reload,
  said,
}: {
  page: MeetingPage;
  reload: () => void;
  said: (message: string) => void;
}) {
  const { t, lang } = useSession();
  const s = useStyles();
  const asked = page.role === 'member' || page.role === 'chair';
  const secretariat = page.role === 'secretariat';
  if (!page.inputs.length && !secretariat) return null;
  // The items a compiled note may be laid on: the meeting's, withdrawn ones aside (as the note's card offers them).
  const items = page.sections.flatMap((x) => x.items).filter((i) => i.status !== 'withdrawn');
  return (
    <section className={s.section} aria-labelledby="inputs-heading">
      <h2 id="inputs-heading" className={s.subheading}>
        {t.inputs}
      </h2>
      <ul className={s.plainList}>
        {page.inputs.map((input) => (
          <li key={input.id} className={s.card}>
            <p style={{ margin: 0 }}>
              <strong>{input.title}</strong>
            </p>
            <div className={s.row}>
              <span className={s.muted}>
                {t.inputDeadline(formatWhen(input.deadline, lang, page.committee.timeZone))}
              </span>
              {input.waitingForMe && <Badge color="warning">{t.waitingForYou}</Badge>}
              {input.confidential && <Badge appearance="outline">{t.confidential}</Badge>}
            </div>
            {asked && input.status === 'open' && (
              <InputAnswerToggle
                requestId={input.id}
                answered={!input.waitingForMe}
                onSaved={reload}
              />
            )}
            {input.organisations && (
              <ByOrganisationTable columns={[t.organisation, t.answered, t.answeredBy]}>
                {' '}
                {input.organisations.map((o) => (
                  <tr key={o.organisation}>
                    <th scope="row">{o.organisation}</th>
                    <td>{o.answeredBy.length ? '✓' : '–'}</td>
                    <td>{o.answeredBy.join(', ')}</td>
                  </tr>
                ))}
              </ByOrganisationTable>
            )}
            {secretariat && input.status !== 'open' && (
              <AttachInputNote requestId={input.id} items={items} onAttached={said} />
            )}
          </li>
        ))}
      </ul>
      {secretariat && (
        <AskForInput committeeId={page.committee.id} meetingId={page.meeting.id} onSent={said} />
      )}
    </section>
  );
}

function Topics({ page, done }: { page: MeetingPage; done: (message: string) => void }) {
  const { t } = useSession();
  const s = useStyles();
  const maySubmit = page.role !== 'observer' && page.role !== 'stand_in';
  if (!page.submissions.length && !maySubmit) return null;
  return (
    <section className={s.section} aria-labelledby="topics-heading">
      <h2 id="topics-heading" className={s.subheading}>
        {t.topics}
      </h2>
      <ul className={s.plainList}>
        {page.submissions.map((topic) => (
          <li key={topic.id} className={s.card}>
            <p style={{ margin: 0 }}>
              <strong>{topic.title}</strong>{' '}
              {topic.mine && <Badge appearance="outline">{t.yours}</Badge>}
            </p>
            <p style={{ margin: '4px 0' }}>{t.act.purposes[topic.purpose] ?? topic.purpose}</p>
            <div className={s.row}>
              <span className={s.muted}>
                {t.submittedBy(
                  topic.organisation
                    ? `${topic.submitter} (${topic.organisation})`
                    : topic.submitter,
                )}
              </span>
              <Badge appearance="tint">{t.topicStatus[topic.status] ?? topic.status}</Badge>
            </div>
            {topic.mine && topic.status === 'submitted' && (
              <MyTopicActions submissionId={topic.id} title={topic.title} onDone={done} />
            )}
          </li>
        ))}
      </ul>
      {maySubmit &&
        page.meeting.status !== 'cancelled' &&
        new Date(page.meeting.startsAt).getTime() > Date.now() && (
          <SubmitTopic committeeId={page.committee.id} meetingId={page.meeting.id} onDone={done} />
        )}
    </section>
  );
}
