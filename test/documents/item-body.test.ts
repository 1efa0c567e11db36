import { toLines } from '../../src/documents/document-lines';
import { parseItemBody, parseRecommendation } from '../../src/documents/item-body-parser';

const recommendation = (text: string, committee: string | null = null) =>
  parseRecommendation(toLines(text), committee);

describe('recommendations ("Indstilling")', () => {
  it('splits at the committee name when there are no bullets', () => {
    expect(
      recommendation('Det indstilles, at DAS Social godkender dagsordenen.', 'DAS Social'),
    ).toEqual({
      intro: 'Det indstilles, at DAS Social',
      entries: ['godkender dagsordenen.'],
    });
    expect(recommendation('At DASSOS tager orienteringen til efterretning', 'DASSOS')).toEqual({
      intro: 'At DASSOS',
      entries: ['tager orienteringen til efterretning'],
    });
  });

  it('splits at a name in capitals when the committee is not known', () => {
    expect(recommendation('Det indstilles, at DAS godkender dagsordenen.')).toEqual({
      intro: 'Det indstilles, at DAS',
      entries: ['godkender dagsordenen.'],
    });
    expect(recommendation('Det indstilles, at DAS Social godkender dagsordenen.')).toEqual({
      intro: 'Det indstilles, at DAS Social',
      entries: ['godkender dagsordenen.'],
    });
  });

  it('keeps a sentence it cannot split as one entry', () => {
    expect(recommendation('Sekretariatet foreslår, at punktet udsættes.')).toEqual({
      intro: null,
      entries: ['Sekretariatet foreslår, at punktet udsættes.'],
    });
  });

  it('reads symbol-font and numbered bullets, wrapped bullets and a closing paragraph', () => {
    const text = [
      'Formandskabet indstiller, at DASSOS:',
      '\uF0B7 godkender budgettet for 2026 og',
      'sender det til KKR',
      '2) udpeger en kontaktperson',
      '',
      'Indstillingen er drøftet med KD-Net.',
    ].join('\n');
    expect(recommendation(text, 'DASSOS')).toEqual({
      intro: 'Formandskabet indstiller, at DASSOS:',
      entries: [
        'godkender budgettet for 2026 og sender det til KKR',
        'udpeger en kontaktperson',
        'Indstillingen er drøftet med KD-Net.',
      ],
    });
  });
});

describe('item bodies', () => {
  const ctx = () => ({
    committee: 'DAS Social',
    markdown: false,
    label: 'punkt 7',
    warnings: [] as string[],
  });

  it('reads heading text on the heading line and keeps unknown sub-headings in the case text', () => {
    const body = parseItemBody(
      toLines(
        [
          'Oplæg ved: Susanne Lund',
          'Indstilling: Det indstilles, at DAS Social tager orienteringen til efterretning.',
          'Sagsfremstilling',
          'Tilsynet har gennemført 40 tilsyn.',
          '',
          'Økonomi',
          '',
          'Sagen har ingen økonomiske konsekvenser.',
          'Bilag: Årsrapport 2022',
          'Beslutning: Taget til efterretning.',
        ].join('\n'),
      ),
      ctx(),
    );
    expect(body).toEqual({
      presenter: 'Susanne Lund',
      recommendationIntro: 'Det indstilles, at DAS Social',
      recommendation: ['tager orienteringen til efterretning.'],
      caseText:
        'Tilsynet har gennemført 40 tilsyn.\n\n**Økonomi**\n\nSagen har ingen økonomiske konsekvenser.',
      minutes: 'Taget til efterretning.',
      attachments: [{ title: 'Årsrapport 2022', url: null, closed: false, later: false }],
      closed: false,
    });
  });

  it('gives text under "Bilag" that is no attachment back to the case text', () => {
    const c = ctx();
    const body = parseItemBody(
      toLines(
        [
          'Bilag',
          'Der er ingen bilag til dette punkt, da materialet først foreligger efter mødet i styregruppen.',
        ].join('\n'),
      ),
      c,
    );
    expect(body.attachments).toEqual([]);
    expect(body.caseText).toBe(
      'Der er ingen bilag til dette punkt, da materialet først foreligger efter mødet i styregruppen.',
    );
    expect(c.warnings).toEqual([]);
  });
});
