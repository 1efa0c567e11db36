import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runImport } from '../../scripts/import-document';
import { formatImportSummary } from '../../src/documents/import-summary';
import { parseCommitteeDocument } from '../../src/documents/document-parser';
import { parsedDocumentSchema } from '../../src/domain/import/parsed-document';
import { agendaPdf, dassosAgenda, imageOnlyPdf } from '../support/pdf-fixture';

const root = path.join(__dirname, '../..');
const fixtures = path.join(root, 'test/fixtures/documents');

function sink() {
  let text = '';
  return {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    get text() {
      return text;
    },
  };
}

async function run(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await runImport(args, out, err);
  return { code, out: out.text, err: err.text };
}

describe('npm run import', () => {
  it('prints the parsed document as JSON with --json', async () => {
    const { code, out, err } = await run([path.join(fixtures, 'midtjylland-referat.md'), '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const doc = parsedDocumentSchema.parse(JSON.parse(out));
    expect(doc.items.map((i) => i.number)).toEqual(['1.1', '1.2', '2.1', '3.1', '3.2', '3.3', '4']);
    expect(out).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it('prints a Danish summary without --json', async () => {
    const { code, out } = await run([path.join(fixtures, 'midtjylland-referat.md')]);
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 3)).toEqual([
      'Referat · DASSOS · 11. august 2026 kl. 11:00–13:00 · Aarhus Rådhus, Rådhuspladsen 2, 8000 Aarhus C, Mødelokale 3.12',
      '5 deltagere, 2 afbud',
      '7 punkter: 2 beslutningspunkter, 1 orienteringspunkt, 3 punkter til kommende møder, 1 skriftlig orientering',
    ]);
    expect(out).toContain(
      '  1.1   Godkendelse af endeligt udkast til Rammeaftale 2027-28 (ved Jesper Thyrring Møller, 2 bilag, referat)',
    );
    expect(out.trimEnd().endsWith('Ingen advarsler.')).toBe(true);
  });

  it('lists warnings in the summary', () => {
    const text = fs.readFileSync(path.join(fixtures, 'nordjylland-dagsorden.txt'), 'utf8');
    const summary = formatImportSummary(parseCommitteeDocument(text));
    expect(summary).toContain('\n6 punkter\n');
    expect(summary).toMatch(/\n1 advarsel:\n {2}- I punkt 4 stod teksten til bilaget/);
  });

  it('fails with exit code 1 and a clear message for a missing file', async () => {
    const missing = path.join(os.tmpdir(), 'findes-ikke-dagsorden.txt');
    const { code, out, err } = await run([missing]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(`Filen «${missing}» findes ikke.\n`);
  });

  it('fails for a folder, an unsupported type, no file or an unknown option', async () => {
    expect(await run([fixtures])).toMatchObject({
      code: 1,
      err: `«${fixtures}» er en mappe, ikke en fil.\n`,
    });
    expect(await run([path.join(root, 'package.json')])).toMatchObject({ code: 1 });
    expect((await run([path.join(root, 'package.json')])).err).toMatch(
      /^Filtypen «\.json» kan ikke importeres/,
    );
    expect(await run([])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^Angiv den fil, der skal importeres\.\nBrug: /),
    });
    expect(await run(['a.md', '--yaml'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^Ukendt tilvalg «--yaml»/),
    });
  });

  it('exits with code 1 as a process when the file cannot be read', async () => {
    const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
    const script = path.join(root, 'scripts/import-document.ts');
    await expect(
      promisify(execFile)(
        process.execPath,
        [tsx, script, path.join(os.tmpdir(), 'findes-ikke.docx'), '--json'],
        { cwd: root },
      ),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('findes ikke') });
    const ok = await promisify(execFile)(
      process.execPath,
      [tsx, script, path.join(fixtures, 'ukendt-noter.txt'), '--json'],
      {
        cwd: root,
      },
    );
    expect(parsedDocumentSchema.parse(JSON.parse(ok.stdout)).items).toHaveLength(1);
  });

  describe('a PDF', () => {
    let dir: string;
    let agenda: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-import-pdf-'));
      agenda = path.join(dir, 'dagsorden.pdf');
      fs.writeFileSync(agenda, (await agendaPdf(dassosAgenda(4))).pdf);
      fs.writeFileSync(path.join(dir, 'scannet.pdf'), await imageOnlyPdf());
      fs.writeFileSync(path.join(dir, 'ikke-en.pdf'), 'Dagsorden\n1.1 Punkt\n');
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('is read into items, and --json prints JSON only', async () => {
      const { code, out, err } = await run([agenda, '--json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const doc = parsedDocumentSchema.parse(JSON.parse(out));
      expect(doc.items.map((i) => i.number)).toEqual(['1.1', '1.2', '2.1', '3.1']);
      expect(doc.meeting.date).toBe('2024-10-30');
      expect(doc.warnings).toEqual([]);
    });

    it('without text, or not a PDF, fails with exit code 1 and the reason in Danish', async () => {
      expect(await run([path.join(dir, 'scannet.pdf')])).toEqual({
        code: 1,
        out: '',
        err: expect.stringContaining("PDF'en har ingen tekst – er den scannet?"),
      });
      expect(await run([path.join(dir, 'ikke-en.pdf')])).toMatchObject({
        code: 1,
        err: expect.stringMatching(
          /^Filen «ikke-en\.pdf» kunne ikke læses: filen er ikke et læsbart Word-dokument eller en læsbar PDF/,
        ),
      });
    });

    it('is read by `npm run import -- dagsorden.pdf --json` as a process, with nothing but JSON on stdout', async () => {
      const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
      const script = path.join(root, 'scripts/import-document.ts');
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [tsx, script, agenda, '--json'],
        { cwd: root },
      );
      expect(stderr).toBe('');
      expect(parsedDocumentSchema.parse(JSON.parse(stdout)).items).toHaveLength(4);
    });
  });
});
