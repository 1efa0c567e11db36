import template from '../../cards/item-edit.json';
import type { ItemEditView } from '../domain/agenda/agenda.service';
import type { SectionKind } from '../domain/shared/types';
import { formatMeetingWhen } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

const SECTIONS: readonly SectionKind[] = ['decision', 'information', 'upcoming', 'written', 'other'];

/** The form to create, change, renumber or move an item (secretariat). */
export function itemEditCard(view: ItemEditView, lang: Lang, outcome = '') {
  const t = messages(lang);
  const { item, committee } = view;
  const tz = committee.timeZone;
  return renderCard(template, {
    heading: item ? t.editHeading(committee.name) : t.editHeadingNew(committee.name),
    title: item ? `${item.number} ${item.title}` : t.editTitleNew,
    itemId: item?.id ?? '',
    numberLabel: t.editNumber,
    number: item?.number ?? '',
    numberPlaceholder: t.editNumberPlaceholder,
    numberError: t.editNumberError,
    sectionLabel: t.editSection,
    section: item?.section ?? 'decision',
    sections: SECTIONS.map((value) => ({ value, title: t.sectionSingular[value] })),
    titleLabel: t.editTitle,
    itemTitle: item?.title ?? '',
    titleError: t.editTitleError,
    presenterLabel: t.editPresenter,
    presenter: item?.presenter ?? '',
    introLabel: t.editIntro,
    recommendationIntro: item?.recommendationIntro ?? '',
    recommendationsLabel: t.editRecommendations,
    recommendations: (item?.recommendations ?? []).join('\n'),
    caseLabel: t.caseLabel,
    caseText: item?.caseText ?? '',
    meetingLabel: t.editMeeting,
    meetingId: view.meetingId,
    meetings: view.meetings.map((m) => ({ value: m.id, title: formatMeetingWhen(m.startsAt, m.endsAt, lang, tz) })),
    outcome,
    saveLabel: t.editSave,
  });
}
