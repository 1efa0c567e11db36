// Every card action: the *.action.ts modules of this folder, found on disk (src/bot/routes.ts).
import { discover, type CardAction } from '../routes';

let registry: ReadonlyMap<string, CardAction> | null = null;

/** Every card action, once each. */
export function allActions(): readonly CardAction[] {
  return [...new Set(byVerb().values())];
}

function byVerb(): ReadonlyMap<string, CardAction> {
  if (!registry) {
    const map = new Map<string, CardAction>();
    for (const action of discover<CardAction>(__dirname, '.action', 'action')) {
      for (const verb of [action.verb, ...action.aliases]) {
        if (map.has(verb)) throw new Error(`two card actions answer the verb "${verb}"`);
        map.set(verb, action);
      }
    }
    registry = map;
  }
  return registry;
}

/** The action for a verb, or one of its earlier names. */
export function findAction(verb: string): CardAction | undefined {
  return byVerb().get(verb);
}
