// "Udsend dagsordenen" in the workbench: the bot's own publish (the same cards in the
// channel, updated in place, the same letters), held by CPR-like numbers until the
// secretariat has seen where they stand (masked) and says "Udsend alligevel".
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { CprFinding } from '../../types';
import { useSession, useStyles } from '../../ui';
import { CprFindings } from './CprFindings';

type Answer =
  | { held: { findings: CprFinding[]; fingerprint: string } }
  | { kind: 'no_channel' }
  | { kind: 'queued'; posted: number; updated: number };

export function PublishPanel({
  meetingId,
  say,
  fail,
  onPublished,
}: {
  meetingId: string;
  say: (text: string) => void;
  fail: (text: string) => void;
  onPublished: () => Promise<void>;
}) {
  const { api, t } = useSession();
  const w = t.workbench;
  const s = useStyles();
  const [busy, setBusy] = useState(false);
  const [held, setHeld] = useState<{ findings: CprFinding[]; fingerprint: string } | null>(null);

  const publish = async (confirmedCpr: string | null) => {
    setBusy(true);
    try {
      const answer = await api.post<Answer>(`/meetings/${meetingId}/publish`, { confirmedCpr });
      if ('held' in answer) {
        // Held again after "Udsend alligevel": the agenda changed since, and is shown as it is now.
        setHeld(answer.held);
        return;
      }
      setHeld(null);
      if (answer.kind === 'no_channel') return fail(w.noChannel);
      say(w.publishQueued(answer.posted, answer.updated));
      await onPublished();
    } catch {
      fail(w.errors.failed!);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="wb-publish-heading" className={s.stack}>
      <h3 id="wb-publish-heading" className={s.minor}>
        {w.publishHeading}
      </h3>
      <p className={s.muted} style={{ margin: 0 }}>
        {w.publishIntro}
      </p>
      {held ? (
        <CprFindings findings={held.findings} intro={w.publishCprIntro}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void publish(held.fingerprint)}
          >
            {w.publishAnyway}
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              setHeld(null);
              say(w.publishCancelled);
            }}
          >
            {w.publishCancel}
          </Button>
        </CprFindings>
      ) : (
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => void publish(null)}>
            {w.publish}
          </Button>
        </div>
      )}
    </section>
  );
}
