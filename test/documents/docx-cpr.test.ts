// The .docx agenda from the issue: four CPR numbers as Word writes them (an en dash from
// AutoCorrect, Word's own non-breaking hyphen element, a non-breaking space, a space)
// come through the importer's reading of Word, and the guard finds all four.
import AdmZip from 'adm-zip';
import { docxToMarkdown } from '../../src/documents/docx-text';
import { findCprNumbers } from '../../src/domain/shared/cpr-check';
import { AGENDA } from '../support/documents';
import { blocksFromMarkdown, buildDocx } from './docx-fixture';

const NO_BREAK_HYPHEN = '§NBH§';

/** The agenda as Word saves it, with Word's <w:noBreakHyphen/> where the placeholder stands. */
function wordAgenda(text: string): Buffer {
  const zip = new AdmZip(buildDocx(blocksFromMarkdown(text)));
  const xml = zip.readAsText('word/document.xml');
  zip.updateFile('word/document.xml', Buffer.from(xml.replaceAll(NO_BREAK_HYPHEN, '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'), 'utf8'));
  return zip.toBuffer();
}

describe('CPR numbers in a Word agenda', () => {
  it('are found however Word separated them', async () => {
    const docx = wordAgenda(
      AGENDA.replace('med afsæt i udviklingsområderne.', 'med afsæt i sagen om 020290–1234.')
        .replace('de vigtigste tendenser.', `de vigtigste tendenser (borger 030390${NO_BREAK_HYPHEN}1234).`)
        .replace('Der gives en kort status.', 'Der gives en kort status om 040490\u00a01234 og 050590 1234.'),
    );
    expect(new AdmZip(docx).readAsText('word/document.xml')).toContain('030390</w:t><w:noBreakHyphen/>');
    const markdown = await docxToMarkdown(docx);
    expect(findCprNumbers(markdown)).toEqual(['020290-****', '030390-****', '040490-****', '050590-****']);
  });
});
