// Every text command: the *.command.ts modules of this folder, found on disk (src/bot/routes.ts).
import { discover, type Command } from '../routes';

let registry: readonly Command[] | null = null;

/** Every text command, highest priority first (then by id, so the order never depends on the disk). */
export function allCommands(): readonly Command[] {
  registry ??= discover<Command>(__dirname, '.command', 'command').sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  return registry;
}

/** The command the normalised text asks for: of those that match, the one of highest priority. */
export function findCommand(text: string): Command | undefined {
  return allCommands().find((c) => c.matches(text));
}

export function commandById(id: string): Command | undefined {
  return allCommands().find((c) => c.id === id);
}
