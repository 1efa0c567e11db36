// The Referat of one item and its follow-up, saved as the secretariat types (the workbench,
// and the meeting side panel later: { meetingId, itemId } is all it needs). No text is lost:
// - every change is kept at once on this computer (localStorage), with the version it was
//   written on, and brought back when the save did not reach the server;
// - saved after a pause in typing, on leaving a field, and when the page is hidden or the
//   panel closed;
// - a save names the version it was written on: when a colleague saved since, the server
//   refuses (409) and the editor says so and lets the writer choose; nothing is overwritten
//   silently;
// - after the minutes are published a change is a correction that issues them again, so it
//   is saved only when asked ("Gem rettelse"), never as one types.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { ApiError } from '../../api';
import type { ActionOwnerRef, RecordedReferat, ReferatAction, ReferatForm } from '../../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../../ui';

export interface ReferatEditorProps {
  meetingId: string;
  itemId: string;
}

interface Draft {
  outcome: string;
  text: string;
  actions: ReferatAction[];
  correction: string;
}

/** What this computer keeps of a draft: the draft and the version it was written on. */
interface Kept {
  draft: Draft;
  version: number;
  at: string;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; corrected: boolean }
  | { kind: 'local'; at: Date }
  | { kind: 'problems'; problems: string[] }
  | { kind: 'conflict'; theirs: RecordedReferat | null }
  | { kind: 'cpr'; count: number; fingerprint: string }
  | { kind: 'refused'; error: unknown };

const OUTCOMES = [
  'approved',
  'approved_with_changes',
  'noted',
  'discussed',
  'postponed',
  'rejected',
];
/** A choice as wide as its column, never wider (long names at 320 px). */
const FULL = { width: '100%', maxWidth: '100%', minWidth: 0 };
const GROW = { flex: '1 1 12rem', minWidth: 0, maxWidth: '100%' };
/** Quiet time after the last keystroke before a save. */
const PAUSE_MS = 1200;
/** When the server could not be reached: the next try. */
const RETRY_MS = 5000;

const keyOf = (meetingId: string, itemId: string) => `dagsorden.referat.${meetingId}.${itemId}`;
const clock = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

function fromServer(form: ReferatForm): Draft {
  const d = form.decision;
  return {
    outcome: d?.outcome ?? form.suggested,
    text: d?.text ?? '',
    actions: d?.actions ?? [],
    correction: '',
  };
}

/** What a save would store of a draft: the text and tasks as the server trims them. */
const content = (d: Draft) =>
  JSON.stringify([
    d.text.trim(),
    d.actions
      .filter((a) => a.what.trim())
      .map((a) => [a.what.replace(/\s+/g, ' ').trim(), a.owner, a.dueOn]),
    d.correction.trim(),
  ]);
/** `current` with the ids the server gave the tasks of `sent` (by their rows, blank rows skipped). */
function withIds(current: Draft, sent: Draft, saved: ReferatAction[]): Draft {
  const ids = new Map<number, string | null>();
  let k = 0;
  sent.actions.forEach((a, i) => {
    if (a.what.trim()) ids.set(i, saved[k++]?.id ?? null);
  });
  return {
    ...current,
    actions: current.actions.map((a, i) =>
      a.id === null && ids.get(i) ? { ...a, id: ids.get(i)! } : a,
    ),
  };
}

/** A kept draft says nothing the server does not (it was saved on the way out, say). */
const alreadySaved = (kept: Draft, server: Draft) =>
  content(kept) === content(server) && (kept.outcome === 'auto' || kept.outcome === server.outcome);

function readKept(key: string): Kept | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Kept) : null;
  } catch {
    return null;
  }
}

function keep(key: string, kept: Kept | null): void {
  try {
    if (kept) window.localStorage.setItem(key, JSON.stringify(kept));
    else window.localStorage.removeItem(key);
  } catch {
    // A full or refused storage: the server save still goes on.
  }
}

const ownerValue = (o: ActionOwnerRef) =>
  o.kind === 'secretariat'
    ? 'secretariat'
    : o.kind === 'organisation'
      ? `org:${o.organisationId}`
      : `person:${o.personId}`;
const ownerFrom = (v: string): ActionOwnerRef =>
  v.startsWith('org:')
    ? { kind: 'organisation', organisationId: v.slice(4) }
    : v.startsWith('person:')
      ? { kind: 'person', personId: v.slice(7) }
      : { kind: 'secretariat' };

export function ReferatEditor({ meetingId, itemId }: ReferatEditorProps) {
  const { api, t } = useSession();
  const r = t.referat;
  const s = useStyles();
  const id = useId();
  const key = keyOf(meetingId, itemId);
  const [form, setForm] = useState<ReferatForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [restored, setRestored] = useState(false);
  const draftRef = useRef<Draft | null>(null);
  const versionRef = useRef(0);
  const dirty = useRef(false);
  const paused = useRef(false);
  const correcting = useRef(false);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const later = useCallback((ms: number, run: () => void) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, ms);
  }, []);

  const save = useCallback(
    async (opts: { keepalive?: boolean; cprConfirmed?: string; force?: boolean } = {}) => {
      const sent = draftRef.current;
      if (!sent || !dirty.current || inFlight.current) return;
      if (paused.current && !opts.force) return;
      if (correcting.current && !opts.force) return;
      clearTimeout(timer.current);
      inFlight.current = true;
      dirty.current = false;
      paused.current = false;
      setState({ kind: 'saving' });
      let retry = false;
      try {
        const answer = await api.put<{ decision: RecordedReferat; corrected: boolean }>(
          `/items/${itemId}/referat`,
          {
            version: versionRef.current,
            outcome: sent.outcome,
            text: sent.text,
            actions: sent.actions.filter((a) => a.what.trim()),
            correction: correcting.current ? sent.correction : null,
            ...(opts.cprConfirmed ? { cprConfirmed: opts.cprConfirmed } : {}),
          },
          { keepalive: opts.keepalive },
        );
        versionRef.current = answer.decision.version;
        // New tasks now have ids: given to the rows they came from (the text stays as typed),
        // so the next save changes them instead of adding them again.
        const current = withIds(draftRef.current!, sent, answer.decision.actions);
        const correctionSent = correcting.current && current.correction === sent.correction;
        const now = correctionSent ? { ...current, correction: '' } : current;
        draftRef.current = now;
        setDraft(now);
        if (draftRef.current && content(now) === content({ ...sent, correction: now.correction })) {
          keep(key, null);
        } else {
          keep(key, { draft: now, version: versionRef.current, at: new Date().toISOString() });
        }
        setState({ kind: 'saved', at: new Date(), corrected: answer.corrected });
      } catch (err) {
        dirty.current = true;
        const code = err instanceof ApiError ? err.code : '';
        const status = err instanceof ApiError ? err.status : 0;
        if (status === 409 && code === 'conflict') {
          paused.current = true;
          setState({
            kind: 'conflict',
            theirs: ((err as ApiError).body.decision as RecordedReferat | null) ?? null,
          });
        } else if (code === 'cpr_found') {
          paused.current = true;
          const body = (err as ApiError).body as { findings?: unknown[]; fingerprint?: string };
          setState({
            kind: 'cpr',
            count: body.findings?.length ?? 1,
            fingerprint: body.fingerprint ?? '',
          });
        } else if (status === 400 && code === 'invalid_input') {
          const problems = ((err as ApiError).body.problems ?? []) as Array<{
            field: string;
            problem: string;
          }>;
          setState({ kind: 'problems', problems: problems.map((p) => `${p.field}_${p.problem}`) });
        } else if (status === 403 || status === 404 || status === 409) {
          paused.current = true;
          setState({ kind: 'refused', error: err });
        } else {
          // Out of reach: the text is on this computer; tried again in a moment.
          setState({ kind: 'local', at: new Date() });
          retry = true;
        }
      } finally {
        inFlight.current = false;
      }
      if (retry) later(RETRY_MS, () => void save());
      else if (dirty.current && !paused.current && !correcting.current)
        later(PAUSE_MS, () => void save());
    },
    [api, itemId, key, later],
  );

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const fresh = await api.get<ReferatForm>(`/items/${itemId}/referat`);
      const server = fromServer(fresh);
      const kept = readKept(key);
      correcting.current = fresh.correcting;
      setForm(fresh);
      if (kept && !alreadySaved(kept.draft, server)) {
        // Written here and never saved: back, on the version it was written on.
        draftRef.current = kept.draft;
        versionRef.current = kept.version;
        dirty.current = true;
        setRestored(true);
        setDraft(kept.draft);
        setState({ kind: 'local', at: new Date(kept.at) });
        if (!fresh.correcting) void save();
      } else {
        keep(key, null);
        draftRef.current = server;
        versionRef.current = fresh.decision?.version ?? 0;
        dirty.current = false;
        setDraft(server);
        setState({ kind: 'idle' });
      }
    } catch (err) {
      setLoadError(err);
    }
  }, [api, itemId, key, save]);

  useEffect(() => {
    paused.current = false;
    void load();
  }, [load]);

  // The page hidden or closed, and the editor gone (the panel closed): saved on the way out.
  useEffect(() => {
    const flush = () => void save({ keepalive: true });
    const hidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(timer.current);
      flush();
    };
  }, [save]);

  const change = (next: Draft) => {
    draftRef.current = next;
    dirty.current = true;
    setDraft(next);
    keep(key, { draft: next, version: versionRef.current, at: new Date().toISOString() });
    // A changed text is checked again: the CPR warning was about the text as it stood.
    if (state.kind === 'cpr') paused.current = false;
    if (correcting.current) {
      setState({ kind: 'local', at: new Date() });
      return;
    }
    later(PAUSE_MS, () => void save());
  };
  const blur = () => {
    if (!correcting.current) void save();
  };

  if (!form || !draft) return loadError ? <Problem error={loadError} retry={load} /> : <Loading />;

  const statusText =
    state.kind === 'saving'
      ? r.saving
      : state.kind === 'saved'
        ? state.corrected
          ? r.savedCorrection
          : r.savedAt(clock(state.at))
        : state.kind === 'local'
          ? form.correcting
            ? r.localOnly(clock(state.at))
            : r.local(clock(state.at))
          : state.kind === 'idle'
            ? form.decision
              ? r.savedAt(clock(new Date(form.decision.recordedAt)))
              : r.notSaved
            : r.notSaved;
  const setAction = (i: number, patch: Partial<ReferatAction>) =>
    change({
      ...draft,
      actions: draft.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)),
    });
  const textId = `${id}-text`;
  return (
    <section
      className={s.stack}
      aria-label={r.editorFor(form.item.number, form.item.title)}
      data-referat={itemId}
    >
      {restored && <Notice intent="info">{r.restored}</Notice>}
      {form.correcting && <Notice intent="warning">{r.correctingNote}</Notice>}
      <Field label={r.outcome}>
        <Select
          style={FULL}
          value={draft.outcome}
          onChange={(_, d) => change({ ...draft, outcome: d.value })}
          onBlur={blur}
        >
          <option value="auto">{r.outcomeAuto}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {r.outcomes[o] ?? o}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={r.text} hint={form.correcting ? undefined : r.textHint}>
        <Textarea
          id={textId}
          value={draft.text}
          onChange={(_, d) => change({ ...draft, text: d.value })}
          onBlur={blur}
          resize="vertical"
          rows={6}
        />
      </Field>
      <fieldset className={s.stack} style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className={s.minor}>{r.actions}</legend>
        <p className={s.muted} style={{ margin: 0 }}>
          {r.actionsHint}
        </p>
        {draft.actions.map((a, i) => (
          <div key={a.id ?? `new-${i}`} className={s.card} style={{ padding: 8 }}>
            <div className={s.stack}>
              <Field label={r.what(i + 1)}>
                <Input
                  value={a.what}
                  onChange={(_, d) => setAction(i, { what: d.value })}
                  onBlur={blur}
                />
              </Field>
              <div className={s.row}>
                <Field label={r.owner(i + 1)} style={GROW}>
                  <Select
                    style={FULL}
                    value={ownerValue(a.owner)}
                    onChange={(_, d) => setAction(i, { owner: ownerFrom(d.value) })}
                    onBlur={blur}
                  >
                    <option value="secretariat">{r.secretariat}</option>
                    {form.organisations.map((o) => (
                      <option key={o.id} value={`org:${o.id}`}>
                        {o.name}
                      </option>
                    ))}
                    {form.people.map((p) => (
                      <option key={p.personId} value={`person:${p.personId}`}>
                        {p.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={r.due(i + 1)} style={GROW}>
                  <Input
                    type="date"
                    value={a.dueOn ?? ''}
                    onChange={(_, d) => setAction(i, { dueOn: d.value || null })}
                    onBlur={blur}
                  />
                </Field>
              </div>
              <div>
                <Button
                  size="small"
                  onClick={() =>
                    change({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })
                  }
                >
                  {r.removeAction(i + 1)}
                </Button>
              </div>
            </div>
          </div>
        ))}
        <div>
          <Button
            onClick={() =>
              change({
                ...draft,
                actions: [
                  ...draft.actions,
                  { id: null, what: '', owner: { kind: 'secretariat' }, dueOn: null },
                ],
              })
            }
          >
            {r.addAction}
          </Button>
        </div>
      </fieldset>
      {form.correcting && (
        <Field label={r.correction}>
          <Textarea
            value={draft.correction}
            onChange={(_, d) => change({ ...draft, correction: d.value })}
            resize="vertical"
          />
        </Field>
      )}
      <div className={s.row}>
        {form.correcting ? (
          <Button appearance="primary" onClick={() => void save({ force: true })}>
            {r.saveCorrection}
          </Button>
        ) : (
          <Button onClick={() => void save()}>{r.saveNow}</Button>
        )}
        <span role="status" aria-live="polite" className={s.muted}>
          {statusText}
        </span>
      </div>
      {state.kind === 'problems' && (
        <Notice intent="warning">
          {state.problems.map((p) => r.problems[p] ?? r.failed).join(' ')}
        </Notice>
      )}
      {state.kind === 'cpr' && (
        <div role="alert" className={s.stack}>
          <Notice intent="warning">{r.cpr(state.count)}</Notice>
          <div>
            <Button onClick={() => void save({ force: true, cprConfirmed: state.fingerprint })}>
              {r.cprConfirm}
            </Button>
          </div>
        </div>
      )}
      {state.kind === 'conflict' && (
        <div role="alert" className={s.stack}>
          <Notice intent="warning">{r.conflict(state.theirs?.recordedBy ?? r.someone)}</Notice>
          {state.theirs && (
            <div className={s.card}>
              <p className={s.minor} style={{ marginTop: 0 }}>
                {r.theirs} · {r.outcomes[state.theirs.outcome] ?? state.theirs.outcome}
              </p>
              <p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{state.theirs.text}</p>
            </div>
          )}
          <div className={s.row}>
            <Button
              onClick={() => {
                keep(key, null);
                setRestored(false);
                void load();
              }}
            >
              {r.useTheirs}
            </Button>
            <Button
              appearance="primary"
              onClick={() => {
                versionRef.current = state.theirs?.version ?? versionRef.current;
                void save({ force: true });
              }}
            >
              {r.keepMine}
            </Button>
          </div>
        </div>
      )}
      {state.kind === 'refused' && <Problem error={state.error} />}
    </section>
  );
}
