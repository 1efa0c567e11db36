// The secretariat's meeting page in sections one moves between (a tab list): the agenda as
// members read it, the preparation (Workbench: items, order, import, publish), the
// submitted topics to review, input, the attendance desk, the Referat and follow-up per
// item, and the minutes. Every change goes through the API to the bot's own domain
// services. The section chosen is the page's address (see ChannelTab), so a reload keeps it.
import type { KeyboardEvent, ReactNode } from 'react';
import { Button, tokens } from '@fluentui/react-components';
import type { MeetingPage } from '../../types';
import { useSession } from '../../ui';
import { MinutesSection } from './MinutesSection';
import { ReferatSection } from './ReferatSection';
import { TopicReview } from './TopicReview';
import { WorkbenchPanel } from './Workbench';

export const SECRETARIAT_SECTIONS = [
  'agenda',
  'preparation',
  'topics',
  'input',
  'attendance',
  'referat',
  'minutes',
] as const;
export type SecretariatSection = (typeof SECRETARIAT_SECTIONS)[number];

/** The section a name stands for; the agenda for any other name (or none). */
export function sectionOf(name: string | null | undefined): SecretariatSection {
  return (SECRETARIAT_SECTIONS as readonly string[]).includes(name ?? '')
    ? (name as SecretariatSection)
    : 'agenda';
}

/**
 * The tab list and the chosen section's panel. `shared` holds what members' page has too
 * (agenda, input, attendance), drawn by the meeting page itself.
 */
export function SecretariatWorkbench({
  page,
  section,
  onSection,
  shared,
  onChanged,
}: {
  page: MeetingPage;
  section: SecretariatSection;
  onSection: (section: SecretariatSection) => void;
  shared: Record<'agenda' | 'input' | 'attendance', ReactNode>;
  onChanged: () => void;
}) {
  const { t } = useSession();
  if (page.role !== 'secretariat') return null;
  const panel: Record<SecretariatSection, () => ReactNode> = {
    agenda: () => shared.agenda,
    preparation: () => <WorkbenchPanel meetingId={page.meeting.id} onChanged={onChanged} />,
    topics: () => <TopicReview page={page} onChanged={onChanged} />,
    input: () => shared.input,
    attendance: () => shared.attendance,
    referat: () => <ReferatSection page={page} />,
    minutes: () => <MinutesSection page={page} onChanged={onChanged} />,
  };
  // The WAI-ARIA tabs pattern with manual activation: Tab reaches the chosen section's tab,
  // the arrows (Home, End) move along the list, Enter or Space shows the section. Plain
  // buttons: Fluent's TabList puts focusable hidden elements around it, which axe refuses.
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (at < 0 || to < 0) return;
    event.preventDefault();
    tabs[to]!.focus();
  };
  return (
    <>
      {/* Seven sections at 320 px: the list wraps onto a second line instead of scrolling. */}
      <div
        role="tablist"
        aria-label={t.pageSectionsLabel}
        onKeyDown={move}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 2,
          borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
        }}
      >
        {SECRETARIAT_SECTIONS.map((id) => {
          const selected = id === section;
          return (
            <Button
              key={id}
              id={`section-tab-${id}`}
              role="tab"
              aria-selected={selected}
              aria-controls={`section-${id}`}
              tabIndex={selected ? 0 : -1}
              appearance="subtle"
              size="small"
              onClick={() => onSection(id)}
              style={{
                borderRadius: 0,
                fontWeight: selected ? 600 : 400,
                borderBottom: `3px solid ${selected ? tokens.colorCompoundBrandStroke : 'transparent'}`,
              }}
            >
              {t.pageSections[id]}
            </Button>
          );
        })}
      </div>
      <div role="tabpanel" id={`section-${section}`} aria-labelledby={`section-tab-${section}`}>
        {panel[section]()}
      </div>
    </>
  );
}
