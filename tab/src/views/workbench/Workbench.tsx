// The secretariat's workbench on the meeting page: the agenda as it is being prepared,
// by section, with new items, edits (ItemEditor), moves between sections and meetings,
// and the order, by drag and drop or by the buttons up and down (each move is saved at
// once and said aloud). Everything goes through the API's domain calls; members see the
// changes when the agenda is published again.
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../api';
import type { Workbench, WorkbenchItem } from '../../types';
import { Loading, Problem, useSession, useStyles } from '../../ui';
import { ImportPanel } from './ImportPanel';
import { ItemEditor } from './ItemEditor';
import { PublishPanel } from './PublishPanel';

type Order = Array<{ id: string; section: string }>;

/** What a dragged item carries: its id, under a type of its own. */
const DRAG_TYPE = 'application/x-dagsorden-item';

const useWbStyles = makeStyles({
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: '8px',
    rowGap: '4px',
    padding: '6px 8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dropTarget: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  handle: { cursor: 'grab', minWidth: '24px', userSelect: 'none' },
  arrow: { minWidth: '36px' },
  title: { flexGrow: 1, flexBasis: '160px', minWidth: 0 },
  buttons: { display: 'flex', columnGap: '4px' },
});

/** The order after moving item `index` one place up (-1) or down (+1); at a section's edge it crosses into the next section. */
export function moveInOrder(order: Order, index: number, step: -1 | 1): Order | null {
  const next = order.map((o) => ({ ...o }));
  const item = next[index];
  const neighbour = next[index + step];
  if (!item || !neighbour) return null;
  if (neighbour.section !== item.section) {
    // The first of a section moves up into the end of the one before (and the last down into the next).
    item.section = neighbour.section;
    return next;
  }
  next[index] = neighbour;
  next[index + step] = item;
  return next;
}

export function WorkbenchPanel({
  meetingId,
  onChanged,
}: {
  meetingId: string;
  onChanged: () => void;
}) {
  const { api, t } = useSession();
  const w = t.workbench;
  const s = useStyles();
  const ws = useWbStyles();
  const [view, setView] = useState<Workbench | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [editing, setEditing] = useState<WorkbenchItem | 'new' | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The button to give the keyboard back to after a move re-renders the list. */
  const refocus = useRef<string | null>(null);

  const load = useCallback(async () => {
    try {
      setView(await api.get<Workbench>(`/meetings/${meetingId}/workbench`));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [api, meetingId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!refocus.current) return;
    const target = document.getElementById(refocus.current) as HTMLButtonElement | null;
    // At the top (or bottom) the button is disabled: the other direction's takes the keyboard.
    if (target && !target.disabled) target.focus();
    else
      document
        .getElementById(
          refocus.current.replace(/-(up|down)$/, (m) => (m === '-up' ? '-down' : '-up')),
        )
        ?.focus();
    refocus.current = null;
  }, [view]);

  const say = (text: string) => {
    setProblem('');
    setMessage(text);
  };
  const failWith = (text: string) => {
    setMessage('');
    setProblem(text);
  };
  const fail = (err: unknown) => {
    setMessage('');
    const code = err instanceof ApiError ? err.code : '';
    const status = err instanceof ApiError ? err.status : 0;
    setProblem(
      w.errors[code] ??
        (status === 400
          ? w.errors.invalid
          : status === 403
            ? w.errors.forbidden
            : w.errors.failed)!,
    );
    if (code === 'conflict') void load();
  };

  const sectionName = (item: { section: string; sectionTitle: string | null }) =>
    item.sectionTitle ?? t.sections[item.section] ?? item.section;

  /** Saves an order; says where the moved item ended up. */
  const saveOrder = async (order: Order, movedId: string | null) => {
    if (!view || busy) return;
    setBusy(true);
    try {
      const answer = await api.put<{
        items: Array<{ id: string; number: string; section: string; sectionTitle: string | null }>;
      }>(`/meetings/${meetingId}/order`, { items: order });
      const moved = answer.items.find((i) => i.id === movedId);
      const title = view.items.find((i) => i.id === movedId)?.title ?? '';
      say(moved ? w.moved(title, moved.number, sectionName(moved)) : w.renumbered);
      await load();
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  if (!view) return error ? <Problem error={error} retry={() => void load()} /> : <Loading />;
  const order: Order = view.items.map((i) => ({ id: i.id, section: i.section }));
  const move = (index: number, step: -1 | 1) => {
    const next = moveInOrder(order, index, step);
    const id = order[index]!.id;
    if (!next) return;
    refocus.current = `wb-${id}-${step < 0 ? 'up' : 'down'}`;
    void saveOrder(next, id);
  };
  const dropOn = (targetId: string) => (e: DragEvent) => {
    e.preventDefault();
    const id = dragging ?? e.dataTransfer.getData(DRAG_TYPE);
    if (!order.some((o) => o.id === id)) return;
    setDragging(null);
    setOver(null);
    if (!id || id === targetId) return;
    const target = order.find((o) => o.id === targetId)!;
    const from = order.findIndex((o) => o.id === id);
    const to = order.findIndex((o) => o.id === targetId);
    const rest = order.filter((o) => o.id !== id);
    // Dropped on an item: it takes that place (after it when dragged down), in its section.
    const at = rest.findIndex((o) => o.id === targetId) + (from < to ? 1 : 0);
    rest.splice(at, 0, { id, section: target.section });
    void saveOrder(rest, id);
  };

  const sections: Array<{
    key: string;
    name: string;
    items: Array<{ item: WorkbenchItem; index: number }>;
  }> = [];
  view.items.forEach((item, index) => {
    const last = sections.at(-1);
    if (last && view.items[index - 1]?.section === item.section) last.items.push({ item, index });
    else
      sections.push({
        key: `${item.section}-${index}`,
        name: sectionName(item),
        items: [{ item, index }],
      });
  });

  const saved = async (text: string) => {
    setEditing(null);
    say(text);
    await load();
    onChanged();
  };

  return (
    <section className={`${s.section} ${s.card}`} aria-labelledby="wb-heading">
      <h2 id="wb-heading" className={s.subheading}>
        {w.heading}
      </h2>
      <p className={s.muted} style={{ marginTop: 0 }}>
        {w.intro}
      </p>
      <div role="status" aria-live="polite" className={s.muted}>
        {message}
      </div>
      <div role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
        {problem}
      </div>
      {editing ? (
        <ItemEditor
          view={view}
          item={editing === 'new' ? null : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
          onError={fail}
        />
      ) : (
        <div className={s.stack}>
          <div className={s.row}>
            <Button appearance="primary" onClick={() => setEditing('new')}>
              {w.newItem}
            </Button>
            <Button
              disabled={busy || view.items.length === 0}
              onClick={() => void saveOrder(order, null)}
            >
              {w.renumber}
            </Button>
          </div>
          {view.items.length === 0 ? (
            <p className={s.muted}>{w.empty}</p>
          ) : (
            <>
              <p className={s.muted} id="wb-drag-hint" style={{ margin: 0 }}>
                {w.dragHint}
              </p>
              {sections.map((section) => (
                <section key={section.key} aria-label={section.name}>
                  <h3 className={s.minor}>{section.name}</h3>
                  <ol className={s.plainList} aria-describedby="wb-drag-hint">
                    {section.items.map(({ item, index }) => {
                      const toFollow = item.attachments.filter((a) => a.toFollow).length;
                      return (
                        <li
                          key={item.id}
                          className={`${ws.item} ${over === item.id ? ws.dropTarget : ''}`}
                          data-item-id={item.id}
                          onDragOver={(e) => {
                            // Only an item of this list is taken (not a file or text dragged in).
                            if (!dragging && !e.dataTransfer.types.includes(DRAG_TYPE)) return;
                            e.preventDefault();
                            e.dataTransfer.dropEffect = 'move';
                            if (over !== item.id) setOver(item.id);
                          }}
                          onDragLeave={() => setOver((o) => (o === item.id ? null : o))}
                          onDrop={dropOn(item.id)}
                        >
                          <span
                            className={ws.handle}
                            draggable
                            role="img"
                            aria-label={w.drag(item.number)}
                            title={w.drag(item.number)}
                            onDragStart={(e) => {
                              e.dataTransfer.setData(DRAG_TYPE, item.id);
                              e.dataTransfer.effectAllowed = 'move';
                              setDragging(item.id);
                            }}
                            onDragEnd={() => {
                              setDragging(null);
                              setOver(null);
                            }}
                          >
                            ⠿
                          </span>
                          <span className={ws.title}>
                            <strong>{item.number}</strong> {item.title}
                            <span className={s.row} style={{ marginTop: 2 }}>
                              {item.status === 'draft' && <Badge color="warning">{t.draft}</Badge>}
                              {item.changedSincePublish && (
                                <Badge color="important">{w.changed}</Badge>
                              )}
                              {item.closed && <Badge color="danger">{w.closedItem}</Badge>}
                              {toFollow > 0 && (
                                <Badge appearance="outline">{w.toFollowCount(toFollow)}</Badge>
                              )}
                            </span>
                          </span>
                          <span className={ws.buttons}>
                            <Button
                              id={`wb-${item.id}-up`}
                              size="small"
                              className={ws.arrow}
                              aria-label={w.moveUp(item.number)}
                              title={w.moveUp(item.number)}
                              disabled={index === 0}
                              onClick={() => move(index, -1)}
                            >
                              ↑
                            </Button>
                            <Button
                              id={`wb-${item.id}-down`}
                              size="small"
                              className={ws.arrow}
                              aria-label={w.moveDown(item.number)}
                              title={w.moveDown(item.number)}
                              disabled={index === view.items.length - 1}
                              onClick={() => move(index, 1)}
                            >
                              ↓
                            </Button>
                            <Button
                              id={`wb-${item.id}-edit`}
                              size="small"
                              aria-label={w.edit(item.number)}
                              onClick={() => setEditing(item)}
                            >
                              {t.workbench.editButton}
                            </Button>
                          </span>
                        </li>
                      );
                    })}
                  </ol>
                </section>
              ))}
            </>
          )}
          <PublishPanel
            meetingId={meetingId}
            say={say}
            fail={failWith}
            onPublished={async () => {
              await load();
              onChanged();
            }}
          />
          <ImportPanel
            view={view}
            say={say}
            fail={failWith}
            onSaved={async () => {
              await load();
              onChanged();
            }}
          />
        </div>
      )}
    </section>
  );
}
