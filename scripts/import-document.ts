// `npm run import -- <file> [--json]`: reads an agenda or minutes document (.docx, .pdf, .md, .txt)
// and prints what the importer understood, as a Danish summary or as the ParsedDocument JSON.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommitteeDocument } from '../src/documents/document-parser';
import { documentText } from '../src/documents/read-document';
import { DocumentRefusal } from '../src/documents/document-refusal';
import { importRefusal } from '../src/documents/import-refusal';
import { formatImportSummary } from '../src/documents/import-summary';
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

class ReadError extends Error {}

/**
 * The document's text, whatever its format: the one place that turns a file's bytes into
 * text (.docx, .pdf, .md, .txt, through documentText: the reader the bot's worker uses).
 */
export async function readDocument(file: string): Promise<string> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new ReadError(readError(file, error));
  }
  try {
    return await documentText(path.basename(file), content);
  } catch (error) {
    // A refusal as the bot words it; an unknown file type says which types are read.
    if (!(error instanceof DocumentRefusal) || error.code === 'unsupported') throw error;
    throw new Error(`Filen «${path.basename(file)}» kunne ikke læses: ${messages('da').docs.refused(error.toData())}`, { cause: error });
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
  let text: string;
  try {
    text = await readDocument(file);
  } catch (error) {
    err.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const doc = parseCommitteeDocument(text);
  // The bot would refuse this document; the command still shows what was read, for diagnosis.
  const refusal = importRefusal(doc, text);
  if (refusal)
    err.write(`Ville blive afvist ved import: ${messages('da').importRefused[refusal]}\n`);
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
