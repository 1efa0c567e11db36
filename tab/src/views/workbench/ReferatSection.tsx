// "Referat og opfølgning": one item at a time (a choice that fits 320 px), its editor saving
// as the secretariat types.
import { useState } from 'react';
import { Field, Select } from '@fluentui/react-components';
import type { MeetingPage } from '../../types';
import { useSession, useStyles } from '../../ui';
import { ReferatEditor } from './ReferatEditor';

export function ReferatSection({ page }: { page: MeetingPage }) {
  const { t } = useSession();
  const s = useStyles();
  const items = page.sections
    .flatMap((section) => section.items)
    .filter((i) => i.status !== 'withdrawn');
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  if (!items.length) return null;
  const chosen = items.find((i) => i.id === itemId) ?? items[0]!;
  return (
    <section className={s.section} aria-labelledby="referat-heading">
      <h2 id="referat-heading" className={s.subheading}>
        {t.referat.heading}
      </h2>
      <div className={s.stack}>
        <Field label={t.referat.chooseItem}>
          <Select
            style={{ width: '100%', maxWidth: '100%', minWidth: 0 }}
            value={chosen.id}
            onChange={(_, d) => setItemId(d.value)}
          >
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.number} {i.title}
                {i.decision ? ` (${t.referat.written})` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <ReferatEditor key={chosen.id} meetingId={page.meeting.id} itemId={chosen.id} />
      </div>
    </section>
  );
}
