// The meeting's minutes in the workbench: built from the items' Referat as a draft,
// downloaded as Word or Markdown (the cards' own links), approved and published to the
// channel with the CPR check ("Udsend alligevel" names exactly what was checked), and
// corrected after publication (dated, issued again). The server does what the card does.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Field, Link, Textarea } from '@fluentui/react-components';
import { ApiError } from '../../api';
import { formatWhen } from '../../i18n';
import type { MeetingPage, MinutesState, PublishAnswer } from '../../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../../ui';

interface Held {
  findings: Array<{ where: string; masked: string }>;
  fingerprint: string;
  /** What the confirmation repeats. */
  retry: (cprConfirmed: string) => Promise<void>;
}

export function MinutesSection({ page, onChanged }: { page: MeetingPage; onChanged: () => void }) {
  const { api, t, lang } = useSession();
  const m = t.minutesDoc;
  const s = useStyles();
  const meetingId = page.meeting.id;
  const [state, setState] = useState<MinutesState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const [held, setHeld] = useState<Held | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState('');
  const load = useCallback(() => {
    api.get<MinutesState>(`/meetings/${meetingId}/minutes`).then(setState, setError);
  }, [api, meetingId]);
  useEffect(load, [load]);

  /** One change: its answer is the minutes as they now stand; CPR-like numbers hold it for a confirmation. */
  const act = useCallback(
    async (
      run: () => Promise<MinutesState>,
      done: (answer: MinutesState) => string,
      retry?: (fp: string) => Promise<void>,
    ) => {
      setBusy(true);
      setError(null);
      setSaid('');
      setHeld(null);
      try {
        const answer = await run();
        setState({ minutes: answer.minutes });
        setSaid(done(answer));
        onChanged();
      } catch (err) {
        if (retry && err instanceof ApiError && err.code === 'cpr_found') {
          const body = err.body as { findings?: Held['findings']; fingerprint?: string };
          setHeld({ findings: body.findings ?? [], fingerprint: body.fingerprint ?? '', retry });
        } else {
          setError(err);
        }
      } finally {
        setBusy(false);
      }
    },
    [onChanged],
  );

  const build = () =>
    act(
      () => api.post<MinutesState>(`/meetings/${meetingId}/minutes`, {}),
      () => '',
    );
  const publish = (cprConfirmed?: string): Promise<void> =>
    act(
      () =>
        api.post<PublishAnswer>(`/meetings/${meetingId}/minutes/publish`, {
          ...(cprConfirmed ? { cprConfirmed } : {}),
        }),
      (a) => {
        const p = a as PublishAnswer;
        return p.published ? m.published(p.toChannel, p.approvalItemNumber) : m.already;
      },
      (fp) => publish(fp),
    );
  const correct = (cprConfirmed?: string): Promise<void> =>
    act(
      () =>
        api.post<MinutesState>(`/meetings/${meetingId}/minutes/corrections`, {
          note,
          ...(cprConfirmed ? { cprConfirmed } : {}),
        }),
      () => {
        setNote('');
        return m.corrected;
      },
      (fp) => correct(fp),
    );

  const tz = page.committee.timeZone;
  const minutes = state?.minutes ?? null;
  return (
    <section className={s.section} aria-labelledby="minutes-heading">
      <h2 id="minutes-heading" className={s.subheading}>
        {m.heading}
      </h2>
      <div role="status" aria-live="polite">
        {said && <Notice intent="success">{said}</Notice>}
      </div>
      {error ? <Problem error={error} retry={load} /> : null}
      {held && (
        <div role="alert" className={s.stack}>
          <Notice intent="warning">{m.cpr}</Notice>
          <ul className={s.list}>
            {held.findings.map((f, i) => (
              <li key={i}>
                {f.where}: {f.masked}
              </li>
            ))}
          </ul>
          <div>
            <Button disabled={busy} onClick={() => void held.retry(held.fingerprint)}>
              {m.cprSend}
            </Button>
          </div>
        </div>
      )}
      {!state ? (
        error ? null : (
          <Loading />
        )
      ) : !minutes ? (
        <div className={s.stack}>
          <p className={s.muted} style={{ margin: 0 }}>
            {m.none}
          </p>
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void build()}>
              {m.build}
            </Button>
          </div>
        </div>
      ) : (
        <div className={`${s.card} ${s.stack}`}>
          <div className={s.row}>
            <Badge appearance="tint" color={minutes.status === 'draft' ? 'warning' : 'success'}>
              {m.status[minutes.status] ?? minutes.status}
            </Badge>
            <span className={s.muted}>
              {m.version(
                minutes.version,
                formatWhen(minutes.publishedAt ?? minutes.builtAt, lang, tz),
              )}
            </span>
          </div>
          <p style={{ margin: 0 }}>{m.items(minutes.items, minutes.missing.length)}</p>
          {minutes.missing.length > 0 && (
            <p style={{ margin: 0 }}>{m.missing(minutes.missing.join(', '))}</p>
          )}
          <p className={s.muted} style={{ margin: 0 }}>
            {m.attendance[minutes.attendance]}
            {minutes.notAnswered > 0 ? ` ${m.notAnswered(minutes.notAnswered)}` : ''}
          </p>
          {minutes.links && (
            <ul className={s.list}>
              <li>
                <Link href={minutes.links.docx} target="_blank" rel="noopener noreferrer" download>
                  {m.word}
                </Link>
              </li>
              <li>
                <Link href={minutes.links.md} target="_blank" rel="noopener noreferrer" download>
                  {m.markdown}
                </Link>
              </li>
            </ul>
          )}
          {minutes.status === 'draft' ? (
            <div className={s.stack}>
              <p className={s.muted} style={{ margin: 0 }}>
                {minutes.nextMeeting
                  ? m.approval(formatWhen(minutes.nextMeeting.startsAt, lang, tz, false))
                  : m.noNext}{' '}
                {m.publishHint}
              </p>
              <div className={s.row}>
                <Button appearance="primary" disabled={busy} onClick={() => void publish()}>
                  {m.publish}
                </Button>
                <Button disabled={busy} onClick={() => void build()}>
                  {m.rebuild}
                </Button>
              </div>
            </div>
          ) : (
            <form
              className={s.stack}
              onSubmit={(e) => {
                e.preventDefault();
                if (!note.trim()) {
                  setNoteProblem(m.noteNeeded);
                  return;
                }
                setNoteProblem('');
                void correct();
              }}
            >
              <h3 className={s.minor}>{m.correctHeading}</h3>
              <Field label={m.correctNote} validationMessage={noteProblem || undefined}>
                <Textarea
                  value={note}
                  onChange={(_, d) => setNote(d.value)}
                  resize="vertical"
                  aria-required="true"
                  maxLength={1000}
                />
              </Field>
              <div>
                <Button type="submit" disabled={busy}>
                  {m.correctSend}
                </Button>
              </div>
            </form>
          )}
          {minutes.corrections.length > 0 && (
            <div>
              <p className={s.minor}>{m.corrections}</p>
              <ul className={s.list}>
                {minutes.corrections.map((c, i) => (
                  <li key={i}>
                    {m.correctionLine(formatWhen(c.correctedAt, lang, tz, false), c.note)}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
