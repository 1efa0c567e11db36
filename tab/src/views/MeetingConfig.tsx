// The configuration of a Teams meeting's tab (side panel, meeting chat, details): the coming
// meetings of the user's committees to pick from, no typing. The one whose online link is
// this Teams meeting's is chosen for them; the choice becomes the tab's content URL
// (?view=panel&meeting=…), and Teams' "Save" is enabled.
import { useEffect, useState } from 'react';
import { Radio, RadioGroup } from '@fluentui/react-components';
import { formatWhen } from '../i18n';
import { meetingConfigFor, type TabConfig } from '../tab-config';
import type { CommitteeMeetings, Me, Meeting } from '../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../ui';

interface Choice {
  meeting: Meeting;
  committee: { name: string; timeZone: string };
}

/** Whether a meeting's online link is the Teams meeting whose chat has this thread id. */
export function isThisTeamsMeeting(onlineUrl: string | null, chatId: string | null): boolean {
  if (!onlineUrl || !chatId) return false;
  let url = onlineUrl;
  try {
    url = decodeURIComponent(onlineUrl);
  } catch {
    // A link with a stray % is compared as it is.
  }
  return url.includes(chatId);
}

export function MeetingConfigPage({
  chatId,
  onChoose,
}: {
  chatId: string | null;
  onChoose: (config: TabConfig | null) => void;
}) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState('');
  const [matched, setMatched] = useState(false);
  useEffect(() => {
    (async () => {
      const me = await api.get<Me>('/me');
      const lists = await Promise.all(
        me.committees.map((c) => api.get<CommitteeMeetings>(`/committees/${c.id}/meetings`)),
      );
      const all = lists
        .flatMap((l) =>
          l.coming
            .filter((m) => m.status !== 'cancelled')
            .map((meeting) => ({ meeting, committee: l.committee })),
        )
        .sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt));
      setChoices(all);
      const same = all.find((c) => isThisTeamsMeeting(c.meeting.onlineUrl, chatId));
      const only = all.length === 1 ? all[0] : undefined;
      if (same ?? only) {
        setMatched(Boolean(same));
        choose((same ?? only)!.meeting.id, all);
      }
    })().catch(setError);
  }, [api, chatId]);
  const labelOf = (c: Choice) =>
    `${c.meeting.title ?? c.committee.name} – ${formatWhen(c.meeting.startsAt, lang, c.committee.timeZone)}`;
  function choose(id: string, from: Choice[] | null = choices) {
    setChosen(id);
    const c = from?.find((x) => x.meeting.id === id);
    onChoose(c ? meetingConfigFor(window.location.origin, { id, title: labelOf(c) }) : null);
  }
  if (!choices) return error ? <Problem error={error} /> : <Loading />;
  const picked = choices.find((c) => c.meeting.id === chosen);
  return (
    <div className={s.stack}>
      <h1 className={s.heading}>{t.meetingConfigTitle}</h1>
      <p style={{ margin: 0 }}>{t.meetingConfigIntro}</p>
      {choices.length === 0 ? (
        <Notice intent="warning">{t.meetingConfigNone}</Notice>
      ) : (
        <RadioGroup
          aria-label={t.meetingConfigTitle}
          value={chosen}
          onChange={(_, d) => (setMatched(false), choose(d.value))}
        >
          {choices.map((c) => (
            <Radio
              key={c.meeting.id}
              value={c.meeting.id}
              label={`${labelOf(c)}${c.meeting.title ? ` (${c.committee.name})` : ''}`}
            />
          ))}
        </RadioGroup>
      )}
      <div role="status" aria-live="polite">
        {picked
          ? `${t.meetingConfigChosen(labelOf(picked))}${matched ? ` ${t.meetingConfigMatched}` : ''}`
          : ''}
      </div>
    </div>
  );
}
