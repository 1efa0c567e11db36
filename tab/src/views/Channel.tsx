// The channel tab: the committee's coming and past meetings; one chosen (or named by a
// deep link) opens its page.
import { useCallback, useEffect, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { formatWhen } from '../i18n';
import type { CommitteeMeetings, Meeting, Target } from '../types';
import { Loading, Problem, useSession, useStyles } from '../ui';
import { MeetingView } from './Meeting';
import { Preparation } from './Preparation';

export function ChannelTab({
  committeeId,
  target,
}: {
  committeeId: string;
  target: Target | null;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const [list, setList] = useState<CommitteeMeetings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpenState] = useState<Target | null>(target);
  // Where the reader is goes into the page's address (the deep link's syntax), so a reload
  // opens the same meeting and section; the list has none.
  const setOpen = useCallback((next: Target | null) => {
    setOpenState(next);
    const place = next
      ? `#${next.meetingId}${next.section ? `:${next.section}` : next.itemId ? `:${next.itemId}` : ''}`
      : '';
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${place}`,
    );
  }, []);
  const load = useCallback(() => {
    setError(null);
    api.get<CommitteeMeetings>(`/committees/${committeeId}/meetings`).then(setList, setError);
  }, [api, committeeId]);
  // A deep link opens its meeting first; the list is read when one goes back to it.
  const listShown = !open;
  useEffect(() => {
    if (listShown) load();
  }, [load, listShown]);

  if (open)
    return (
      <MeetingView
        meetingId={open.meetingId}
        focusItemId={open.itemId}
        section={open.section}
        onSection={(section) => setOpen({ meetingId: open.meetingId, itemId: null, section })}
        onBack={() => setOpen(null)}
      />
    );
  if (!list) return error ? <Problem error={error} retry={load} /> : <Loading />;
  return (
    <div className={s.stack}>
      <h1 className={s.heading}>{list.committee.name}</h1>
      <Preparation committeeId={committeeId} timeZone={list.committee.timeZone} onChanged={load} />
      <MeetingList
        heading={t.coming}
        id="coming"
        meetings={list.coming}
        timeZone={list.committee.timeZone}
        onOpen={(id) => setOpen({ meetingId: id, itemId: null, section: null })}
      />
      <MeetingList
        heading={t.past}
        id="past"
        meetings={list.past}
        timeZone={list.committee.timeZone}
        onOpen={(id) => setOpen({ meetingId: id, itemId: null, section: null })}
      />
    </div>
  );
}

function MeetingList({
  heading,
  id,
  meetings,
  timeZone,
  onOpen,
}: {
  heading: string;
  id: string;
  meetings: Meeting[];
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const { t, lang } = useSession();
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={s.subheading}>
        {heading}
      </h2>
      {meetings.length === 0 ? (
        <p className={s.muted}>{t.noMeetings}</p>
      ) : (
        <ul className={s.plainList}>
          {meetings.map((m) => (
            <li key={m.id} className={s.card}>
              <div className={s.stack}>
                <span>
                  <strong>{formatWhen(m.startsAt, lang, timeZone)}</strong>
                </span>
                <span className={s.muted}>
                  {[m.title, m.place, t.statuses[m.status] ?? m.status].filter(Boolean).join(' · ')}
                </span>
                <div>
                  <Button
                    onClick={() => onOpen(m.id)}
                    aria-label={`${t.openMeeting}: ${formatWhen(m.startsAt, lang, timeZone, false)}`}
                  >
                    {t.openMeeting}
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
