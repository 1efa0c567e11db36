import { outcomeFromMinutes } from '../../../src/domain/minutes/minutes-outcome';

describe('outcomeFromMinutes', () => {
  it.each([
    ['DASSOS godkendte indstillingen.', 'approved'],
    ['DASSOS godkendte udkastet med de ændringer, der blev nævnt på mødet.', 'approved_with_changes'],
    ['DASSOS godkendte ikke forslaget.', 'rejected'],
    ['Forslaget blev afvist.', 'rejected'],
    ['DASSOS tog orienteringen til efterretning.', 'noted'],
    ['Orienteringen blev taget til efterretning.', 'noted'],
    ['DASSOS drøftede temaerne og kvalificerede dem.', 'discussed'],
    ['Punktet blev udsat til næste møde.', 'postponed'],
    ['Ingen bemærkninger.', 'discussed'],
  ])('%s → %s', (text, outcome) => {
    expect(outcomeFromMinutes(text)).toBe(outcome);
  });

  it('does not read "godkendelse" inside another word as approval of something else', () => {
    expect(outcomeFromMinutes('Forhåndsgodkendelsen drøftet.')).toBe('discussed');
  });
});
