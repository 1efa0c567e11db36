import template from '../../cards/item-status.json';
import type { ItemStatusReport } from '../domain/agenda.service';
import type { Lang } from '../i18n/locale';
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
      name: o.name ?? t.noOrganisation,
      people: o.people.map((p) => ({
        name: p.name,
        answer: p.answer
          ? `${t.answers[p.answer.kind]}${p.answer.comment ? ` – «${p.answer.comment}»` : ''}`
          : t.statusMissing,
      })),
    })),
  });
}
