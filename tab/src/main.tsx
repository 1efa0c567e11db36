// The tab's start: find the Teams host (or say plainly there is none), read its context,
// sign in, and show the surface the URL names: ?view=config (the configuration of the
// channel tab, or in a Teams meeting of the meeting's tab), ?view=channel&committee=… (the
// channel tab), ?view=panel&meeting=… (a Teams meeting's side panel), ?view=personal
// ("Mine møder").
import { StrictMode, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
} from '@fluentui/react-components';
import { createApi, developerSignIn, type Authorization } from './api';
import { langOf, words, type Lang } from './i18n';
import {
  configure,
  connect,
  hasNoHost,
  onThemeChange,
  openLink,
  ready,
  ssoToken,
  type HostContext,
  type ThemeName,
} from './teams';
import { Notice, SessionContext, useStyles, type Session } from './ui';
import type { Target } from './types';
import { ChannelTab } from './views/Channel';
import { ConfigPage, type TabConfig } from './views/Config';
import { MeetingConfigPage } from './views/MeetingConfig';
import { PanelView } from './views/Panel';
import { ReferatEditor } from './views/workbench/ReferatEditor';
import { MyMeetings } from './views/Mine';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
/** "Mine møder" spans committees; their meetings are Danish ones. */
const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

function Shell({ theme, lang, children }: { theme: ThemeName; lang: Lang; children: ReactNode }) {
  const s = useStyles();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
  }, [lang, theme]);
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} lang={lang}>
      <main className={s.page}>{children}</main>
    </FluentProvider>
  );
}

/**
 * A deep link's sub-entity: "<meeting id>", "<meeting id>:<item id>" or "<meeting id>:<section>"
 * (the secretariat's section of the page, as the page's own address keeps it; see docs/tab.md).
 */
export function targetOf(subPageId: string | null): Target | null {
  const m = /^([0-9a-f-]{36})(?::(?:([0-9a-f-]{36})|([a-z]{1,20})))?$/i.exec(subPageId ?? '');
  return m ? { meetingId: m[1]!, itemId: m[2] ?? null, section: m[3] ?? null } : null;
}

function App({
  host,
  authorization,
  developer,
}: {
  host: HostContext;
  authorization: Authorization;
  developer: boolean;
}) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  useEffect(() => onThemeChange(setTheme), []);
  const lang = langOf(host.locale);
  const session = useMemo<Session>(
    () => ({
      api: createApi(authorization),
      lang,
      t: words(lang),
      openLink,
      deepLinks: { channelId: host.channelId, teamGroupId: host.teamGroupId },
    }),
    [authorization, lang, host],
  );
  const params = new URLSearchParams(window.location.search);
  const view = params.get('view') ?? 'personal';
  const committee = params.get('committee');
  const meeting = params.get('meeting');
  // Teams opens the one configuration page for a channel and for a meeting: its context tells which.
  const inMeeting = Boolean(host.meetingId) && !host.channelId;
  const config = useRef<TabConfig | null>(null);
  const saver = useMemo(() => (view === 'config' ? configure(() => config.current) : null), [view]);
  return (
    <SessionContext.Provider value={session}>
      <Shell theme={theme} lang={lang}>
        {developer && (
          <div style={{ marginBottom: 12 }}>
            <Notice intent="warning">{session.t.devSignIn}</Notice>
          </div>
        )}
        {view === 'config' && inMeeting ? (
          <MeetingConfigPage
            chatId={host.chatId}
            onChoose={(c) => {
              config.current = c;
              saver?.changed(Boolean(c));
            }}
          />
        ) : view === 'config' ? (
          <ConfigPage
            onChoose={(c) => {
              config.current = c;
              saver?.changed(Boolean(c));
            }}
          />
        ) : view === 'panel' && meeting ? (
          <PanelView
            meetingId={meeting}
            // The secretariat's Referat of the item under discussion: a new editor per item.
            referat={(p) => <ReferatEditor key={p.itemId} {...p} />}
          />
        ) : view === 'channel' && committee ? (
          <ChannelTab
            committeeId={committee}
            // The page's own address first (where the reader was before a reload), then the deep link's.
            target={targetOf(window.location.hash.slice(1)) ?? targetOf(host.subPageId)}
          />
        ) : (
          <MyMeetings timeZone={DEFAULT_TIME_ZONE} />
        )}
      </Shell>
    </SessionContext.Provider>
  );
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const alone = (text: string, lang: Lang = 'da') =>
    root.render(
      <Shell theme="default" lang={lang}>
        <Notice intent="warning">{text}</Notice>
      </Shell>,
    );
  if (hasNoHost()) return alone(words('da').outsideTeams);
  // Asked while Teams answers: one round trip less before the first screen.
  const developerAllowed = developerSignIn();
  let host: HostContext;
  try {
    host = await connect();
  } catch {
    return alone(words('da').outsideTeams);
  }
  const lang = langOf(host.locale);
  // The developer sign-in is the server's to allow (never with MicrosoftAppId): then the
  // Teams context's user id stands for a token, and the page says so.
  const developer = Boolean(host.userId) && (await developerAllowed);
  let authorization: Authorization;
  if (developer) authorization = () => Promise.resolve(`Dev ${host.userId}`);
  else {
    try {
      await ssoToken();
    } catch {
      ready();
      return alone(words(lang).signInFailed, lang);
    }
    // TeamsJS keeps the token and renews it: asked for each call, it is always current.
    authorization = async () => `Bearer ${await ssoToken()}`;
  }
  root.render(
    <StrictMode>
      <App host={host} authorization={authorization} developer={developer} />
    </StrictMode>,
  );
  ready();
}

void start();
