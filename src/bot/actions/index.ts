import type { CardAction } from '../handler';
import { commandAction } from './command.action';
import { membersSaveAction } from './members-save.action';
import { setupImportRosterAction } from './setup-import-roster.action';
import { setupLinkAction } from './setup-link.action';

const all: readonly CardAction[] = [commandAction, setupLinkAction, setupImportRosterAction, membersSaveAction];

export function findAction(verb: string): CardAction | undefined {
  return all.find((a) => a.verb === verb);
}
