// CPR-like numbers found in what is about to leave: where each stands and the number
// masked (never in full), as the bot's warning card shows them.
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { CprFinding } from '../../types';
import { useSession, useStyles } from '../../ui';

export function CprFindings({
  findings,
  intro,
  children,
}: {
  findings: CprFinding[];
  intro: string;
  children: ReactNode;
}) {
  const { t } = useSession();
  const s = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t.workbench.cprHeading}</MessageBarTitle>
        <p style={{ margin: '4px 0' }}>{intro}</p>
        <div className={s.tableWrap}>
          <table className={s.table}>
            <thead>
              <tr>
                <th scope="col">{t.workbench.cprWhere}</th>
                <th scope="col">{t.workbench.cprNumber}</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((f, i) => (
                <tr key={`${f.where}-${i}`}>
                  <td>{f.where}</td>
                  <td>{f.masked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className={s.row} style={{ marginTop: 8 }}>
          {children}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
