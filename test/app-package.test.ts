// The Teams app package: appPackage/manifest.json and en.json against the official
// schemas bundled in @microsoft/app-manifest (offline), the icons, the Danish command
// lists, and the zip that `npm run package` builds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { allCommands, findCommand } from '../src/bot/commands';
import { normalise } from '../src/bot/text';
import {
  AppPackageError,
  buildAppPackage,
  commandLists,
  bundledSchemaVersions,
  findPlaceholders,
  iconProblems,
  loadEnvVars,
  parseEnvFile,
  substitutePlaceholders,
  UnresolvedPlaceholderError,
  validateLocalization,
  validateManifest,
  withCommandLists,
} from '../scripts/app-package';

const root = path.join(__dirname, '..');
const appPackageDir = path.join(root, 'appPackage');
const manifestText = fs.readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
const enText = fs.readFileSync(path.join(appPackageDir, 'en.json'), 'utf8');

const TEST_VARS = {
  TEAMS_APP_ID: '0b7d8a52-3c1e-4f6a-9d2b-5e8f1a4c7b90',
  BOT_ID: '6e2f9c41-8b3d-4a7e-b1c5-2d9f0e8a6c13',
  BOT_DOMAIN: 'dagsorden.example.dk',
};

interface Command {
  title: string;
  description?: string;
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  developer: Record<string, string>;
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    commandLists: { scopes: string[]; commands: Command[] }[];
  }[];
  permissions: string[];
  accentColor: string;
}

function manifest(vars: Record<string, string> = TEST_VARS): Manifest {
  const { text, unresolved } = substitutePlaceholders(manifestText, vars);
  expect(unresolved).toEqual([]);
  return JSON.parse(text) as Manifest;
}

describe('manifest.json', () => {
  it('uses only the Toolkit placeholders TEAMS_APP_ID, BOT_ID and BOT_DOMAIN', () => {
    expect(findPlaceholders(manifestText).sort()).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
    expect(findPlaceholders(enText)).toEqual([]);
  });

  it('is valid against the bundled official schema of its manifestVersion', () => {
    const m = manifest();
    expect(bundledSchemaVersions()).toContain(m.manifestVersion);
    expect(m.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(validateManifest(m)).toEqual([]);
  });

  it('uses the newest bundled GA schema version', () => {
    const ga = bundledSchemaVersions().filter((v) => v !== 'devPreview');
    expect(manifest().manifestVersion).toBe(ga[ga.length - 1]);
  });

  it('is rejected by the schema when the ids are not GUIDs', () => {
    const errors = validateManifest(manifest({ ...TEST_VARS, TEAMS_APP_ID: 'not-a-guid', BOT_ID: 'x' }));
    expect(errors.some((e) => e.startsWith('/id '))).toBe(true);
    expect(errors.some((e) => e.startsWith('/bots/0/botId '))).toBe(true);
  });

  it('declares the tabs on the built pages: "Mine møder" beside the chat, the channel tab with its configuration page, and SSO for the same app and host', () => {
    const m = manifest() as unknown as {
      staticTabs: Array<{ entityId: string; name?: string; contentUrl?: string; scopes: string[] }>;
      configurableTabs: Array<{ configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; meetingSurfaces?: string[]; context: string[] }>;
      webApplicationInfo: { id: string; resource: string };
      validDomains: string[];
    };
    // The bot's chat stays the personal app's first tab; "Mine møder" comes beside it.
    expect(m.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'mine-moeder', name: 'Mine møder', contentUrl: 'https://dagsorden.example.dk/tab/index.html?view=personal', scopes: ['personal'] },
    ]);
    expect(m.configurableTabs).toEqual([
      {
        configurationUrl: 'https://dagsorden.example.dk/tab/index.html?view=config',
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        // In a Teams meeting the same configuration page picks the committee meeting, and the tab is its side panel too.
        meetingSurfaces: ['sidePanel'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel'],
      },
    ]);
    // Every page the tabs open is the built front end's, on the one valid domain (test/tab/ opens the same URLs).
    for (const url of [m.staticTabs[1]!.contentUrl!, m.configurableTabs[0]!.configurationUrl]) {
      expect(new URL(url).host).toBe(m.validDomains[0]);
      expect(new URL(url).pathname).toBe('/tab/index.html');
    }
    expect(m.webApplicationInfo).toEqual({ id: TEST_VARS.BOT_ID, resource: `api://dagsorden.example.dk/${TEST_VARS.BOT_ID}` });
    expect(m.validDomains).toEqual(['dagsorden.example.dk']);
    expect(JSON.parse(enText)['staticTabs[1].name']).toBe('My meetings');
  });

  it('has the Entra app expose access_as_user at the same resource, pre-authorised for Teams', () => {
    const aad = JSON.parse(fs.readFileSync(path.join(root, 'aad.manifest.json'), 'utf8')) as {
      identifierUris: string[];
      oauth2Permissions: Array<{ value: string; id: string; type: string }>;
      preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
    };
    expect(aad.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{BOT_ID}}']);
    expect(JSON.parse(manifestText).webApplicationInfo.resource).toBe(aad.identifierUris[0]);
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user')!;
    expect(scope.type).toBe('User');
    // Teams desktop and mobile, Teams on the web.
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']);
    expect(aad.preAuthorizedApplications.every((a) => a.permissionIds.includes(scope.id))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'teamsapp.yml'), 'utf8')).toMatch(/uses: aadApp\/update\n\s+with:\n\s+manifestPath: \.\/aad\.manifest\.json/);
  });

  it('describes Dagsorden in Danish within the limits', () => {
    const m = manifest();
    expect(m.name).toEqual({ short: 'Dagsorden', full: 'Dagsorden – møder i styregruppen' });
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.description.full.length).toBeLessThanOrEqual(4000);
    for (const phrase of [
      'kort',
      'før fristen',
      'input til dialogmøder',
      'Tilkendegivelser og kvitteringer',
      'Beslutninger og referat',
      'Outlook',
      'Før hvert møde kommer en opsummering',
      'hvornår er næste møde?',
    ]) {
      expect(m.description.full).toContain(phrase);
    }
    expect(m.localizationInfo.defaultLanguageTag).toBe('da-dk');
    expect(m.accentColor).toBe('#1F4E79');
    expect(m.permissions).toEqual(['identity', 'messageTeamMembers']);
    for (const url of Object.values(m.developer).filter((v) => v.includes('://'))) {
      expect(url).toMatch(/^https:\/\//);
      expect(url).not.toMatch(/example\.com/);
    }
  });

  it('declares the bot for team, group chat and personal scope, with files', () => {
    const [bot, ...others] = manifest().bots;
    expect(others).toEqual([]);
    expect(bot?.botId).toBe(TEST_VARS.BOT_ID);
    expect(bot?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot?.supportsFiles).toBe(true);
  });

  describe('command lists', () => {
    const lists = manifest().bots[0]?.commandLists ?? [];
    it('has one list per scope, with only commands the bot understands, in both languages', () => {
      expect(lists.map((l) => l.scopes)).toEqual([['team'], ['groupChat'], ['personal']]);
      const english = JSON.parse(fs.readFileSync(path.join(root, 'appPackage/en.json'), 'utf8'));
      lists.forEach((list, i) => {
        const titles = list.commands.map((c) => c.title);
        expect(titles).toEqual(expect.arrayContaining(['næste møde', 'hjælp']));
        expect(new Set(titles).size).toBe(titles.length);
        list.commands.forEach((c, j) => {
          expect(findCommand(normalise(c.title))).toBeDefined();
          expect(findCommand(normalise(english[`bots[0].commandLists[${i}].commands[${j}].title`]))).toBe(
            findCommand(normalise(c.title)),
          );
        });
      });
      expect(lists[0]?.commands.map((c) => c.title)).toContain('opsætning');
    });

    it("are the commands' own declarations (npm run manifest writes them)", () => {
      const generated = commandLists(allCommands());
      const english = JSON.parse(enText) as Record<string, string>;
      const parsed = JSON.parse(manifestText) as Record<string, unknown>;
      expect(lists).toEqual(generated.lists);
      expect(withCommandLists(parsed, english, generated)).toEqual({ manifest: parsed, english });
      // The generation is not vacuous: a command offered in the personal chat is in that list.
      expect(generated.lists[2]?.commands.map((c) => c.title)).toContain('importer dagsorden');
    });

    it('stays within the limits (≤ 10 commands, short titles and descriptions)', () => {
      for (const list of lists) {
        expect(list.commands.length).toBeLessThanOrEqual(10);
        for (const c of list.commands) {
          expect(c.title.length).toBeLessThanOrEqual(32);
          expect(c.description?.length ?? 0).toBeGreaterThan(0);
          expect(c.description?.length ?? 0).toBeLessThanOrEqual(128);
        }
      }
    });
  });
});

describe('en.json (English localization)', () => {
  const en = JSON.parse(enText) as Record<string, string>;

  it('is valid against the bundled localization schema and referenced from the manifest', () => {
    const m = manifest();
    expect(m.localizationInfo.additionalLanguages).toEqual([
      { languageTag: 'en', file: 'en.json' },
    ]);
    expect(en.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    );
    expect(validateLocalization(en, m.manifestVersion)).toEqual([]);
    expect(en['description.short']?.length).toBeLessThanOrEqual(80);
  });

  it("translates exactly the manifest's commands", () => {
    const lists = manifest().bots[0]?.commandLists ?? [];
    const expectedKeys = lists.flatMap((l, i) =>
      l.commands.flatMap((_, j) => [
        `bots[0].commandLists[${i}].commands[${j}].title`,
        `bots[0].commandLists[${i}].commands[${j}].description`,
      ]),
    );
    const commandKeys = Object.keys(en).filter((k) => k.startsWith('bots['));
    expect(commandKeys.sort()).toEqual(expectedKeys.sort());
  });

  it('is rejected for unknown keys', () => {
    expect(
      validateLocalization({ ...en, 'name.shortt': 'x' }, manifest().manifestVersion),
    ).not.toEqual([]);
  });
});

describe('icons', () => {
  const color = fs.readFileSync(path.join(appPackageDir, 'color.png'));
  const outline = fs.readFileSync(path.join(appPackageDir, 'outline.png'));

  it('color.png is 192×192 and opaque in the middle', () => {
    const png = PNG.sync.read(color);
    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.data[(96 * 192 + 96) * 4 + 3]).toBe(255);
    expect(iconProblems(color, 'color')).toEqual([]);
  });

  it('outline.png is 32×32 with only white or fully transparent pixels', () => {
    const png = PNG.sync.read(outline);
    expect([png.width, png.height]).toEqual([32, 32]);
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      if (a === 0) continue;
      expect([r, g, b, a]).toEqual([255, 255, 255, 255]);
      white++;
    }
    expect(white).toBeGreaterThan(100); // a drawing, not an empty square
    expect(white).toBeLessThan(32 * 32 * 0.6);
    expect(iconProblems(outline, 'outline')).toEqual([]);
  });

  it('the outline check catches grey and semi-transparent pixels', () => {
    const png = PNG.sync.read(outline);
    png.data.set([128, 128, 128, 255], 0);
    png.data.set([255, 255, 255, 100], 4);
    expect(iconProblems(PNG.sync.write(png), 'outline')).toEqual([
      'outline icon has 2 pixels that are neither transparent nor white',
    ]);
    expect(iconProblems(color, 'outline')[0]).toMatch(/192×192, must be 32×32/);
  });
});

describe('placeholders and env files', () => {
  it('substitutes ${{VAR}} with JSON-escaped values and reports the missing ones', () => {
    const text = '{"a":"${{A}}","b":"${{ B }}","c":"${{C}}","d":"${{A}}"}';
    const out = substitutePlaceholders(text, { A: 'x"y', B: 'b', C: '' });
    expect(out.unresolved).toEqual(['C']);
    expect(out.text).toBe('{"a":"x\\"y","b":"b","c":"${{C}}","d":"x\\"y"}');
  });

  it('parses Toolkit env files and lets the environment win', () => {
    expect(parseEnvFile('# c\nA=1\nB="two words"\nC=\nD=x # note\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
      D: 'x',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-env-'));
    try {
      fs.mkdirSync(path.join(dir, 'env'));
      fs.writeFileSync(
        path.join(dir, 'env', '.env.test'),
        'TEAMS_APP_ID=from-file\nBOT_ID=file-bot\n',
      );
      fs.writeFileSync(path.join(dir, 'env', '.env.test.user'), 'SECRET_X=s\n');
      const { vars } = loadEnvVars(dir, 'test', { TEAMS_APP_ID: 'from-env', BOT_ID: '' });
      expect(vars).toMatchObject({
        TEAMSFX_ENV: 'test',
        TEAMS_APP_ID: 'from-env',
        BOT_ID: 'file-bot',
        SECRET_X: 's',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('env/.env.dev declares the variables teamsapp.yml and the manifest use', () => {
    const dev = parseEnvFile(fs.readFileSync(path.join(root, 'env', '.env.dev'), 'utf8'));
    expect(dev).toMatchObject({ TEAMSFX_ENV: 'dev', APP_NAME_SUFFIX: 'dev' });
    for (const name of [
      'TEAMS_APP_ID',
      'BOT_ID',
      'BOT_DOMAIN',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_RESOURCE_GROUP_NAME',
      'RESOURCE_SUFFIX',
    ]) {
      expect(dev).toHaveProperty(name);
    }
  });
});

describe('the zip (same function as `npm run package`)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-pkg-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds manifest.json, the icons and en.json at the root, with the values filled in', () => {
    const outputZip = path.join(dir, 'out', 'appPackage.test.zip');
    const built = buildAppPackage({ appPackageDir, outputZip, vars: TEST_VARS, envName: 'test' });
    expect(built.zipPath).toBe(outputZip);

    const zip = new AdmZip(outputZip);
    const names = zip.getEntries().map((e) => e.entryName);
    expect(names.sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);

    const m = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    expect(m.id).toBe(TEST_VARS.TEAMS_APP_ID);
    expect(m.bots[0]?.botId).toBe(TEST_VARS.BOT_ID);
    expect(zip.readAsText('manifest.json')).not.toContain('${{');
    expect(validateManifest(m)).toEqual([]);
    expect(JSON.parse(zip.readAsText('en.json'))).toEqual(JSON.parse(enText));
    expect(
      zip.readFile('color.png')?.equals(fs.readFileSync(path.join(appPackageDir, 'color.png'))),
    ).toBe(true);
    expect(
      zip.readFile('outline.png')?.equals(fs.readFileSync(path.join(appPackageDir, 'outline.png'))),
    ).toBe(true);
  });

  it('refuses to build with an unresolved placeholder, naming it', () => {
    const outputZip = path.join(dir, 'appPackage.test.zip');
    const attempt = () =>
      buildAppPackage({
        appPackageDir,
        outputZip,
        vars: { TEAMS_APP_ID: TEST_VARS.TEAMS_APP_ID },
        envName: 'test',
      });
    expect(attempt).toThrow(UnresolvedPlaceholderError);
    expect(attempt).toThrow(/\$\{\{BOT_ID\}\}.*env\/\.env\.test/);
    expect(fs.existsSync(outputZip)).toBe(false);
  });

  it('refuses to build a manifest that fails the schema', () => {
    const outputZip = path.join(dir, 'appPackage.test.zip');
    const attempt = () =>
      buildAppPackage({
        appPackageDir,
        outputZip,
        vars: { ...TEST_VARS, BOT_ID: 'not-a-guid' },
        envName: 'test',
      });
    expect(attempt).toThrow(AppPackageError);
    expect(attempt).toThrow(/manifest\.json \/bots\/0\/botId/);
    expect(fs.existsSync(outputZip)).toBe(false);
  });
});
