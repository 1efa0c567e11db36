// The routes as declared: every phrase reaches the command meant, none is claimed by two
// commands of the same priority, every verb a card names has an action and every action a
// card that names it, and the help card lists what the commands declare.
import fs from 'node:fs';
import path from 'node:path';
import { allActions, findAction } from '../../src/bot/actions';
import { allCommands, commandById, findCommand } from '../../src/bot/commands';
import { helpLines } from '../../src/bot/commands/help.command';
import { normalise } from '../../src/bot/text';
import { messages } from '../../src/i18n/messages';

const root = path.join(__dirname, '..', '..');

/** Phrases as people type them, and the command each must reach. */
const PHRASES: Record<string, readonly string[]> = {
  help: ['hjælp', 'Help', 'hvad kan du?', 'kommandoer'],
  greeting: ['hej', 'Hej Dagsorden', 'good morning'],
  thanks: ['tak', 'Tusind tak!', 'thank you'],
  agenda: ['dagsorden', 'dagsordenen', 'the agenda'],
  deadline: ['frist', 'fristen', 'deadline for topics'],
  'my-digest': ['opsummering', 'min opsummering', 'my digest'],
  'my-attendance': ['afbud', 'meld afbud', 'stedfortræder', 'send apologies'],
  'next-meeting': ['næste møde', 'Hvornår er næste møde?', 'next meeting', 'møde', 'status punkt 1.2 næste møde', 'beslutninger om næste møde'],
  members: ['medlemmer', 'deltagere', 'members', 'medlemmer side 2', 'members page 3'],
  setup: ['opsætning', 'opsaetning', 'settings'],
  language: ['sprog', 'sprog engelsk', 'language danish'],
  'import-document': ['importer dagsorden', 'importer referat', 'import agenda'],
  'publish-agenda': ['udsend dagsorden', 'publicer dagsordenen', 'publish the agenda'],
  'item-status': ['status punkt 1.2', 'status item 3'],
  'edit-item': ['rediger punkt 1.2', 'ret punkt 2', 'nyt punkt', 'edit item 4'],
  digest: ['stop opsummering', 'start opsummeringer', 'stop digests'],
  'submit-topic': ['indmeld punkt', 'meld et punkt ind', 'submit a topic'],
  submissions: ['indmeldte punkter', 'indmeldinger', 'submissions'],
  'request-input': ['indhent input', 'bed om input', 'request input'],
  'input-status': ['status input takstaftalen', 'input status'],
  'compile-input': ['saml input takstaftalen', 'compile input'],
  'record-decision': ['referat punkt 1.2', 'beslutning punkt 3', 'minutes item 2'],
  minutes: ['referat', 'referatet', 'udkast til referat', 'minutes'],
  'approve-minutes': ['godkend referat', 'udsend referatet', 'approve the minutes'],
  'correct-minutes': ['ret referat punkt 2 skal stå som udsat', 'correct minutes'],
  decisions: ['beslutninger', 'beslutninger takstaftalen', 'søg beslutninger', 'decisions'],
  'my-actions': ['mine opgaver', 'alle opgaver', 'my open actions'],
  calendar: ['kalender', 'mødekalender', 'ics', 'calendar'],
  'new-feed-address': ['ny kalenderadresse', 'new calendar link'],
  'new-meeting': ['nyt møde', 'opret et møde', 'create meeting'],
  attendance: ['fremmøde', 'fremmøde 12. januar', 'attendance'],
  'date-poll': ['datoafstemning', 'ny dato afstemning', 'date poll'],
};

/** Every phrase the help card and the manifest teach ("referat · godkend referat · ret referat [hvad]" is three). */
function taught(): string[] {
  const fromHelp = (['da', 'en'] as const).flatMap((lang) => helpLines(lang).flatMap((l) => l.text.split(' · ')));
  const fromManifest = allCommands().flatMap((c) => (c.manifest ?? []).flatMap((m) => [m.da.title, m.en.title]));
  return [...fromHelp, ...fromManifest].map((p) => p.replace(/\s*\[[^\]]*\]/g, '').trim());
}

describe('the command registry', () => {
  it('finds every *.command.ts module, each id once', () => {
    const files = fs.readdirSync(path.join(root, 'src/bot/commands')).filter((f) => f.endsWith('.command.ts'));
    expect(allCommands().length).toBeGreaterThanOrEqual(files.length);
    const ids = allCommands().map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every command has phrases here: a new one must say what reaches it.
    expect(Object.keys(PHRASES).sort()).toEqual([...ids].sort());
  });

  it.each(Object.entries(PHRASES).flatMap(([id, phrases]) => phrases.map((p) => [p, id] as const)))('"%s" reaches %s', (phrase, id) => {
    expect(findCommand(normalise(phrase))?.id).toBe(id);
  });

  it('claims no phrase by two commands of the same priority (the order of the files never decides)', () => {
    const samples = [...Object.values(PHRASES).flat(), ...taught()];
    // The commands that take any words after their own, with a question about the meeting after them.
    samples.push(...samples.map((p) => `${p} næste møde`), ...samples.map((p) => `${p} punkt 1.2`));
    const ambiguous = samples
      .map((p) => normalise(p))
      .map((text) => ({ text, hits: allCommands().filter((c) => c.matches(text)) }))
      .filter(({ hits }) => hits.length > 1 && hits[0]!.priority === hits[1]!.priority)
      .map(({ text, hits }) => `${text}: ${hits.map((c) => c.id).join(', ')}`);
    expect(ambiguous).toEqual([]);
  });

  it("reaches a command by every title Teams' compose box offers, in both languages the same", () => {
    for (const c of allCommands()) {
      for (const m of c.manifest ?? []) {
        expect(findCommand(normalise(m.da.title))?.id).toBe(c.id);
        expect(findCommand(normalise(m.en.title))?.id).toBe(c.id);
      }
    }
  });
});

describe('the help card', () => {
  it("lists the commands' own lines, members' questions first, help last but the note on plain words", () => {
    const lines = helpLines('da');
    const t = messages('da');
    expect(lines[0]).toEqual(t.commands.nextMeeting);
    expect(lines.at(-1)).toEqual(t.commands.help);
    expect(lines.indexOf(t.commands.publishAgenda)).toBeGreaterThan(lines.indexOf(t.words.commands.agenda));
    // One line per help entry the commands declare, none twice.
    expect(lines).toHaveLength(allCommands().flatMap((c) => c.help ?? []).length);
    expect(new Set(lines.map((l) => l.text)).size).toBe(lines.length);
    expect(helpLines('en')[0]).toEqual(messages('en').commands.nextMeeting);
  });
});

/** The verbs card templates and the card data the bot builds name: JSON templates and `{ verb: '…', data }` in code. */
function verbsInTemplates(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (verb: string, file: string) => found.set(verb, [...(found.get(verb) ?? []), file]);
  for (const f of fs.readdirSync(path.join(root, 'cards')).filter((n) => n.endsWith('.json'))) {
    for (const m of fs.readFileSync(path.join(root, 'cards', f), 'utf8').matchAll(/"verb":\s*"([^"$]+)"/g)) add(m[1]!, `cards/${f}`);
  }
  const code = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? code(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  for (const f of [...code('src/cards'), ...code('src/bot')]) {
    // An action's own declaration names its verb; that is no card.
    const text = fs.readFileSync(path.join(root, f), 'utf8').replace(/defineAction\(\{\s*verb:\s*'[^']+'/g, '');
    for (const m of text.matchAll(/verb:\s*'([^']+)',\s*data\b/g)) add(m[1]!, f);
  }
  return found;
}

describe('card verbs', () => {
  const templates = verbsInTemplates();

  it('finds the verbs (the scan is not empty)', () => {
    expect(templates.get('position')).toEqual(['cards/agenda-item.json']);
    expect(templates.get('cpr-cancel')).toContain('src/bot/cpr-hold.ts');
  });

  it('has an action for every verb a card names', () => {
    const orphans = [...templates].filter(([verb]) => !findAction(verb)).map(([verb, files]) => `${verb} (${files.join(', ')})`);
    expect(orphans).toEqual([]);
  });

  it('has a card naming every action', () => {
    expect(allActions().filter((a) => !templates.has(a.verb)).map((a) => a.verb)).toEqual([]);
  });

  it('names verbs in kebab-case, once each; the dotted ones of posted cards reach the same action', () => {
    const verbs = allActions().map((a) => a.verb);
    expect(verbs.filter((v) => !/^[a-z]+(-[a-z]+)*$/.test(v))).toEqual([]);
    expect(new Set(verbs).size).toBe(verbs.length);
    for (const [old, now] of [
      ['members.save', 'members-save'],
      ['setup.link', 'setup-link'],
      ['setup.import-roster', 'setup-import-roster'],
      ['words.cancel', 'words-cancel'],
    ] as const) {
      expect(findAction(now)?.verb).toBe(now);
      expect(findAction(old)).toBe(findAction(now));
    }
  });

  it('lets every command button reach a command', () => {
    expect(commandById('next-meeting')?.id).toBe('next-meeting');
    expect(commandById('no-such-command')).toBeUndefined();
  });
});
