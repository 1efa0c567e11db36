// What an Adaptive Card shows and offers, read element by element, so a test asserts on
// the card's parts (its text blocks, its buttons' verbs, its inputs, its facts) rather
// than on a substring of its JSON, which also matches ids, data and template leftovers.
// A card is walked whole: body, actions, columns, containers, a ShowCard's own card and
// an ActionSet's actions. The Action.Submit fallback on every Action.Execute is left out
// (it repeats its Execute).

type Element = Record<string, unknown>;

export interface CardAction {
  type: string;
  title?: string;
  verb?: string;
  url?: string;
  data?: Record<string, unknown>;
}

export interface CardInput {
  type: string;
  id: string;
  label?: string;
  value?: unknown;
  choices?: Array<{ title: string; value: string }>;
}

export interface CardFact {
  title: string;
  value: string;
}

const isElement = (x: unknown): x is Element => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Accepts the card itself, an invoke's answer ({ value: card }) or an activity with the card as attachment. */
function cardOf(input: unknown): Element {
  if (typeof input === 'string') return cardOf(JSON.parse(input));
  if (!isElement(input)) throw new Error('not a card');
  if (input.type === 'AdaptiveCard') return input;
  if (isElement(input.value)) return cardOf(input.value);
  const attachments = input.attachments;
  if (Array.isArray(attachments)) {
    const card = attachments.find((a) => isElement(a) && a.contentType === 'application/vnd.microsoft.card.adaptive');
    if (isElement(card) && isElement(card.content)) return card.content;
  }
  throw new Error('no Adaptive Card in it');
}

/** Every element of the card, depth first in reading order (body before actions). */
export function elements(input: unknown): Element[] {
  const found: Element[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isElement(node)) return;
    if (node.type !== 'AdaptiveCard') found.push(node);
    for (const key of ['body', 'items', 'columns', 'actions', 'card', 'inlines', 'selectAction']) visit(node[key]);
  };
  visit(cardOf(input));
  return found;
}

/** The text the card shows: its TextBlocks and rich text runs, in reading order. */
export function texts(input: unknown): string[] {
  return elements(input).flatMap((e) => (e.type === 'TextBlock' || e.type === 'TextRun') && typeof e.text === 'string' ? [e.text] : []);
}

/**
 * All the shown text as one string, for a phrase inside a block: the card's text blocks and
 * facts, or the text of an invoke answered with a message instead of a card ('' for none).
 */
export function text(input: unknown): string {
  if (input == null) return '';
  // A card or an activity as JSON is read as such; any other string is a message's text.
  if (typeof input === 'string') return input.startsWith('{') ? text(JSON.parse(input)) : input;
  if (isElement(input) && typeof input.value === 'string') return input.value;
  if (isElement(input) && isElement(input.value) && typeof input.value.value === 'string') return input.value.value;
  return [...texts(input), ...facts(input).map((f) => `${f.title} ${f.value}`)].join('\n');
}

/** The card's buttons (Action.Execute, OpenUrl, ShowCard, ToggleVisibility …), in order. */
export function actions(input: unknown): CardAction[] {
  return elements(input)
    .filter((e) => typeof e.type === 'string' && e.type.startsWith('Action.'))
    .map((e) => ({
      type: e.type as string,
      ...(typeof e.title === 'string' ? { title: e.title } : {}),
      ...(typeof e.verb === 'string' ? { verb: e.verb } : {}),
      ...(typeof e.url === 'string' ? { url: e.url } : {}),
      ...(isElement(e.data) ? { data: e.data } : {}),
    }));
}

/** The verbs of the card's Action.Execute buttons, in order. */
export function verbs(input: unknown): string[] {
  return actions(input).flatMap((a) => (a.type === 'Action.Execute' && a.verb ? [a.verb] : []));
}

/** The titles of the card's buttons, in order. */
export function titles(input: unknown): string[] {
  return actions(input).flatMap((a) => (a.title ? [a.title] : []));
}

/** The Action.Execute button with this verb (the first, if several). */
export function action(input: unknown, verb: string): CardAction {
  const found = actions(input).find((a) => a.type === 'Action.Execute' && a.verb === verb);
  if (!found) throw new Error(`no button with the verb ${verb} (there are: ${verbs(input).join(', ') || 'none'})`);
  return found;
}

/** The card's inputs (Input.Text, Input.ChoiceSet, Input.Date …), in order. */
export function inputs(input: unknown): CardInput[] {
  return elements(input)
    .filter((e) => typeof e.type === 'string' && e.type.startsWith('Input.'))
    .map((e) => ({
      type: e.type as string,
      id: String(e.id),
      ...(typeof e.label === 'string' ? { label: e.label } : {}),
      ...('value' in e ? { value: e.value } : {}),
      ...(Array.isArray(e.choices) ? { choices: e.choices as CardInput['choices'] } : {}),
    }));
}

/** The input with this id. */
export function inputOf(card: unknown, id: string): CardInput {
  const found = inputs(card).find((i) => i.id === id);
  if (!found) throw new Error(`no input ${id} (there are: ${inputs(card).map((i) => i.id).join(', ') || 'none'})`);
  return found;
}

/** The facts of the card's FactSets, in order. */
export function facts(input: unknown): CardFact[] {
  return elements(input).flatMap((e) => (e.type === 'FactSet' && Array.isArray(e.facts) ? (e.facts as CardFact[]) : []));
}

/** The card's refresh: the verb Teams invokes to show each listed user their own version. */
export function refresh(input: unknown): { verb: string | null; userIds: string[] } | null {
  const card = cardOf(input);
  if (!isElement(card.refresh)) return null;
  const action = isElement(card.refresh.action) ? card.refresh.action : {};
  return { verb: typeof action.verb === 'string' ? action.verb : null, userIds: Array.isArray(card.refresh.userIds) ? (card.refresh.userIds as string[]) : [] };
}
