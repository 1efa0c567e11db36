// `npm run manifest`: writes the command lists of appPackage/manifest.json and en.json from
// what the commands declare (src/bot/commands/*.command.ts, `manifest`). The files are kept
// in the repository because the Toolkit (teamsapp.yml) zips them as they are;
// test/app-package.test.ts fails when they differ from the commands.
import fs from 'node:fs';
import path from 'node:path';
import { allCommands } from '../src/bot/commands';
import { commandLists, withCommandLists } from './app-package';

const dir = path.join(__dirname, '..', 'appPackage');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
const written = withCommandLists(read('manifest.json'), read('en.json') as Record<string, string>, commandLists(allCommands()));
for (const [name, json] of [['manifest.json', written.manifest], ['en.json', written.english]] as const) {
  fs.writeFileSync(path.join(dir, name), `${JSON.stringify(json, null, 2)}\n`);
}
process.stdout.write('appPackage/manifest.json and en.json: command lists written from the commands.\n');
