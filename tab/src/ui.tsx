// Pieces every screen shares: the words in context, the messages, the answer chart.
import { createContext, useContext, useId, type CSSProperties, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Api } from './api';
import { ApiError } from './api';
import { words, type Lang, type PositionKind, type Words } from './i18n';

export interface Session {
  api: Api;
  lang: Lang;
  t: Words;
  /** Opens a link the Teams way (a deep link stays in Teams). */
  openLink(url: string): void;
  /** The channel's deep-link parts, for links to an item's card. */
  deepLinks: { channelId: string | null; teamGroupId: string | null };
}

export const SessionContext = createContext<Session>({
  api: {
    get: () => Promise.reject(new Error('no api')),
    put: () => Promise.reject(new Error('no api')),
    post: () => Promise.reject(new Error('no api')),
    delete: () => Promise.reject(new Error('no api')),
    upload: () => Promise.reject(new Error('no api')),
    getIfChanged: () => Promise.reject(new Error('no api')),
  },
  lang: 'da',
  t: words('da'),
  openLink: () => undefined,
  deepLinks: { channelId: null, teamGroupId: null },
});

export const useSession = () => useContext(SessionContext);

export const useStyles = makeStyles({
  page: {
    padding: '12px 16px 32px',
    maxWidth: '960px',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
  },
  stack: { display: 'flex', flexDirection: 'column', rowGap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: '8px', rowGap: '8px', alignItems: 'center' },
  section: { marginTop: '20px' },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: '20px' },
  plainList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
  },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: '4px 8px 4px 0',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: 'top',
    },
  },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
  summary: { cursor: 'pointer', padding: '4px 0', color: tokens.colorNeutralForeground2 },
  bar: {
    display: 'flex',
    height: '12px',
    width: '100%',
    borderRadius: '6px',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground4,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '12px',
    rowGap: '4px',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginRight: '4px',
    borderRadius: '2px',
    forcedColorAdjust: 'none',
  },
  heading: {
    margin: '0 0 8px',
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: '0 0 6px',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** Read by screen readers, not shown. */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  /** The side panel's item under discussion: set apart by a bar in the brand colour. */
  current: {
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 8px 8px 12px',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  agendaRow: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '6px',
    alignItems: 'center',
    padding: '4px 8px',
    borderLeft: '4px solid transparent',
  },
  agendaCurrent: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '6px',
    alignItems: 'center',
    padding: '4px 8px',
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  minor: {
    margin: '8px 0 4px',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** A form on a card, named by its heading (h3) for screen readers; submitting runs `submit`, never a page load. */
export function HeadedForm({
  heading,
  submit,
  id,
  style,
  children,
}: {
  heading: string;
  submit: () => Promise<void>;
  id?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const s = useStyles();
  const headingId = useId();
  return (
    <form
      id={id}
      className={`${s.card} ${s.stack}`}
      style={style}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => (e.preventDefault(), void submit())}
    >
      <h3 id={headingId} className={s.minor} style={{ marginTop: 0 }}>
        {heading}
      </h3>
      {children}
    </form>
  );
}

export function Loading() {
  const { t } = useSession();
  return <Spinner size="small" label={t.loading} />;
}

/** A refusal or failure in words, with a way to try again where that may help. */
export function Problem({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useSession();
  const status = error instanceof ApiError ? error.status : 0;
  const text =
    status === 404
      ? t.notFound
      : status === 409
        ? t.tooLate
        : status === 403
          ? t.forbidden
          : t.loadFailed;
  return (
    <MessageBar
      intent={status === 404 || status === 403 || status === 409 ? 'warning' : 'error'}
      role="alert"
    >
      <MessageBarBody>
        {text}{' '}
        {retry && status !== 404 && (
          <Button size="small" onClick={retry}>
            {t.retry}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({
  intent,
  children,
}: {
  intent: 'info' | 'warning' | 'error' | 'success';
  children: ReactNode;
}) {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

const ORDER: PositionKind[] = ['can_approve', 'acknowledged', 'wants_discussion', 'cannot_approve'];
/** Fluent's status colours: they keep their contrast in every theme; high contrast draws its own. */
export const KIND_COLOUR: Record<PositionKind, string> = {
  can_approve: tokens.colorPaletteGreenBackground3,
  acknowledged: tokens.colorPaletteBlueBorderActive,
  wants_discussion: tokens.colorPaletteYellowBackground3,
  cannot_approve: tokens.colorPaletteRedBackground3,
};

/** The answers to an item as one stacked bar, read out as its numbers; the legend says the same in text. */
export function AnswerChart({
  kinds,
  tally,
  people,
}: {
  kinds: readonly PositionKind[];
  tally: Record<PositionKind, number>;
  people: number;
}) {
  const s = useStyles();
  const { t } = useSession();
  const shown = ORDER.filter((k) => kinds.includes(k));
  const answered = shown.reduce((n, k) => n + tally[k], 0);
  const total = Math.max(people, answered, 1);
  const parts = [
    ...shown.map((k) => `${t.answers[k]} ${tally[k]}`),
    `${t.notAnswered} ${Math.max(people - answered, 0)}`,
  ];
  return (
    <div className={s.stack}>
      <div className={s.bar} role="img" aria-label={t.chart(parts.join(', '))}>
        {shown.map((k) =>
          tally[k] ? (
            <span
              key={k}
              style={{
                width: `${(tally[k] / total) * 100}%`,
                backgroundColor: KIND_COLOUR[k],
                forcedColorAdjust: 'none',
              }}
            />
          ) : null,
        )}
      </div>
      <ul className={s.legend} aria-hidden="true">
        {shown.map((k) => (
          <li key={k}>
            <span className={s.swatch} style={{ backgroundColor: KIND_COLOUR[k] }} />
            {t.answers[k]}: {tally[k]}
          </li>
        ))}
        <li>
          {t.notAnswered}: {Math.max(people - answered, 0)}
        </li>
      </ul>
    </div>
  );
}

/** A table of rows by organisation, captioned "Fordelt på organisation", scrolling sideways on its own when narrow. */
export function ByOrganisationTable({
  columns,
  children,
}: {
  columns: readonly string[];
  children: ReactNode;
}) {
  const s = useStyles();
  const { t } = useSession();
  return (
    <div className={s.tableWrap}>
      <table className={s.table}>
        <caption className={s.muted} style={{ textAlign: 'left' }}>
          {t.byOrganisation}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
