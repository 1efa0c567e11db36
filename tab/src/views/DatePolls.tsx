// The committee's open date polls, answered as on the poll's card: "Passer", "Passer
// helst" or "Passer ikke" per date; a date left at "Vælg …" stays as it was.
import { useCallback, useEffect, useId, useState } from 'react';
import { Badge, Button, Field, Select } from '@fluentui/react-components';
import { ApiError } from '../api';
import { formatWhen } from '../i18n';
import type { DateAnswer, DatePoll } from '../types';
import { Notice, Problem, useSession, useStyles } from '../ui';

export function DatePolls({
  committeeId,
  title,
  onClosed,
}: {
  committeeId: string;
  title?: string;
  /** After the secretariat closed a poll: the meetings it created are new. */
  onClosed?: () => void;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const [polls, setPolls] = useState<DatePoll[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [closed, setClosed] = useState<{ text: string; good: boolean } | null>(null);
  const load = useCallback(() => {
    api
      .get<{ polls: DatePoll[] }>(`/committees/${committeeId}/date-polls`)
      .then((r) => setPolls(r.polls), setError);
  }, [api, committeeId]);
  useEffect(load, [load]);
  const headingId = useId();
  if (error) return <Problem error={error} />;
  const answerable = (polls ?? []).filter((p) => p.canAnswer || p.canClose);
  // The closed poll leaves the list; what closing it did stays said.
  const said = (
    <div role="status" aria-live="polite">
      {closed && <Notice intent={closed.good ? 'success' : 'warning'}>{closed.text}</Notice>}
    </div>
  );
  if (!answerable.length) return said;
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.subheading}>
        {title ? `${t.act.polls}: ${title}` : t.act.polls}
      </h2>
      <ul className={s.plainList}>
        {answerable.map((poll) => (
          <li key={poll.id}>
            <PollForm
              poll={poll}
              onSaved={load}
              onClosed={(note) => {
                setClosed(note);
                load();
                onClosed?.();
              }}
            />
          </li>
        ))}
      </ul>
      {said}
    </section>
  );
}

function PollForm({
  poll,
  onSaved,
  onClosed,
}: {
  poll: DatePoll;
  onSaved: () => void;
  onClosed: (note: { text: string; good: boolean }) => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const tz = poll.committee.timeZone;
  const [chosen, setChosen] = useState<Record<string, DateAnswer | ''>>({});
  const [note, setNote] = useState<{ text: string; good: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const open = poll.takesAnswers && poll.canAnswer;
  const save = async () => {
    setNote(null);
    setError(null);
    const answers = Object.entries(chosen)
      .filter(([, a]) => a)
      .map(([candidateId, answer]) => ({ candidateId, answer }));
    if (!answers.length) return setNote({ text: t.act.pollNoneGiven, good: false });
    setBusy(true);
    try {
      const res = await api.put<{ changed: number }>(`/date-polls/${poll.id}/answers`, { answers });
      setNote({ text: res.changed ? t.act.pollSaved : t.act.pollUnchanged, good: true });
      setChosen({});
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'poll_closed')
        setNote({ text: t.act.pollClosed, good: false });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const time = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', {
      timeZone: tz,
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
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
        {poll.title}
      </h3>
      <div className={s.row}>
        {poll.place && <span className={s.muted}>{poll.place}</span>}
        {poll.deadline && (
          <span className={s.muted}>{t.act.pollDeadline(formatWhen(poll.deadline, lang, tz))}</span>
        )}
        <Badge appearance="tint">{t.act.pollCounts(poll.answered, poll.asked)}</Badge>
      </div>
      {poll.groups.map((group) => (
        <fieldset key={group.id} style={{ border: 0, margin: 0, padding: 0 }}>
          <legend className={s.minor}>{t.act.pollGroup(group.position)}</legend>
          <div className={s.stack}>
            {group.candidates.map((c) => {
              const label = `${formatWhen(c.startsAt, lang, tz)}–${time(c.endsAt)}`;
              const current = chosen[c.id] ?? c.mine ?? '';
              return (
                <Field
                  key={c.id}
                  label={label}
                  hint={t.act.tallyLine(c.tally.yes, c.tally.preferred, c.tally.no)}
                >
                  <Select
                    value={current}
                    disabled={!open}
                    onChange={(_, d) =>
                      setChosen({ ...chosen, [c.id]: d.value as DateAnswer | '' })
                    }
                  >
                    <option value="">{t.act.notChosen}</option>
                    {(['yes', 'preferred', 'no'] as const).map((a) => (
                      <option key={a} value={a}>
                        {t.act.dateAnswers[a]}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div role="status" aria-live="polite">
        {note && <Notice intent={note.good ? 'success' : 'warning'}>{note.text}</Notice>}
      </div>
      {error ? <Problem error={error} /> : null}
      {open ? (
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t.act.savePollAnswers}
          </Button>
        </div>
      ) : (
        !poll.takesAnswers && !poll.canClose && <p className={s.muted}>{t.act.pollClosed}</p>
      )}
      {poll.canClose && poll.status === 'open' && <ClosePoll poll={poll} onClosed={onClosed} />}
    </form>
  );
}

/** The secretariat's close: a date per meeting (the best one first), and the meetings are created. */
function ClosePoll({
  poll,
  onClosed,
}: {
  poll: DatePoll;
  onClosed: (note: { text: string; good: boolean }) => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const tz = poll.committee.timeZone;
  const [picks, setPicks] = useState<Record<string, string>>(() =>
    Object.fromEntries(poll.groups.map((g) => [g.id, g.best ?? g.candidates[0]?.id ?? ''])),
  );
  const [error, setError] = useState<unknown>(null);
  const close = async () => {
    setError(null);
    try {
      const res = await api.post<{ done: boolean; closedBy: string | null; meetings: unknown[] }>(
        `/date-polls/${poll.id}/close`,
        { picks },
      );
      onClosed(
        res.done
          ? { text: t.act.pollClosedDone(res.meetings.length), good: true }
          : { text: t.act.pollClosedFirst(res.closedBy ?? ''), good: false },
      );
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className={s.stack} role="group" aria-label={t.act.closePoll}>
      {poll.groups.map((g) => (
        // The options name a date and its tally: long; at 320 px the list narrows, not the tab.
        <Field key={g.id} label={t.act.pick(t.act.pollGroup(g.position))} style={{ minWidth: 0 }}>
          <Select
            style={{ maxWidth: '100%' }}
            select={{ style: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } }}
            value={picks[g.id] ?? ''}
            onChange={(_, d) => setPicks({ ...picks, [g.id]: d.value })}
          >
            {g.candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {formatWhen(c.startsAt, lang, tz)} (
                {t.act.tallyLine(c.tally.yes, c.tally.preferred, c.tally.no)})
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {error ? <Problem error={error} /> : null}
      <div>
        <Button onClick={() => void close()}>{t.act.closePoll}</Button>
      </div>
    </div>
  );
}
