// The README's architecture section is the tree of src/ a newcomer reads first: it must match
// the code. Every file and folder directly in src/ has its line, every feature folder of
// domain/ and every folder of bot/ has its own line, every other folder one level down is
// named in its parent's line, and every name in the tree exists.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');

interface Entry {
  /** Path from the repository's root, e.g. "src/domain/agenda/". */
  path: string;
  /** The line's description, with the lines that continue it. */
  says: string;
}

/** The entries of the README's ```text tree, with their paths built from the indentation. */
function readmeTree(): Entry[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Architecture'));
  const block = /```text\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README: no ```text tree under «## Architecture»');
  const entries: Entry[] = [];
  const parents: string[] = [];
  for (const line of block[1]!.split('\n')) {
    // A line indented to the description column continues the description above it.
    if (/^ {12}/.test(line)) {
      if (entries.length > 0) entries[entries.length - 1]!.says += ` ${line.trim()}`;
      continue;
    }
    const named = /^( *)(\S+)(?: {2,}(.*))?$/.exec(line);
    if (!named) continue;
    const depth = named[1]!.length / 2;
    if (!Number.isInteger(depth) || depth > parents.length)
      throw new Error(`README tree: odd indentation «${line}»`);
    parents.length = depth;
    const name = named[2]!;
    entries.push({ path: [...parents, name].join(''), says: named[3] ?? '' });
    if (name.endsWith('/')) parents.push(name);
  }
  return entries;
}

const tree = readmeTree();
const named = new Set(tree.map((e) => e.path));
const listed = (dir: string) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .map((d) => `${dir}${d.name}${d.isDirectory() ? '/' : ''}`)
    .sort();

describe('the README architecture tree', () => {
  it('names only what exists', () => {
    expect(tree.length).toBeGreaterThan(30);
    const missing = tree.map((e) => e.path).filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });

  it('has a line for every file and folder directly in src/', () => {
    expect(listed('src/').filter((p) => !named.has(p))).toEqual([]);
  });

  it('has a line for every feature folder of the domain and every folder of the bot', () => {
    const folders = [...listed('src/domain/'), ...listed('src/bot/')].filter((p) =>
      p.endsWith('/'),
    );
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((p) => !named.has(p))).toEqual([]);
  });

  it('names every other folder one level down in its parent folder line', () => {
    const unnamed: string[] = [];
    for (const parent of listed('src/').filter(
      (p) => p.endsWith('/') && p !== 'src/domain/' && p !== 'src/bot/',
    )) {
      const says = tree.find((e) => e.path === parent)?.says ?? '';
      for (const child of listed(parent).filter((p) => p.endsWith('/'))) {
        const name = child.slice(parent.length);
        if (!named.has(child) && !says.includes(name)) unnamed.push(child);
      }
    }
    expect(unnamed).toEqual([]);
  });
});
