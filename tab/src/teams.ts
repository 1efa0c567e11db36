// Teams as the host: whether there is one, the context (user, locale, theme, the page's
// sub-entity from a deep link), theme changes, single sign-on, and links.
import { app, authentication, pages } from '@microsoft/teams-js';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostContext {
  userId: string | null;
  locale: string;
  theme: ThemeName;
  subPageId: string | null;
  frameContext: string | null;
  channelId: string | null;
  teamGroupId: string | null;
  /** In a Teams meeting: the meeting's id and its chat's thread id (19:meeting_…@thread.v2). */
  meetingId: string | null;
  chatId: string | null;
}

/** How long Teams may take to answer before the page says it is not in Teams. */
const INIT_TIMEOUT_MS = 8000;

/** Not framed and not opened by anything: no host could answer. */
export function hasNoHost(): boolean {
  return window.parent === window && !window.opener;
}

export async function connect(): Promise<HostContext> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    app.initialize(),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no Teams host answered')), INIT_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  const ctx = await app.getContext();
  return {
    userId: ctx.user?.id ?? null,
    locale: ctx.app.locale,
    theme: themeName(ctx.app.theme),
    subPageId: ctx.page.subPageId || null,
    frameContext: ctx.page.frameContext ?? null,
    channelId: ctx.channel?.id ?? null,
    teamGroupId: ctx.team?.groupId ?? null,
    meetingId: ctx.meeting?.id ?? null,
    chatId: ctx.chat?.id ?? null,
  };
}

export function themeName(theme: string | undefined): ThemeName {
  return theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'default';
}

export function onThemeChange(handler: (theme: ThemeName) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(themeName(theme)));
}

export function ready(): void {
  app.notifySuccess();
}

export function ssoToken(): Promise<string> {
  return authentication.getAuthToken();
}

export function openLink(url: string): void {
  app.openLink(url).catch(() => window.open(url, '_blank', 'noopener'));
}

/** The configuration page's part: Teams' Save is enabled once a committee (or meeting) is chosen, and saves it. */
export function configure(getConfig: () => pages.InstanceConfig | null): {
  changed(valid: boolean): void;
} {
  pages.config.registerOnSaveHandler((save) => {
    const config = getConfig();
    if (!config) return save.notifyFailure('no committee chosen');
    pages.config.setConfig(config).then(
      () => save.notifySuccess(),
      (err: unknown) => save.notifyFailure(String(err)),
    );
  });
  return { changed: (valid) => pages.config.setValidityState(valid) };
}
