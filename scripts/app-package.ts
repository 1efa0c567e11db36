// The Teams app package: placeholder substitution, validation against the official
// manifest schemas bundled in @microsoft/app-manifest (offline), icon checks and the
// zip; and the command lists, from what the commands declare. Used by `npm run package`
// (scripts/package-app.ts), `npm run manifest` (scripts/write-manifest.ts) and test/app-package.test.ts.
// Everything here takes its inputs as arguments; nothing reads process.env.
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { PNG } from 'pngjs';
import type { CommandDefinition, ManifestScope } from '../src/bot/routes';

export type Vars = Readonly<Record<string, string | undefined>>;

/** `${{NAME}}`, the Microsoft 365 Agents Toolkit's placeholder syntax. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

// ---------------------------------------------------------------- env files

/** Parses a Toolkit env file (`KEY=value`, `# comments`, optional quotes). */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    vars[key] = value;
  }
  return vars;
}

/**
 * The variables for environment `envName`: `env/.env.<envName>`, then the
 * Toolkit's secrets file `env/.env.<envName>.user`, then `overrides` (normally
 * process.env) on top. Empty values never override a non-empty one.
 */
export function loadEnvVars(
  root: string,
  envName: string,
  overrides: Vars = {},
): { vars: Record<string, string>; files: string[] } {
  const vars: Record<string, string> = { TEAMSFX_ENV: envName };
  const files: string[] = [];
  for (const name of [`.env.${envName}`, `.env.${envName}.user`]) {
    const file = path.join(root, 'env', name);
    if (!fs.existsSync(file)) continue;
    files.push(file);
    merge(vars, parseEnvFile(fs.readFileSync(file, 'utf8')));
  }
  merge(vars, overrides);
  return { vars, files };
}

function merge(into: Record<string, string>, from: Vars): void {
  for (const [key, value] of Object.entries(from)) {
    if (value === undefined) continue;
    if (value === '' && into[key]) continue;
    into[key] = value;
  }
}

// ---------------------------------------------------------------- placeholders

/** The distinct placeholder names in `text`, in order of first appearance. */
export function findPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Replaces `${{NAME}}` in JSON text with the JSON-escaped value of `vars.NAME`.
 * Names without a (non-empty) value are left in place and listed as unresolved.
 */
export function substitutePlaceholders(
  text: string,
  vars: Vars,
): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || value === '') {
      unresolved.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text: out, unresolved: [...unresolved] };
}

export class UnresolvedPlaceholderError extends Error {
  constructor(
    readonly names: string[],
    readonly file: string,
    readonly envName: string,
  ) {
    super(
      `${file}: ${names.length === 1 ? 'placeholder' : 'placeholders'} ` +
        `${names.map((n) => `\${{${n}}}`).join(', ')} ${names.length === 1 ? 'has' : 'have'} no value. ` +
        `Set ${names.join(', ')} in env/.env.${envName} (\`teamsapp provision\` writes them there) ` +
        `or in the environment, e.g. ${names.map((n) => `${n}=…`).join(' ')} npm run package`,
    );
    this.name = 'UnresolvedPlaceholderError';
  }
}

/** Substitutes and parses one JSON file of the package; throws on unresolved placeholders. */
export function resolveJson(text: string, vars: Vars, file: string, envName: string): unknown {
  const { text: resolved, unresolved } = substitutePlaceholders(text, vars);
  if (unresolved.length > 0) throw new UnresolvedPlaceholderError(unresolved, file, envName);
  return JSON.parse(resolved) as unknown;
}

// ---------------------------------------------------------------- schemas

export type SchemaKind = 'manifest' | 'localization';

/** Folder of the official Teams manifest schemas shipped with @microsoft/app-manifest. */
export function schemaRoot(): string {
  const pkg = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(pkg), 'build', 'json-schemas', 'teams');
}

/** The bundled schema versions ("1.19", …, "devPreview"), oldest first. */
export function bundledSchemaVersions(): string[] {
  return fs
    .readdirSync(schemaRoot())
    .filter((d) => fs.existsSync(path.join(schemaRoot(), d, 'MicrosoftTeams.schema.json')))
    .map((d) => (d === 'vDevPreview' ? 'devPreview' : d.replace(/^v/, '')))
    .sort(compareVersions);
}

function compareVersions(a: string, b: string): number {
  const num = (v: string) => (v === 'devPreview' ? [Infinity] : v.split('.').map(Number));
  const [x, y] = [num(a), num(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Loads a bundled schema. As the Toolkit does, `\a` in the schema text becomes
 * `\x07` first (an invalid regular expression in some published versions).
 */
export function loadSchema(
  version: string,
  kind: SchemaKind = 'manifest',
): Record<string, unknown> {
  const dir = version === 'devPreview' ? 'vDevPreview' : `v${version}`;
  const file =
    kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  const full = path.join(schemaRoot(), dir, file);
  if (!fs.existsSync(full)) {
    throw new Error(`No bundled ${kind} schema for manifest version ${version} (${full})`);
  }
  return JSON.parse(fs.readFileSync(full, 'utf8').replace(/\\a/g, '\\x07')) as Record<
    string,
    unknown
  >;
}

const validators = new Map<string, ValidateFunction>();

function validatorFor(version: string, kind: SchemaKind): ValidateFunction {
  const key = `${kind}@${version}`;
  let validate = validators.get(key);
  if (!validate) {
    // Same options as the Toolkit (ajv-draft-04, formats uri/email/regex, strictTypes
    // off). The localization schema's patterns are not valid with the `u` flag, so
    // they are compiled as plain JavaScript regular expressions.
    const ajv = new Ajv04({
      allErrors: true,
      strictTypes: false,
      unicodeRegExp: kind === 'manifest',
    });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validate = ajv.compile(loadSchema(version, kind));
    validators.set(key, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const params = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
    const detail = params.additionalProperty
      ? `: ${params.additionalProperty}`
      : params.allowedValues
        ? `: ${params.allowedValues.map(String).join(', ')}`
        : '';
    return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${detail}`;
  });
}

/** The manifestVersion of a manifest object ("1.30", "devPreview"). */
export function manifestVersionOf(manifest: unknown): string {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') throw new Error('manifest.json has no manifestVersion');
  return version;
}

/** Schema errors of a (substituted) manifest; empty when valid. */
export function validateManifest(
  manifest: unknown,
  version = manifestVersionOf(manifest),
): string[] {
  const validate = validatorFor(version, 'manifest');
  return validate(manifest) ? [] : describe(validate.errors);
}

/** Schema errors of a localization file (e.g. en.json); empty when valid. */
export function validateLocalization(localization: unknown, version: string): string[] {
  const validate = validatorFor(version, 'localization');
  return validate(localization) ? [] : describe(validate.errors);
}

// ---------------------------------------------------------------- icons

/** Problems with an icon for Teams: wrong size, and for the outline icon any pixel
 *  that is neither fully transparent nor opaque white. */
export function iconProblems(png: Buffer, kind: 'color' | 'outline'): string[] {
  const image = PNG.sync.read(png);
  const size = kind === 'color' ? COLOR_ICON_SIZE : OUTLINE_ICON_SIZE;
  const problems: string[] = [];
  if (image.width !== size || image.height !== size) {
    problems.push(`${kind} icon is ${image.width}×${image.height}, must be ${size}×${size}`);
  }
  if (kind === 'outline') {
    let bad = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
      if (a !== 0 && !(a === 255 && r === 255 && g === 255 && b === 255)) bad++;
    }
    if (bad > 0)
      problems.push(`outline icon has ${bad} pixels that are neither transparent nor white`);
  }
  return problems;
}

// ---------------------------------------------------------------- the package

export interface BuildOptions {
  /** Folder holding manifest.json, the icons and the localization files. */
  appPackageDir: string;
  /** The zip to write (folders are created). */
  outputZip: string;
  /** Placeholder values. */
  vars: Vars;
  /** Environment name, for messages. */
  envName: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** Entry names in the zip, manifest.json first. */
  entries: string[];
}

export class AppPackageError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(`${message}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'AppPackageError';
  }
}

interface ManifestFiles {
  icons?: { color?: string; outline?: string; color32x32?: string };
  localizationInfo?: {
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
}

/**
 * Builds the app package like the Toolkit's teamsApp/zipAppPackage: substitutes
 * placeholders in manifest.json and the localization files, validates them against
 * the bundled schema of the manifest's version, checks the icons and writes a zip
 * with every file at its root.
 */
export function buildAppPackage(options: BuildOptions): BuiltPackage {
  const { appPackageDir, outputZip, vars, envName } = options;
  const read = (name: string) => fs.readFileSync(path.join(appPackageDir, name));

  const manifest = resolveJson(
    read('manifest.json').toString('utf8'),
    vars,
    'appPackage/manifest.json',
    envName,
  ) as Record<string, unknown> & ManifestFiles;
  const version = manifestVersionOf(manifest);
  const problems = validateManifest(manifest, version).map((p) => `manifest.json ${p}`);

  const files = new Map<string, Buffer>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));

  const addFile = (name: string | undefined, check: (buf: Buffer) => string[]) => {
    if (!name) return;
    if (name.includes('/') || name.includes('\\')) {
      problems.push(`${name}: keep package files at the root of appPackage/`);
      return;
    }
    if (!fs.existsSync(path.join(appPackageDir, name))) {
      problems.push(`${name} is referenced by manifest.json but missing in appPackage/`);
      return;
    }
    const buf = read(name);
    problems.push(...check(buf).map((p) => `${name}: ${p}`));
    files.set(name, buf);
  };

  addFile(manifest.icons?.color, (buf) => iconProblems(buf, 'color'));
  addFile(manifest.icons?.outline, (buf) => iconProblems(buf, 'outline'));

  const localizationFiles = [
    manifest.localizationInfo?.defaultLanguageFile,
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const name of localizationFiles) {
    let resolved: Buffer | undefined;
    addFile(name, (buf) => {
      const json = resolveJson(buf.toString('utf8'), vars, `appPackage/${name}`, envName);
      resolved = Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8');
      return validateLocalization(json, version);
    });
    if (name && resolved) files.set(name, resolved);
  }

  if (problems.length > 0) {
    throw new AppPackageError(
      `The app package for "${envName}" is not valid (manifest ${version}):`,
      problems,
    );
  }

  const zip = new AdmZip();
  for (const [name, buf] of files) zip.addFile(name, buf);
  fs.mkdirSync(path.dirname(outputZip), { recursive: true });
  fs.writeFileSync(outputZip, zip.toBuffer());
  return { zipPath: outputZip, manifest, entries: [...files.keys()] };
}

// ---------------------------------------------------------------- command lists

/** What a command declares for Teams' compose box, and its place on the help card (src/bot/routes.ts). */
export type CommandListSource = Pick<CommandDefinition, 'help' | 'manifest'>;

export interface CommandLists {
  /** manifest.json's bots[0].commandLists, Danish. */
  lists: { scopes: [ManifestScope]; commands: { title: string; description: string }[] }[];
  /** en.json's keys for them. */
  english: Record<string, string>;
}

const SCOPES: readonly ManifestScope[] = ['team', 'groupChat', 'personal'];

/**
 * The manifest's command lists, one per scope, from what the commands declare: in the
 * order of their help lines (members' everyday questions first), Danish in the manifest
 * and English in en.json under the keys Teams localizes them by.
 */
export function commandLists(commands: readonly CommandListSource[]): CommandLists {
  const ordered = commands
    .filter((c) => c.manifest?.length)
    .map((c) => ({ c, order: c.help?.[0]?.order ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order)
    .map(({ c }) => c);
  const lists: CommandLists['lists'] = [];
  const english: Record<string, string> = {};
  for (const scope of SCOPES) {
    const entries = ordered.flatMap((c) => c.manifest!.filter((m) => m.scopes.includes(scope)));
    if (!entries.length) continue;
    const i = lists.length;
    entries.forEach((e, j) => {
      english[`bots[0].commandLists[${i}].commands[${j}].title`] = e.en.title;
      english[`bots[0].commandLists[${i}].commands[${j}].description`] = e.en.description;
    });
    lists.push({ scopes: [scope], commands: entries.map((e) => ({ title: e.da.title, description: e.da.description })) });
  }
  return { lists, english };
}

/** manifest.json and en.json (parsed) with `generated` as their command lists; everything else as it was. */
export function withCommandLists(
  manifest: Record<string, unknown>,
  english: Record<string, string>,
  generated: CommandLists,
): { manifest: Record<string, unknown>; english: Record<string, string> } {
  const bots = (manifest.bots as Record<string, unknown>[]).map((bot, i) => (i === 0 ? { ...bot, commandLists: generated.lists } : bot));
  const kept = Object.fromEntries(Object.entries(english).filter(([key]) => !key.startsWith('bots[0].commandLists[')));
  return { manifest: { ...manifest, bots }, english: { ...kept, ...generated.english } };
}
