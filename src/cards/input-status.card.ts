import template from '../../cards/input-status.json';
import type { ResponseMatrix } from '../domain/input/input.service';
import { inert } from '../domain/shared/inert-text';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** "status input <titel>": per organisation, who has answered and who has not (secretariat). */
export function inputStatusCard(matrix: ResponseMatrix, lang: Lang, now: Date) {
  const t = messages(lang).inp;
  const { request, committee, rows, answered } = matrix;
  return renderCard(template, {
    heading: t.statusHeading(committee.name),
    title: inert(request.title),
    summary: t.statusSummary(answered, rows.length, formatDate(request.deadline, lang, committee.timeZone), request.status === 'open' && request.deadline > now),
    rows: rows.map((r) => ({
      organisation: r.organisation,
      who: r.answeredBy.length ? `✓ ${r.answeredBy.map(inert).join(', ')}` : t.notAnswered,
      color: r.answeredBy.length ? 'Good' : 'Attention',
    })),
  });
}
