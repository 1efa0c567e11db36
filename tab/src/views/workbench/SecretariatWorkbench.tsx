// The secretariat's part of the channel tab's meeting page (only for its role): prepare
// the agenda (Workbench: items, order, import, publish), review the submitted topics,
// write the Referat and its follow-up per item, and build, publish and correct the
// minutes. Every change goes through the API to the bot's own domain services.
import type { MeetingPage } from '../../types';
import { MinutesSection } from './MinutesSection';
import { ReferatSection } from './ReferatSection';
import { TopicReview } from './TopicReview';
import { WorkbenchPanel } from './Workbench';

export function SecretariatWorkbench({
  page,
  onChanged,
}: {
  page: MeetingPage;
  onChanged: () => void;
}) {
  if (page.role !== 'secretariat') return null;
  return (
    <>
      <WorkbenchPanel meetingId={page.meeting.id} onChanged={onChanged} />
      <TopicReview page={page} onChanged={onChanged} />
      <ReferatSection page={page} />
      <MinutesSection page={page} onChanged={onChanged} />
    </>
  );
}
