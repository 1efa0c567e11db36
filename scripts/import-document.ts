// `npm run import -- <file> [--json]`: reads an agenda or minutes document (.docx, .pdf, .md, .txt)
// and prints what the importer understood, as a Danish summary or as the ParsedDocument JSON.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommitteeDocument } from '../src/documents/document-parser';
import { documentText } from '../src/documents/read-document';
import { formatImportSummary } from '../src/documents/import-summary';
import { DocumentRefusal } from '../src/documents/document-refusal';
import { messages } from '../src/i18n/messages';

const USAGE = 'Brug: npm run import -- <fil.docx | fil.pdf | fil.md | fil.txt> [--json]';

interface Output {
  write(text: string): unknown;
}

function readError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `Filen «${file}» findes ikke.`;
    case 'EISDIR':
      return `«${file}» er en mappe, ikke en fil.`;
    case 'EACCES':
    case 'EPERM':
      return `Der er ikke adgang til at læse filen «${file}».`;
    default:
      return `Filen «${file}» kunne ikke læses: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The document's text from its bytes, by its file name; a refusal as the bot words it. */
export async function readDocument(fileName: string, content: Buffer): Promise<string> {
  try {
    return await documentText(fileName, content);
  } catch (error) {
    if (!(error instanceof DocumentRefusal) || error.code === 'unsupported') throw error;
    throw new Error(`Filen «${fileName}» kunne ikke læses: ${messages('da').docs.refused(error.toData())}`, { cause: error });
  }
}

/** Runs the import command; returns the process exit code. */
export async function runImport(
  args: readonly string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  const flags = args.filter((a) => a.startsWith('--'));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = flags.find((f) => f !== '--json');
  const file = files[0];
  if (unknown || files.length !== 1 || file === undefined) {
    const reason = unknown
      ? `Ukendt tilvalg «${unknown}».`
      : files.length === 0
        ? 'Angiv den fil, der skal importeres.'
        : 'Angiv kun én fil.';
    err.write(`${reason}\n${USAGE}\n`);
    return 1;
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    err.write(`${readError(file, error)}\n`);
    return 1;
  }
  let text: string;
  try {
    text = await readDocument(path.basename(file), content);
  } catch (error) {
    err.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const doc = parseCommitteeDocument(text);
  out.write(
    flags.includes('--json')
      ? `${JSON.stringify(doc, null, 2)}\n`
      : `${formatImportSummary(doc)}\n`,
  );
  return 0;
}

if (require.main === module) {
  void runImport(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
