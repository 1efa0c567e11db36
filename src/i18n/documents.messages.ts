// What the bot says when it will not fetch or read a document sent for import, in Danish
// (default) and English: messages(lang).docs …. Each reason follows "Jeg kunne ikke læse
// «fil»: " (importFileFailed), so it starts in lower case.
import type { RefusalCode, RefusalData } from '../documents/document-refusal';

const NOTHING_SAVED_DA = 'Intet er gemt.';
const NOTHING_SAVED_EN = 'Nothing was saved.';

const refusedDa: Record<RefusalCode, (limit: number | null) => string> = {
  unsupported: () => 'jeg læser .docx, .pdf, .md og .txt.',
  damaged: () => `filen er ikke et læsbart Word-dokument eller en læsbar PDF – den er måske beskadiget eller kun hentet halvt. Gem den igen som .docx eller .pdf, og send den igen. ${NOTHING_SAVED_DA}`,
  too_many_parts: (n) => `dokumentet består af over ${n ?? '?'} dele, og så mange har et Word-dokument ikke. Gem det igen i Word, eller indsæt teksten under «importer dagsorden». ${NOTHING_SAVED_DA}`,
  too_large: (mb) => `dokumentet er for stort til at læse (det pakker sig ud til over ${mb ?? '?'} MB). Fjern store billeder og indlejrede filer, eller del det op. ${NOTHING_SAVED_DA}`,
  too_long: (n) => `dokumentets tekst er på over ${(n ?? 0).toLocaleString('da-DK')} tegn, og så lang er en dagsorden eller et referat ikke. Del det op i mindre dokumenter. ${NOTHING_SAVED_DA}`,
  too_deep: (n) => `dokumentets indhold er indlejret i over ${n ?? '?'} niveauer, og det læser jeg ikke. Gem det igen i Word, eller indsæt teksten under «importer dagsorden». ${NOTHING_SAVED_DA}`,
  too_heavy: () => `dokumentet kræver for meget hukommelse at læse. Del det op i mindre dokumenter, eller indsæt teksten under «importer dagsorden». ${NOTHING_SAVED_DA}`,
  too_slow: (s) => `det tog over ${s ?? '?'} sekunder at læse dokumentet, så jeg stoppede. Del det op i mindre dokumenter, eller indsæt teksten under «importer dagsorden». ${NOTHING_SAVED_DA}`,
  busy: () => `der venter for mange dokumenter på at blive læst lige nu. Prøv igen om et øjeblik. ${NOTHING_SAVED_DA}`,
  no_text: () => `PDF'en har ingen tekst – er den scannet? Send dokumentet som Word (.docx) eller som en PDF med tekst. ${NOTHING_SAVED_DA}`,
  encrypted: () => `PDF'en er beskyttet med en adgangskode. Send den uden beskyttelse eller som Word (.docx). ${NOTHING_SAVED_DA}`,
  too_many_pages: (n) => `PDF'en har over ${n ?? '?'} sider. Send dagsordenen eller referatet uden bilagene. ${NOTHING_SAVED_DA}`,
};

const refusedEn: Record<RefusalCode, (limit: number | null) => string> = {
  unsupported: () => 'I read .docx, .pdf, .md and .txt.',
  damaged: () => `the file is not a readable Word document or PDF – it may be damaged or only half downloaded. Save it again as .docx or .pdf and send it again. ${NOTHING_SAVED_EN}`,
  too_many_parts: (n) => `the document consists of more than ${n ?? '?'} parts, which no Word document has. Save it again in Word, or paste the text under "import agenda". ${NOTHING_SAVED_EN}`,
  too_large: (mb) => `the document is too large to read (it unpacks to more than ${mb ?? '?'} MB). Remove large images and embedded files, or split it up. ${NOTHING_SAVED_EN}`,
  too_long: (n) => `the document's text is more than ${(n ?? 0).toLocaleString('en-GB')} characters, longer than any agenda or minutes. Split it into smaller documents. ${NOTHING_SAVED_EN}`,
  too_deep: (n) => `the document's content is nested more than ${n ?? '?'} levels deep, which I do not read. Save it again in Word, or paste the text under "import agenda". ${NOTHING_SAVED_EN}`,
  too_heavy: () => `the document takes too much memory to read. Split it into smaller documents, or paste the text under "import agenda". ${NOTHING_SAVED_EN}`,
  too_slow: (s) => `reading the document took more than ${s ?? '?'} seconds, so I stopped. Split it into smaller documents, or paste the text under "import agenda". ${NOTHING_SAVED_EN}`,
  busy: () => `too many documents are waiting to be read right now. Please try again in a moment. ${NOTHING_SAVED_EN}`,
  no_text: () => `the PDF has no text – is it a scan? Send the document as Word (.docx) or as a PDF with text. ${NOTHING_SAVED_EN}`,
  encrypted: () => `the PDF is protected by a password. Send it without the protection or as Word (.docx). ${NOTHING_SAVED_EN}`,
  too_many_pages: (n) => `the PDF has more than ${n ?? '?'} pages. Send the agenda or minutes without the attachments. ${NOTHING_SAVED_EN}`,
};

export const documentsDa = {
  /** Why a document was not read. */
  refused: (r: RefusalData) => refusedDa[r.code](r.limit),
  /** Pasted text that could not be read (too slow, too heavy, busy). */
  pastedFailed: (reason: string) => `Jeg kunne ikke læse teksten: ${reason}`,
  /** A file whose address is not one of Microsoft's file hosts (or not a public address). */
  notAllowed:
    'filen ligger ikke hos Microsoft (SharePoint eller OneDrive), hvor Teams gemmer filer, så jeg henter den ikke. Send den som fil i vores chat.',
};

export const documentsEn: typeof documentsDa = {
  refused: (r) => refusedEn[r.code](r.limit),
  pastedFailed: (reason) => `I could not read the text: ${reason}`,
  notAllowed:
    "the file is not stored with Microsoft (SharePoint or OneDrive), where Teams keeps files, so I do not fetch it. Send it as a file in our chat.",
};
