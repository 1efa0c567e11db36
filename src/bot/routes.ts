// Routes declared where they are written: a text command or a card action is one module
// (`*.command.ts`, `*.action.ts`) whose export is made with defineCommand / defineAction.
// The registries (commands/index.ts, actions/index.ts) find them on disk, so adding one
// touches no list; what a route declares (its help, its data, who may use it) is read
// from here by the router, the help card, the manifest's command lists and the tests.
import type { z } from 'zod';
import { discover as discoverModules } from '../discover';
import type { Committee, Member } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import type { ActionResult, CommandArgs, HandlerContext } from './handler';

const ROUTE = Symbol('route');

/** One line of the help card. */
export interface HelpLine {
  text: string;
  description: string;
}

/** A Teams scope a command is offered in (the manifest's command lists). */
export type ManifestScope = 'team' | 'groupChat' | 'personal';

/** A command as the Teams compose box suggests it: at most 10 per scope, titles the bot understands. */
export interface ManifestEntry {
  scopes: readonly ManifestScope[];
  da: { title: string; description: string };
  en: { title: string; description: string };
}

/** A line of the help card and its place there: members' everyday questions first, the secretariat's tools after. */
export interface HelpEntry {
  order: number;
  line: (lang: Lang) => HelpLine;
}

export interface CommandDefinition {
  /** Stable id: buttons (`command` action), the intent model and the logs reach the command by it. */
  id: string;
  /**
   * True when the normalised text asks for this command. Among several that match, the
   * highest priority wins (default 0): "referat punkt 1.2" is record-decision's (1), not minutes' (0).
   */
  matches(text: string): boolean;
  priority?: number;
  /** The help card's line(s); none for small talk (hej, tak). The first one's order places it in the manifest too. */
  help?: readonly HelpEntry[];
  /** Offered in Teams' compose box (appPackage/manifest.json, written by `npm run manifest`). */
  manifest?: readonly ManifestEntry[];
  /** committeeId is set when a button already chose the committee; args when words or a button named more. */
  run(h: HandlerContext, options: { committeeId?: string; args?: CommandArgs }): Promise<void>;
}

export type Command = Readonly<CommandDefinition> & {
  readonly priority: number;
  readonly [ROUTE]: 'command';
};

export function defineCommand(definition: CommandDefinition): Command {
  return Object.freeze({
    ...definition,
    priority: definition.priority ?? 0,
    [ROUTE]: 'command' as const,
  });
}

/** Where card data points at the committee it concerns. */
export type CommitteeRef = { committeeId: string } | { meetingId: string };

/**
 * Who may click. 'service': the data names something (an item, a submission, a poll …) whose
 * committee only the domain service looks up, and that service refuses non-members and
 * wrong roles itself. 'anyone': nothing of a committee is read or changed (a "Nej" button,
 * a button that runs a text command, which checks like typed text). Otherwise the router
 * looks up the committee the data names and the clicker's membership with the committee
 * service's own getForMember / getForRole before the action runs, and hands both on; the
 * services the action calls keep their checks.
 */
export type ActionAccess<D> =
  'service' | 'anyone' | { role: 'member' | 'secretariat'; committee: (data: D) => CommitteeRef };

/** What an invalid card gets: one refusal for all (default), nothing (a refresh Teams asks for unseen), or "unknown button". */
export type OnInvalid = 'refuse' | 'silent' | 'unknown';

/** The committee and membership the router checked, when the action declared a role. */
export interface Checked {
  committee: Committee;
  member: Member;
}

export interface ActionDefinition<S extends z.ZodType, R extends ActionAccess<z.output<S>>> {
  /** kebab-case. */
  verb: string;
  /** Verbs of earlier versions: cards already posted in channels still carry them. */
  aliases?: readonly string[];
  /** The card's data without the verb. Validated once by the router; never trusted for identity. */
  data: S;
  onInvalid?: OnInvalid;
  roles: R;
  /** `checked` is the committee and membership the router checked, when `roles` names a role. */
  run(
    h: HandlerContext,
    data: z.output<S>,
    checked: R extends 'service' | 'anyone' ? null : Checked,
  ): Promise<ActionResult>;
}

export interface CardAction {
  readonly verb: string;
  readonly aliases: readonly string[];
  readonly data: z.ZodType;
  readonly onInvalid: OnInvalid;
  readonly roles: ActionAccess<never>;
  run(h: HandlerContext, data: unknown, checked: Checked | null): Promise<ActionResult>;
  readonly [ROUTE]: 'action';
}

export function defineAction<S extends z.ZodType, const R extends ActionAccess<z.output<S>>>(
  definition: ActionDefinition<S, R>,
): CardAction {
  return Object.freeze({
    ...definition,
    aliases: definition.aliases ?? [],
    onInvalid: definition.onInvalid ?? 'refuse',
    roles: definition.roles as ActionAccess<never>,
    run: definition.run as CardAction['run'],
    [ROUTE]: 'action' as const,
  });
}

function isRoute(value: unknown, kind: 'command' | 'action'): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[ROUTE] === kind
  );
}

/** Every command or action exported by `dir`'s `*<suffix>` modules (src/discover.ts). */
export function discover<T>(dir: string, suffix: string, kind: 'command' | 'action'): T[] {
  return discoverModules<T>(dir, suffix, (value) => isRoute(value, kind));
}
