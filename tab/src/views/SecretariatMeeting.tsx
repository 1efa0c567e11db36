// The secretariat's preparation on a meeting's page, without a command: an input request
// for the meeting (the "indhent input" card's form), an answer recorded for a member who
// rang or wrote, and the committee's quorum rule (the attendance overview card's forms).
import { useCallback, useEffect, useId, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { HeadedForm, Notice, Problem, useSession, useStyles } from '../ui';

type FieldProblem = { field: string; problem: string };

/**
 * "Læg notatet på punktet" (the compiled note's card): the request's note becomes an
 * attachment of an item of its meeting, closed if the answers are confidential.
 */
export function AttachInputNote({
  requestId,
  items,
  onAttached,
}: {
  requestId: string;
  items: Array<{ id: string; number: string; title: string }>;
  onAttached: (message: string) => void;
}) {
  const { api, t } = useSession();
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!items.length) return null;
  const attach = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ added: boolean; item: { number: string } }>(
        `/inputs/${requestId}/attach`,
        { itemId },
      );
      onAttached(
        res.added
          ? t.act.noteAttached(res.item.number)
          : t.act.noteAlreadyAttached(res.item.number),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {/* Item titles are long: at 320 px the list narrows, not the tab. */}
      <Field label={t.act.attachNoteItem} style={{ minWidth: 0 }}>
        <Select
          style={{ maxWidth: '100%' }}
          select={{ style: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' } }}
          value={itemId}
          onChange={(_, v) => setItemId(v.value)}
        >
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number}. {i.title}
            </option>
          ))}
        </Select>
      </Field>
      <div style={{ marginTop: 8 }}>
        <Button disabled={busy || !itemId} onClick={() => void attach()}>
          {t.act.attachNote}
        </Button>
      </div>
      {error ? <Problem error={error} /> : null}
    </div>
  );
}

/** "Bed om input": the request goes to the members' chats; the matrix shows on the page. */
export function AskForInput({
  committeeId,
  meetingId,
  onSent,
}: {
  committeeId: string;
  meetingId: string;
  onSent: (message: string) => void;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [d, setD] = useState({
    title: '',
    context: '',
    questions: ['', '', ''],
    deadlineDate: '',
    deadlineTime: '12:00',
    audience: 'one_per_organisation',
    confidential: false,
    reminderDays: 2,
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const formId = useId();
  const set = (patch: Partial<typeof d>) => setD({ ...d, ...patch });
  const save = async () => {
    setProblems([]);
    setError(null);
    try {
      const res = await api.post<{ sent: boolean; problems?: FieldProblem[]; sentTo?: number }>(
        `/committees/${committeeId}/input-requests`,
        {
          ...d,
          meetingId,
        },
      );
      if (res.problems) return setProblems(res.problems);
      setOpen(false);
      onSent(t.act.inputSent(res.sentTo ?? 0));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div>
      <Button
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => setOpen(!open)}
      >
        {open ? t.act.closeForm : t.act.askInput}
      </Button>
      {open && (
        <HeadedForm id={formId} heading={t.act.askInput} submit={save} style={{ marginTop: 8 }}>
          <Field label={t.act.inputTitle} required>
            <Input value={d.title} maxLength={200} onChange={(_, v) => set({ title: v.value })} />
          </Field>
          <Field label={t.act.inputContext}>
            <Textarea
              value={d.context}
              resize="vertical"
              onChange={(_, v) => set({ context: v.value })}
            />
          </Field>
          {d.questions.map((q, i) => (
            <Field key={i} label={t.act.question(i + 1)}>
              <Textarea
                value={q}
                resize="vertical"
                onChange={(_, v) =>
                  set({ questions: d.questions.map((x, j) => (j === i ? v.value : x)) })
                }
              />
            </Field>
          ))}
          <div className={s.row}>
            <Field label={t.act.deadlineDate} required>
              <Input
                type="date"
                value={d.deadlineDate}
                onChange={(_, v) => set({ deadlineDate: v.value })}
              />
            </Field>
            <Field label={t.act.deadlineTime}>
              <Input
                type="time"
                value={d.deadlineTime}
                onChange={(_, v) => set({ deadlineTime: v.value })}
              />
            </Field>
          </div>
          <Field label={t.act.audience}>
            <RadioGroup value={d.audience} onChange={(_, v) => set({ audience: v.value })}>
              {Object.entries(t.act.audiences).map(([value, label]) => (
                <Radio key={value} value={value} label={label} />
              ))}
            </RadioGroup>
          </Field>
          <Checkbox
            checked={d.confidential}
            label={t.act.confidentialAnswers}
            onChange={(_, v) => set({ confidential: v.checked === true })}
          />
          <Field label={t.act.reminderDays}>
            <Input
              type="number"
              min={0}
              max={30}
              value={String(d.reminderDays)}
              onChange={(_, v) => set({ reminderDays: Number(v.value) || 0 })}
            />
          </Field>
          <div role="status" aria-live="polite">
            {problems.length > 0 && (
              <Notice intent="warning">
                <ul className={s.list}>
                  {problems.map((p, i) => (
                    <li key={i}>{t.act.fieldProblem(p.field, p.problem)}</li>
                  ))}
                </ul>
              </Notice>
            )}
          </div>
          {error ? <Problem error={error} /> : null}
          <div>
            <Button type="submit" appearance="primary">
              {t.act.sendInput}
            </Button>
          </div>
        </HeadedForm>
      )}
    </div>
  );
}

interface OverviewPerson {
  personId: string;
  name: string;
  role: string;
  attendance: 'attending' | 'absent' | null;
}
interface Overview {
  open: boolean;
  quorum: { settings: { rule: string; minimum: number | null } };
  organisations: Array<{ id: string; name: string; people: OverviewPerson[] }>;
  standIns: Array<{ personId: string; name: string; organisation: string }>;
}

/** An answer recorded for a member, and the quorum rule: the attendance overview card's two forms. */
export function AttendanceDesk({
  meetingId,
  onChanged,
}: {
  meetingId: string;
  onChanged: (message: string) => void;
}) {
  const { api, t } = useSession();
  const s = useStyles();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [who, setWho] = useState('');
  const [answer, setAnswer] = useState<'attending' | 'absent'>('attending');
  const [standIn, setStandIn] = useState('');
  const [note, setNote] = useState('');
  const [rule, setRule] = useState({ rule: 'more_than_half', minimum: '' });
  const load = useCallback(() => {
    api.get<Overview>(`/meetings/${meetingId}/attendance-overview`).then((o) => {
      setOverview(o);
      setRule({
        rule: o.quorum.settings.rule,
        minimum: o.quorum.settings.minimum === null ? '' : String(o.quorum.settings.minimum),
      });
    }, setError);
  }, [api, meetingId]);
  useEffect(load, [load]);
  if (!overview) return error ? <Problem error={error} /> : null;
  const people = overview.organisations.flatMap((o) =>
    o.people.map((p) => ({ ...p, organisation: o.name })),
  );
  const record = async () => {
    setError(null);
    const person = people.find((p) => p.personId === who);
    if (!person) return;
    try {
      await api.put(`/meetings/${meetingId}/attendance/${who}`, {
        attendance: answer,
        standInId: answer === 'absent' && standIn ? standIn : null,
        note: note || null,
      });
      onChanged(t.act.recorded(person.name));
      setNote('');
      load();
    } catch (err) {
      setError(err);
    }
  };
  const saveRule = async () => {
    setError(null);
    try {
      await api.put(`/meetings/${meetingId}/quorum-rule`, {
        rule: rule.rule,
        minimum: rule.minimum === '' ? null : Number(rule.minimum),
      });
      onChanged(t.act.ruleSaved);
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className={s.stack}>
      {overview.open && (
        <form
          className={`${s.card} ${s.stack}`}
          aria-label={t.act.recordFor}
          onSubmit={(e) => (e.preventDefault(), void record())}
        >
          <p className={s.minor} style={{ marginTop: 0 }}>
            {t.act.recordFor}
          </p>
          <Field label={t.act.memberLabel}>
            <Select
              value={who}
              style={{ maxWidth: '100%', minWidth: 0 }}
              select={{ style: { minWidth: 0 } }}
              onChange={(_, v) => setWho(v.value)}
            >
              <option value="">{t.act.notChosen}</option>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.name} ({p.organisation})
                  {p.attendance ? ` – ${t.act.recordedAs[p.attendance]}` : ''}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.act.answerLabel}>
            <RadioGroup
              value={answer}
              layout="horizontal"
              onChange={(_, v) => setAnswer(v.value as 'attending' | 'absent')}
            >
              <Radio value="attending" label={t.act.recordedAs.attending} />
              <Radio value="absent" label={t.act.recordedAs.absent} />
            </RadioGroup>
          </Field>
          {answer === 'absent' && (
            <Field label={t.standIn}>
              <Select
                value={standIn}
                style={{ maxWidth: '100%', minWidth: 0 }}
                select={{ style: { minWidth: 0 } }}
                onChange={(_, v) => setStandIn(v.value)}
              >
                <option value="">{t.noStandIn}</option>
                {overview.standIns
                  .filter((p) => p.personId !== who)
                  .map((p) => (
                    <option key={p.personId} value={p.personId}>
                      {p.name} ({p.organisation})
                    </option>
                  ))}
              </Select>
            </Field>
          )}
          <Field label={t.note}>
            <Input value={note} maxLength={500} onChange={(_, v) => setNote(v.value)} />
          </Field>
          <div>
            <Button type="submit" disabled={!who}>
              {t.act.saveRecord}
            </Button>
          </div>
        </form>
      )}
      <form
        className={`${s.card} ${s.stack}`}
        aria-label={t.act.quorumRule}
        onSubmit={(e) => (e.preventDefault(), void saveRule())}
      >
        <p className={s.minor} style={{ marginTop: 0 }}>
          {t.act.quorumRule}
        </p>
        <RadioGroup
          value={rule.rule}
          aria-label={t.act.quorumRule}
          onChange={(_, v) => setRule({ ...rule, rule: v.value })}
        >
          {Object.entries(t.act.rules).map(([value, label]) => (
            <Radio key={value} value={value} label={label} />
          ))}
        </RadioGroup>
        <Field label={t.act.minimum}>
          <Input
            type="number"
            min={0}
            value={rule.minimum}
            onChange={(_, v) => setRule({ ...rule, minimum: v.value })}
          />
        </Field>
        {error ? <Problem error={error} /> : null}
        <div>
          <Button type="submit">{t.act.saveRule}</Button>
        </div>
      </form>
    </div>
  );
}
