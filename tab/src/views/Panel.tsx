// The Teams meeting's side panel (?view=panel&meeting=…), 320 px wide: the item under
// discussion with its text and the answers to it, the live agenda with that item marked,
// and for the secretariat the controls that move the discussion on. Every panel follows
// the secretariat within about a second: it asks GET /meetings/:id/live every second
// while it is visible, with the version it has (a 304 of no body while nothing moved), and
// reads the meeting's page again when the version changes (and every 15 s for the answers).
// A change of item is announced to screen readers.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import { ApiError } from '../api';
import { formatWhen } from '../i18n';
import type { LiveState, MeetingPage, PageItem } from '../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../ui';
import { Item } from './Meeting';

/** How often a visible panel asks whether the item changed, and re-reads the answers. */
const POLL_MS = 1000;
const PAGE_REFRESH_MS = 15_000;

export interface PanelSlots {
  /** The secretariat's Referat of the item under discussion (the workbench's editor), when there is one. */
  referat?: (props: { meetingId: string; itemId: string }) => ReactNode;
}

export function PanelView({ meetingId, referat }: { meetingId: string } & PanelSlots) {
  const { api, t, lang } = useSession();
  const s = useStyles();
  const [page, setPage] = useState<MeetingPage | null>(null);
  const [live, setLive] = useState<LiveState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [moveProblem, setMoveProblem] = useState<unknown>(null);
  const [moving, setMoving] = useState(false);
  const version = useRef(-1);
  /** The item chosen in «Gå til punkt», applied by its button; follows the item under discussion. */
  const [picked, setPicked] = useState('');

  const loadPage = useCallback(() => {
    api
      .get<MeetingPage>(`/meetings/${meetingId}`)
      .then((p) => (setPage(p), setError(null)), setError);
  }, [api, meetingId]);

  /** A state newer than the one shown: shown, and the page read again for its item's answers. */
  const take = useCallback(
    (next: LiveState) => {
      if (next.version <= version.current) return;
      version.current = next.version;
      setLive(next);
      setPicked(next.currentItemId ?? '');
      loadPage();
    },
    [loadPage],
  );

  useEffect(() => {
    let etag: string | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let lastPage = Date.now();
    async function tick() {
      clearTimeout(timer);
      if (document.visibilityState === 'visible') {
        try {
          const changed = await api.getIfChanged<LiveState>(`/meetings/${meetingId}/live`, etag);
          if (changed) {
            etag = changed.etag;
            take(changed.body);
          }
          setOffline(false);
          if (Date.now() - lastPage >= PAGE_REFRESH_MS) {
            lastPage = Date.now();
            loadPage();
          }
        } catch (err) {
          if (err instanceof ApiError && err.status === 404) {
            setError(err);
            return;
          }
          setOffline(true);
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), POLL_MS);
    }
    // Back in view: asked at once, not a second later.
    const onVisible = () => document.visibilityState === 'visible' && void tick();
    document.addEventListener('visibilitychange', onVisible);
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, meetingId, take, loadPage]);

  const items = page?.sections.flatMap((x) => x.items) ?? [];
  const current = live?.currentItemId
    ? (items.find((i) => i.id === live.currentItemId) ?? null)
    : null;

  // Said once per change of item, after the first: a screen reader hears where the meeting is.
  const announced = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!live || !page) return;
    const id = live.currentItemId;
    if (announced.current === undefined) {
      announced.current = id;
      return;
    }
    if (announced.current === id) return;
    announced.current = id;
    setAnnouncement(current ? t.panelAnnounce(current.number, current.title) : t.panelAnnounceNone);
  }, [live, page, current, t]);

  const change = useCallback(
    async (path: string, body: unknown) => {
      try {
        await api.put(path, body);
        loadPage();
      } catch (err) {
        setError(err);
      }
    },
    [api, loadPage],
  );

  async function move(to: { move: 'next' | 'previous' } | { itemId: string | null }) {
    if (!live) return;
    setMoving(true);
    setMoveProblem(null);
    try {
      take(
        await api.put<LiveState>(`/meetings/${meetingId}/current-item`, {
          ...to,
          version: live.version,
        }),
      );
    } catch (err) {
      setMoveProblem(err);
    } finally {
      setMoving(false);
    }
  }

  if (!page || !live) return error ? <Problem error={error} retry={loadPage} /> : <Loading />;
  const tz = page.committee.timeZone;
  const people = page.organisations.reduce((n, o) => n + o.people, 0);
  const secretariat = page.role === 'secretariat';
  // The secretariat moves through what members see: published items, withdrawn ones left out.
  const movable = items.filter((i) => !i.draft && i.status !== 'withdrawn');
  const at = current ? movable.findIndex((i) => i.id === current.id) : -1;
  const conflict =
    moveProblem instanceof ApiError && moveProblem.status === 409 && live.version > 0;
  return (
    <article className={s.stack} aria-labelledby="panel-title">
      <header>
        <h1 id="panel-title" className={s.subheading}>
          {page.meeting.title ?? page.committee.name}
        </h1>
        <p className={s.muted} style={{ margin: 0 }}>
          {formatWhen(page.meeting.startsAt, lang, tz)}
        </p>
      </header>
      <div role="status" aria-live="polite" aria-atomic="true" className={s.visuallyHidden}>
        {announcement}
      </div>
      {offline && <Notice intent="warning">{t.panelOffline}</Notice>}
      {error ? <Problem error={error} /> : null}
      {secretariat && (
        <section aria-labelledby="panel-controls" className={s.card}>
          <h2 id="panel-controls" className={s.minor} style={{ marginTop: 0 }}>
            {t.panelControls}
          </h2>
          <div className={s.row}>
            <Button
              disabledFocusable={moving || at <= 0}
              onClick={() => void move({ move: 'previous' })}
            >
              ← {t.panelPrevious}
            </Button>
            <Button
              appearance="primary"
              disabledFocusable={moving || at >= movable.length - 1}
              onClick={() => void move({ move: 'next' })}
            >
              {t.panelNext} →
            </Button>
          </div>
          {/* Chosen, then applied: a keyboard user going through the list moves nothing on the way. */}
          <form
            className={s.stack}
            style={{ marginTop: 8 }}
            onSubmit={(e) => {
              e.preventDefault();
              void move({ itemId: picked || null });
            }}
          >
            <Field
              label={t.panelPick}
              style={{ minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)' }}
            >
              <Select
                // A long title must not widen the 320 px panel: the list shows it whole when opened.
                style={{ width: '100%', maxWidth: '100%' }}
                select={{ style: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } }}
                value={picked}
                onChange={(_, d) => setPicked(d.value)}
              >
                <option value="">{t.panelPickNone}</option>
                {movable.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.number} {i.title}
                  </option>
                ))}
              </Select>
            </Field>
            <div>
              <Button type="submit" disabledFocusable={moving || picked === (current?.id ?? '')}>
                {t.panelGo}
              </Button>
            </div>
          </form>
          {moveProblem ? (
            conflict ? (
              <Notice intent="info">{t.panelMovedMeanwhile}</Notice>
            ) : (
              <Problem error={moveProblem} />
            )
          ) : null}
        </section>
      )}
      <section aria-labelledby="panel-current" className={s.current}>
        <h2 id="panel-current" className={s.minor} style={{ marginTop: 0 }}>
          {t.panelCurrent}
        </h2>
        {current ? (
          <CurrentItem page={page} item={current} people={people} change={change} />
        ) : (
          <p className={s.muted} style={{ margin: 0 }}>
            {live.currentItemId ? t.panelNotShown : t.panelNoCurrent}
          </p>
        )}
        {secretariat && current && referat ? referat({ meetingId, itemId: current.id }) : null}
      </section>
      <section aria-labelledby="panel-agenda">
        <h2 id="panel-agenda" className={s.minor}>
          {t.panelAgenda}
        </h2>
        <ol className={s.plainList} style={{ rowGap: 2 }}>
          {items.map((i) => (
            <li
              key={i.id}
              aria-current={i.id === current?.id ? 'step' : undefined}
              className={i.id === current?.id ? s.agendaCurrent : s.agendaRow}
            >
              <span>
                {i.number} {i.title}
              </span>
              {/* In the row's own colour: a badge's brand colour loses contrast on the marked row in the dark theme. */}
              {i.closed && <span>· {t.panelClosedItem}</span>}
              {i.id === current?.id && (
                <span className={s.visuallyHidden}> {t.panelIsCurrent}</span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

function CurrentItem({
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
  const s = useStyles();
  return (
    <div className={s.stack}>
      <h3 className={s.subheading} style={{ margin: 0 }}>
        {item.number} {item.title}
      </h3>
      <Item page={page} item={item} people={people} change={change} />
    </div>
  );
}
