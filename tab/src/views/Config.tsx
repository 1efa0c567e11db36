// The channel tab's configuration: the user's committees to pick from (no typing); the
// choice becomes the tab's content URL and entity id, and Teams' "Save" is enabled.
export type { TabConfig };
import { useEffect, useState } from 'react';
import { Radio, RadioGroup } from '@fluentui/react-components';
import { configFor, type TabConfig } from '../tab-config';
import type { Me } from '../types';
import { Loading, Notice, Problem, useSession, useStyles } from '../ui';

export function ConfigPage({ onChoose }: { onChoose: (config: TabConfig | null) => void }) {
  const { api, t } = useSession();
  const s = useStyles();
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    api.get<Me>('/me').then((m) => {
      setMe(m);
      // One committee: it is the answer, and Save can be pressed at once.
      if (m.committees.length === 1) choose(m.committees[0]!.id, m);
    }, setError);
  }, [api]);
  function choose(id: string, from: Me | null = me) {
    setChosen(id);
    const committee = from?.committees.find((c) => c.id === id);
    onChoose(committee ? configFor(window.location.origin, committee) : null);
  }
  if (!me) return error ? <Problem error={error} /> : <Loading />;
  const picked = me.committees.find((c) => c.id === chosen);
  return (
    <div className={s.stack}>
      <h1 className={s.heading}>{t.configTitle}</h1>
      <p style={{ margin: 0 }}>{t.configIntro}</p>
      {me.committees.length === 0 ? (
        <Notice intent="warning">{t.configNone}</Notice>
      ) : (
        <RadioGroup aria-label={t.configTitle} value={chosen} onChange={(_, d) => choose(d.value)}>
          {me.committees.map((c) => (
            <Radio
              key={c.id}
              value={c.id}
              label={`${c.name} (${t.roles[c.role] ?? c.role}${c.organisation ? `, ${c.organisation}` : ''})`}
            />
          ))}
        </RadioGroup>
      )}
      <div role="status" aria-live="polite">
        {picked ? t.configChosen(picked.name) : ''}
      </div>
    </div>
  );
}
