// The secretariat's preparation in the channel tab, without a command: a new meeting and a
// new date poll (the "nyt møde" and "datoafstemning" cards' forms), and the committee's
// open polls (answered by members, closed by the secretariat). The rules and the problems
// named are the domain's; the forms only gather what the cards gather.
import { useEffect, useId, useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { ApiError } from '../api';
import { formatWhen } from '../i18n';
import type { CprFinding, Me, Meeting } from '../types';
import { HeadedForm, Notice, Problem, useSession, useStyles } from '../ui';
import { DatePolls } from './DatePolls';
import { CprFindings } from './workbench/CprFindings';

type FieldProblem = { field: string; problem: string };

export function Preparation({
  committeeId,
  timeZone,
  onChanged,
}: {
  committeeId: string;
  timeZone: string;
  onChanged: () => void;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const [secretariat, setSecretariat] = useState(false);
  const [form, setForm] = useState<'meeting' | 'poll' | null>(null);
  const [status, setStatus] = useState('');
  const [polls, setPolls] = useState(0);
  const formId = useId();
  useEffect(() => {
    api.get<Me>('/me').then(
      (me) =>
        setSecretariat(me.committees.some((c) => c.id === committeeId && c.role === 'secretariat')),
      () => setSecretariat(false),
    );
  }, [api, committeeId]);
  const done = (message: string) => {
    setForm(null);
    setStatus(message);
    setPolls(polls + 1);
    onChanged();
  };
  return (
    <>
      {secretariat && (
        <section className={s.section} aria-labelledby="prep-heading">
          <h2 id="prep-heading" className={s.subheading}>
            {t.act.prep}
          </h2>
          <div className={s.row}>
            <Button
              aria-expanded={form === 'meeting'}
              aria-controls={form === 'meeting' ? formId : undefined}
              onClick={() => setForm(form === 'meeting' ? null : 'meeting')}
            >
              {t.act.newMeeting}
            </Button>
            <Button
              aria-expanded={form === 'poll'}
              aria-controls={form === 'poll' ? formId : undefined}
              onClick={() => setForm(form === 'poll' ? null : 'poll')}
            >
              {t.act.newPoll}
            </Button>
          </div>
          <div role="status" aria-live="polite">
            {status && <Notice intent="success">{status}</Notice>}
          </div>
          <div id={formId}>
            {form === 'meeting' && (
              <MeetingForm committeeId={committeeId} timeZone={timeZone} onDone={done} />
            )}
            {form === 'poll' && <PollCreateForm committeeId={committeeId} onDone={done} />}
          </div>
        </section>
      )}
      <DatePolls key={polls} committeeId={committeeId} onClosed={onChanged} />
    </>
  );
}

function Problems({ problems }: { problems: FieldProblem[] }) {
  const { t } = useSession();
  const s = useStyles();
  if (!problems.length) return null;
  return (
    <Notice intent="warning">
      <ul className={s.list}>
        {problems.map((p, i) => (
          <li key={i}>{t.act.fieldProblem(p.field, p.problem)}</li>
        ))}
      </ul>
    </Notice>
  );
}

function MeetingForm({
  committeeId,
  timeZone,
  onDone,
}: {
  committeeId: string;
  timeZone: string;
  onDone: (message: string) => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [d, setD] = useState({
    date: '',
    start: '10:00',
    end: '12:00',
    place: '',
    room: '',
    onlineUrl: '',
    deadline: '',
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const set = (patch: Partial<typeof d>) => setD({ ...d, ...patch });
  const save = async () => {
    setProblems([]);
    setError(null);
    try {
      const res = await api.post<{
        created: boolean;
        problems?: FieldProblem[];
        meeting?: Meeting;
      }>(`/committees/${committeeId}/meetings`, {
        ...d,
        place: d.place || null,
        room: d.room || null,
        onlineUrl: d.onlineUrl || null,
      });
      if (res.problems) return setProblems(res.problems);
      const when = formatWhen(res.meeting!.startsAt, lang, timeZone);
      onDone(res.created ? t.act.meetingCreated(when) : t.act.meetingExists(when));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <HeadedForm heading={t.act.newMeeting} submit={save}>
      <Field label={t.act.date} required>
        <Input type="date" value={d.date} onChange={(_, v) => set({ date: v.value })} />
      </Field>
      <div className={s.row}>
        <Field label={t.act.start}>
          <Input type="time" value={d.start} onChange={(_, v) => set({ start: v.value })} />
        </Field>
        <Field label={t.act.end}>
          <Input type="time" value={d.end} onChange={(_, v) => set({ end: v.value })} />
        </Field>
      </div>
      <Field label={t.act.placeOptional}>
        <Input value={d.place} onChange={(_, v) => set({ place: v.value })} />
      </Field>
      <Field label={t.act.room}>
        <Input value={d.room} onChange={(_, v) => set({ room: v.value })} />
      </Field>
      <Field label={t.act.onlineUrl}>
        <Input type="url" value={d.onlineUrl} onChange={(_, v) => set({ onlineUrl: v.value })} />
      </Field>
      <Field label={t.act.submissionDeadline}>
        <Input type="date" value={d.deadline} onChange={(_, v) => set({ deadline: v.value })} />
      </Field>
      <div role="status" aria-live="polite">
        <Problems problems={problems} />
      </div>
      {error ? <Problem error={error} /> : null}
      <div>
        <Button type="submit" appearance="primary">
          {t.act.createMeeting}
        </Button>
      </div>
    </HeadedForm>
  );
}

function PollCreateForm({
  committeeId,
  onDone,
}: {
  committeeId: string;
  onDone: (message: string) => void;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const blank = () => [0, 1, 2].map(() => ({ date: '', start: '10:00', end: '12:00' }));
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [deadline, setDeadline] = useState({ date: '', time: '12:00' });
  const [groups, setGroups] = useState([blank()]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  // Held for CPR-like numbers: where they stand (masked) and the fingerprint "Send alligevel" names.
  const [held, setHeld] = useState<{ findings: CprFinding[]; fingerprint: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (cprConfirmed?: string) => {
    setProblems([]);
    setNote('');
    setError(null);
    setBusy(true);
    try {
      const res = await api.post<{ created: boolean; problems?: FieldProblem[] }>(
        `/committees/${committeeId}/date-polls`,
        {
          title,
          place: place || null,
          deadline: deadline.date ? deadline : null,
          // A date left empty is no candidate, as on the card's form.
          groups: groups
            .map((g) => ({ candidates: g.filter((c) => c.date) }))
            .filter((g) => g.candidates.length),
          ...(cprConfirmed ? { cprConfirmed } : {}),
        },
      );
      setHeld(null);
      if (res.problems) return setProblems(res.problems);
      onDone(t.act.pollCreated);
    } catch (err) {
      setHeld(null);
      if (err instanceof ApiError && err.code === 'channel_not_linked') setNote(t.act.noChannel);
      else if (err instanceof ApiError && err.code === 'cpr_found') {
        // Held again after "Send alligevel": the title or place changed since, and is shown as it is now.
        const body = err.body as { findings?: CprFinding[]; fingerprint?: string };
        setHeld({ findings: body.findings ?? [], fingerprint: body.fingerprint ?? '' });
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setCandidate = (
    g: number,
    c: number,
    patch: Partial<{ date: string; start: string; end: string }>,
  ) =>
    setGroups(
      groups.map((group, i) =>
        i === g ? group.map((x, j) => (j === c ? { ...x, ...patch } : x)) : group,
      ),
    );
  return (
    <HeadedForm heading={t.act.newPoll} submit={save}>
      <Field label={t.act.pollTitle} required>
        <Input value={title} maxLength={200} onChange={(_, v) => setTitle(v.value)} />
      </Field>
      <Field label={t.act.placeOptional}>
        <Input value={place} maxLength={200} onChange={(_, v) => setPlace(v.value)} />
      </Field>
      <div className={s.row}>
        <Field label={t.act.pollDeadlineOptional}>
          <Input
            type="date"
            value={deadline.date}
            onChange={(_, v) => setDeadline({ ...deadline, date: v.value })}
          />
        </Field>
        <Field label={t.act.deadlineTime}>
          <Input
            type="time"
            value={deadline.time}
            onChange={(_, v) => setDeadline({ ...deadline, time: v.value })}
          />
        </Field>
      </div>
      {groups.map((group, g) => (
        <fieldset key={g} style={{ border: 0, margin: 0, padding: 0 }}>
          <legend className={s.minor}>{t.act.pollGroup(g)}</legend>
          {group.map((c, i) => (
            <div
              key={i}
              className={s.row}
              role="group"
              aria-label={`${t.act.pollGroup(g)}, ${t.act.candidate(i + 1)}`}
            >
              <Field label={t.act.candidate(i + 1)}>
                <Input
                  type="date"
                  value={c.date}
                  onChange={(_, v) => setCandidate(g, i, { date: v.value })}
                />
              </Field>
              <Field label={t.act.start}>
                <Input
                  type="time"
                  value={c.start}
                  onChange={(_, v) => setCandidate(g, i, { start: v.value })}
                />
              </Field>
              <Field label={t.act.end}>
                <Input
                  type="time"
                  value={c.end}
                  onChange={(_, v) => setCandidate(g, i, { end: v.value })}
                />
              </Field>
            </div>
          ))}
        </fieldset>
      ))}
      {groups.length < 6 && (
        <div>
          <Button onClick={() => setGroups([...groups, blank()])}>{t.act.addMeeting}</Button>
        </div>
      )}
      <div role="status" aria-live="polite">
        <Problems problems={problems} />
        {note && <Notice intent="warning">{note}</Notice>}
      </div>
      {held && (
        <CprFindings findings={held.findings} intro={t.act.cprFound}>
          <Button appearance="primary" disabled={busy} onClick={() => void save(held.fingerprint)}>
            {t.act.sendPollAnyway}
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              setHeld(null);
              setNote(t.act.pollNotSent);
            }}
          >
            {t.act.sendPollNot}
          </Button>
        </CprFindings>
      )}
      {error ? <Problem error={error} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t.act.sendPoll}
        </Button>
      </div>
    </HeadedForm>
  );
}
