import template from '../../cards/item-status.json';
import type { ItemStatusReport } from '../domain/agenda/agenda.service';
import type { Lang } from '../i18n/locale';
import { inert } from '../domain/shared/inert-text';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** "status punkt 1.2": who answered what, and who has not, by organisation. */
export function itemStatusCard(report: ItemStatusReport, lang: Lang) {
  const t = messages(lang);
  const { item } = report;
  const people = report.organisations.flatMap((o) => o.people);
  const answered = people.filter((p) => p.answer).length;
  return renderCard(template, {
    heading: t.statusHeading(report.committee.name),
    itemId: item.id,
    recordLabel: t.min.recordButton,
    title: `${item.number} ${item.title}`,
    summary: t.statusSummary(answered, people.length),
    tally: item.section === 'decision' ? t.tallyDecision(item.tally) : t.tallyAcknowledged(item.tally.acknowledged),
    organisations: report.organisations.map((o) => ({
      name: o.name ? inert(o.name) : t.noOrganisation,
      people: o.people.map((p) => ({
        name: inert(p.name),
        // A member's comment is their words: it cannot pose as another's answer or a heading.
        answer: p.answer
          ? `${t.answers[p.answer.kind]}${p.answer.comment ? ` – «${inert(p.answer.comment)}»` : ''}`
          : t.statusMissing,
      })),
    })),
  });
}
