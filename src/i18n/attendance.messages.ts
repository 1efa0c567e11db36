// What the bot says about attendance, stand-ins, quorum and date polls, in Danish
// (default) and English: messages(lang).att.attendance … and messages(lang).att.polls ….
import type { QuorumRule } from '../domain/attendance/types';
import type { DateAnswer } from '../domain/date-polls/types';

/** Danish genitive: "DASSOS' møde", "DAS Socials møde". */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

type Tally = Record<DateAnswer, number>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const attendanceDa = {
  commands: {
    attendance: { text: 'fremmøde · fremmøde [dato]', description: 'Hvem deltager, hvem har meldt afbud (med stedfortræder), og er mødet beslutningsdygtigt (sekretariatet).' },
    datePoll: { text: 'datoafstemning', description: 'Foreslå datoer til kommende møder; medlemmerne svarer i kanalen, og de valgte datoer bliver møder (sekretariatet).' },
  },
  errors: {
    attendance_closed: 'Mødet er begyndt, afholdt eller aflyst, så der kan ikke meldes fremmøde til det nu. Skriv til sekretariatet.',
    no_meeting_on_date: 'Jeg kan ikke finde et møde på den dato. Skriv fx «fremmøde 12. januar».',
    poll_closed: 'Afstemningen er lukket, eller svarfristen er overskredet, så svarene kan ikke ændres nu.',
    not_asked: 'Det er medlemmerne, der svarer på datoerne; sekretariatet og observatører følger med.',
  },
  attendance: {
    heading: 'Dit fremmøde',
    attend: 'Jeg deltager',
    absent: 'Jeg melder afbud',
    changeAbsent: 'Ret afbud',
    absentConfirm: 'Meld afbud',
    absentSave: 'Gem afbuddet',
    absentIntro: (date: string) => `Du melder afbud til mødet ${date}.`,
    absentStandInIntro: (organisation: string) =>
      `Peg gerne på en stedfortræder fra ${organisation}: vedkommende får besked, dagsordenen og de lukkede bilag.`,
    standInLabel: 'Stedfortræder (valgfri)',
    noStandIn: 'Ingen stedfortræder',
    standingMark: (name: string) => `${name} (fast stedfortræder)`,
    keepStanding: 'Husk som min faste stedfortræder',
    noCandidates: (organisation: string) =>
      `Dagsorden kender ingen andre fra ${organisation}. Skriv i bemærkningen, hvem der kommer i stedet, så tilføjer sekretariatet vedkommende.`,
    noteLabel: 'Bemærkning til sekretariatet (valgfri)',
    notePlaceholder: 'Fx hvem der kommer i stedet, hvis vedkommende ikke står på listen',
    statusNone: 'Deltager du? Svar med knapperne.',
    statusShared: 'Meld dit fremmøde med knapperne.',
    statusAttending: '✓ Du deltager',
    statusAbsent: 'Du har meldt afbud',
    statusStandIn: (name: string) => `Stedfortræder: ${name}`,
    statusNote: (note: string) => `Din bemærkning: «${note}»`,
    statusClosed: 'Mødet tager ikke imod tilmeldinger længere.',
    statusCancelled: 'Mødet er aflyst.',
    savedAttending: 'Tak – du er meldt som deltager.',
    savedAbsent: 'Dit afbud er registreret.',
    savedStandIn: (name: string, published: boolean) =>
      published
        ? `${name} er stedfortræder og har fået besked her i Teams med dagsordenen og de lukkede bilag.`
        : `${name} er stedfortræder og har fået besked her i Teams. Dagsordenen og de lukkede bilag følger, når dagsordenen udsendes.`,
    standInUnreachable: (name: string) =>
      `${name} er ikke set i Teams endnu, så jeg kan ikke skrive til vedkommende eller sende dagsordenen og de lukkede bilag. Sekretariatet har fået besked.`,
    unchanged: 'Det har du allerede svaret – intet er ændret.',
    // The stand-in's letters.
    standInNotice: (committee: string, when: string, member: string, organisation: string) =>
      `**Du er stedfortræder ved ${genitive(committee)} møde ${when}**\n\n${member} (${organisation}) har meldt afbud og peget på dig som stedfortræder.`,
    standInWhere: (place: string) => `Sted: ${place}`,
    standInMessage: (member: string, note: string) => `Besked fra ${member}: «${note}»`,
    standInAgendaFollows: 'Dagsordenen og de lukkede bilag følger her i chatten. De er til dig som stedfortræder – del dem ikke videre.',
    standInAgendaLater: 'Dagsordenen er ikke udsendt endnu. Du får den her i chatten, når sekretariatet udsender den.',
    standInReleased: (committee: string, when: string, member: string) =>
      `**Du er ikke længere stedfortræder ved ${genitive(committee)} møde ${when}**\n\n${member} har ændret sit svar. Tak for hjælpen.`,
    standInReleasedPapers: 'Slet venligst dagsordenen og de lukkede bilag, du har fået til mødet.',
    standInClosed: (committee: string, when: string, lines: string) =>
      `**Lukkede bilag til ${genitive(committee)} møde ${when}**\n\nTil dig som stedfortræder – del dem ikke videre.\n\n${lines}`,
    secretariatUnreachable: (member: string, organisation: string, standIn: string, when: string) =>
      `**Stedfortræder, jeg ikke kan skrive til**\n\n${member} (${organisation}) har meldt afbud til mødet ${when} med ${standIn} som stedfortræder. ${standIn} er ikke set i Teams, så jeg kan ikke sende dagsordenen og de lukkede bilag til vedkommende. Send dem på anden vis – eller hent teamets medlemmer under «opsætning», hvis ${standIn} er med i teamet.`,
    publishStandIns: (sent: number, unreachable: number) =>
      [
        sent ? `Dagsordenen og de lukkede bilag sendes også personligt til ${plural(sent, 'stedfortræder', 'stedfortrædere')}.` : '',
        unreachable ? `${plural(unreachable, 'stedfortræder', 'stedfortrædere')} kan ikke få dem fra mig (ikke set i Teams).` : '',
      ]
        .filter(Boolean)
        .join(' '),
    // The stand-in's agenda.
    agendaHeading: (committee: string) => `DAGSORDEN TIL STEDFORTRÆDER · ${committee}`,
    agendaPage: (page: number, pages: number) => `Side ${page} af ${pages}`,
    agendaFor: (member: string, organisation: string) => `Du deltager i stedet for ${member}, ${organisation}.`,
    agendaFooter: 'Til dig som stedfortræder – del ikke dagsordenens lukkede bilag videre.',
    attachmentClosedToYou: (title: string) => `🔒 ${title} – lukket bilag, sendt til dig personligt`,
    attachmentClosedLater: (title: string) => `🔒 ${title} – lukket bilag, eftersendes`,
    // "fremmøde".
    overviewHeading: (committee: string) => `FREMMØDE · ${committee}`,
    overviewTitle: (date: string) => `Mødet ${date}`,
    quorum: (quorate: boolean, represented: number, total: number, rule: string) =>
      `Beslutningsdygtigt: ${quorate ? 'ja' : 'nej'} (${represented} af ${total} organisationer, kræver ${rule})`,
    quorumNone: (represented: number, total: number) => `Ingen regel for beslutningsdygtighed · ${represented} af ${total} organisationer er repræsenteret`,
    quorumUndecided: (n: number) => `${plural(n, 'organisation', 'organisationer')} har ikke svaret endnu.`,
    ruleText: (rule: QuorumRule, minimum: number | null) =>
      [rule === 'more_than_half' ? 'mere end halvdelen' : rule === 'at_least_half' ? 'mindst halvdelen' : '', minimum ? `mindst ${minimum}` : '']
        .filter(Boolean)
        .join(', '),
    counts: (attending: number, absent: number, withStandIn: number, notAnswered: number) =>
      `${attending} deltager · ${absent} afbud (${withStandIn} med stedfortræder) · ${notAnswered} har ikke svaret`,
    lineAttending: (name: string) => `✓ ${name}`,
    lineAbsent: (name: string) => `Afbud: ${name}`,
    lineAbsentStandIn: (name: string, standIn: string) => `Afbud: ${name} · stedfortræder ${standIn}`,
    lineUnreachable: ' (kan ikke nås i Teams)',
    lineNotAnswered: (name: string) => `${name} – har ikke svaret`,
    lineNote: (note: string) => `«${note}»`,
    noMember: 'Ingen medlemmer i Dagsorden',
    othersHeading: 'Sekretariat, observatører og øvrige',
    recordButton: 'Registrér for et medlem',
    recordMember: 'Medlem',
    recordAnswer: 'Svar',
    recordStandIn: 'Stedfortræder (fra medlemmets organisation)',
    recordSave: 'Gem svaret',
    recorded: (name: string) => `Svaret for ${name} er gemt.`,
    recordedUnchanged: (name: string) => `${name} havde allerede det svar – intet er ændret.`,
    recordClosed: 'Mødets referat er udsendt, eller mødet er aflyst: fremmødet kan ikke ændres.',
    ruleButton: 'Regel',
    ruleLabel: 'Mødet er beslutningsdygtigt, når …',
    rules: {
      more_than_half: 'mere end halvdelen af organisationerne er repræsenteret',
      at_least_half: 'mindst halvdelen af organisationerne er repræsenteret',
      none: 'ingen regel',
    } satisfies Record<QuorumRule, string>,
    minimumLabel: 'Og mindst så mange organisationer (valgfrit)',
    ruleSave: 'Gem reglen',
    ruleSaved: 'Reglen er gemt.',
    refresh: 'Opdater',
    answers: { attending: 'Deltager', absent: 'Afbud' },
  },
  polls: {
    formHeading: (committee: string) => `DATOAFSTEMNING · ${committee}`,
    formTitle: 'Foreslå datoer til møderne',
    formIntro: 'Foreslå 2–4 datoer til hvert møde. Medlemmerne svarer «Passer», «Passer helst» eller «Passer ikke» på kortet i kanalen, og du vælger datoerne, når du lukker afstemningen.',
    title: 'Titel',
    titlePlaceholder: 'Fx Møder i første halvår 2027',
    place: 'Sted (valgfrit)',
    placePlaceholder: 'Fx Viborg Rådhus',
    deadline: 'Svarfrist (valgfri)',
    deadlineTime: 'Klokken',
    groups: ['Første møde', 'Andet møde', 'Tredje møde', 'Fjerde møde', 'Femte møde', 'Sjette møde'],
    candidate: (n: number) => `Dato ${n}`,
    from: 'Fra',
    to: 'Til',
    moreMeetings: 'Flere møder',
    send: 'Send til kanalen',
    problems: {
      title_empty: 'Skriv en titel.',
      title_too_long: (n: number) => `Titlen må højst være ${n} tegn.`,
      place_too_long: (n: number) => `Stedet må højst være ${n} tegn.`,
      groups_empty: 'Foreslå mindst to datoer til mindst ét møde.',
      groups_too_many: (n: number) => `Højst ${n} møder i én afstemning.`,
      candidates_too_few: (n: number) => `foreslå mindst ${n} datoer.`,
      candidates_too_many: (n: number) => `højst ${n} datoer.`,
      candidates_order: 'et møde skal slutte efter, det begynder.',
      candidates_past: 'datoerne skal ligge ude i fremtiden.',
      candidates_duplicate: 'den samme dato og tid står to gange.',
      deadline_past: 'Svarfristen skal ligge ude i fremtiden.',
      deadline_after_candidates: 'Svarfristen skal ligge før den første foreslåede dato.',
    },
    noChannel: 'Styregruppen er ikke knyttet til en kanal endnu, så jeg kan ikke lægge afstemningen ud. Skriv «opsætning» i den kanal, styregruppen bruger.',
    created: 'Afstemningen er på vej til kanalen. Her i chatten kan du følge svarene og lukke den, når medlemmerne har svaret.',
    heading: (committee: string) => `DATOAFSTEMNING · ${committee}`,
    deadlineLine: (deadline: string) => `Svar senest ${deadline}. Du kan ændre dine svar indtil da.`,
    noDeadline: 'Svar, når du kan. Du kan ændre dine svar, til sekretariatet lukker afstemningen.',
    deadlineShort: (deadline: string) => `Svarfrist ${deadline}.`,
    placeLine: (place: string) => `Sted: ${place}`,
    answered: (answered: number, total: number) => `${answered} af ${total} har svaret · ${total - answered} mangler`,
    answers: { yes: 'Passer', preferred: 'Passer helst', no: 'Passer ikke' } satisfies Record<DateAnswer, string>,
    tally: (t: Tally) => `${t.yes} passer · ${t.preferred} passer helst · ${t.no} passer ikke`,
    choose: 'Vælg …',
    save: 'Gem mine svar',
    saved: 'Tak – dine svar er gemt. Du kan ændre dem, til afstemningen lukkes.',
    unchanged: 'Dine svar er de samme som før – intet er ændret.',
    noneGiven: 'Vælg et svar ved mindst én dato.',
    best: '★ flest kan',
    decided: (when: string) => `Afgjort: ${when}`,
    closedBy: (name: string, when: string) => `Lukket af ${name} ${when}. Møderne er lagt ind i Dagsorden.`,
    deadlinePassed: 'Svarfristen er overskredet. Sekretariatet vælger datoerne.',
    secretariatNote: 'Du er i sekretariatet: luk afstemningen og vælg datoerne, når medlemmerne har svaret.',
    close: 'Luk og vælg datoer',
    closeIntro: 'Den bedste dato er valgt på forhånd: flest «passer» og «passer helst», dernæst færrest «passer ikke».',
    candidateChoice: (when: string, t: Tally) => `${when} (${t.yes} passer, ${t.preferred} helst, ${t.no} ikke)`,
    closeConfirm: 'Luk afstemningen og opret møderne',
    closeDone: (n: number) => `Afstemningen er lukket, og ${plural(n, 'møde', 'møder')} er oprettet.`,
    closedFirst: (name: string) => `${name} har allerede lukket afstemningen. Intet er ændret.`,
    result: (title: string, lines: string) => `**Datoerne er valgt: ${title}**\n\n${lines}`,
    resultLine: (label: string, when: string) => `- ${label}: ${when}`,
    reminder: (title: string, deadline: string) =>
      `**Påmindelse: ${title}**\n\nSekretariatet mangler dit svar på, hvilke datoer der passer dig. Svarfristen er ${deadline}. Svar på kortet i kanalen.`,
    due: (title: string, answered: number, total: number) =>
      `**Svarfristen er udløbet: ${title}**\n\n${answered} af ${total} har svaret. Luk afstemningen og vælg datoerne på kortet her i chatten (eller i kanalen).`,
    outlookFailed: (when: string, error: string) => `Mødet ${when} er oprettet i Dagsorden, men ikke i Outlook: ${error}`,
    refresh: 'Opdater',
  },
};

export const attendanceEn: typeof attendanceDa = {
  commands: {
    attendance: { text: 'attendance · attendance [date]', description: 'Who attends, who sent apologies (with a stand-in), and whether the meeting is quorate (secretariat).' },
    datePoll: { text: 'date poll', description: 'Propose dates for coming meetings; members answer in the channel, and the dates chosen become meetings (secretariat).' },
  },
  errors: {
    attendance_closed: 'The meeting has started, been held or been cancelled, so attendance cannot be given for it now. Write to the secretariat.',
    no_meeting_on_date: 'I cannot find a meeting on that date. Type e.g. "attendance 12 January".',
    poll_closed: 'The poll is closed, or its deadline has passed, so the answers cannot be changed now.',
    not_asked: 'The members answer on the dates; the secretariat and observers follow along.',
  },
  attendance: {
    heading: 'Your attendance',
    attend: 'I will attend',
    absent: 'Send apologies',
    changeAbsent: 'Change apologies',
    absentConfirm: 'Send apologies',
    absentSave: 'Save',
    absentIntro: (date: string) => `You send apologies for the meeting on ${date}.`,
    absentStandInIntro: (organisation: string) =>
      `You may name a stand-in from ${organisation}: they are told, and get the agenda and the closed attachments.`,
    standInLabel: 'Stand-in (optional)',
    noStandIn: 'No stand-in',
    standingMark: (name: string) => `${name} (standing stand-in)`,
    keepStanding: 'Remember as my standing stand-in',
    noCandidates: (organisation: string) =>
      `Dagsorden knows nobody else from ${organisation}. Write in the note who comes instead, and the secretariat adds them.`,
    noteLabel: 'Note to the secretariat (optional)',
    notePlaceholder: 'E.g. who comes instead, if they are not on the list',
    statusNone: 'Will you attend? Answer with the buttons.',
    statusShared: 'Give your attendance with the buttons.',
    statusAttending: '✓ You attend',
    statusAbsent: 'You have sent apologies',
    statusStandIn: (name: string) => `Stand-in: ${name}`,
    statusNote: (note: string) => `Your note: "${note}"`,
    statusClosed: 'The meeting no longer takes attendance.',
    statusCancelled: 'The meeting is cancelled.',
    savedAttending: 'Thank you – you are down as attending.',
    savedAbsent: 'Your apologies are recorded.',
    savedStandIn: (name: string, published: boolean) =>
      published
        ? `${name} is your stand-in and has been told here in Teams, with the agenda and the closed attachments.`
        : `${name} is your stand-in and has been told here in Teams. The agenda and the closed attachments follow when the agenda is published.`,
    standInUnreachable: (name: string) =>
      `${name} has not been seen in Teams yet, so I cannot write to them or send them the agenda and the closed attachments. The secretariat has been told.`,
    unchanged: 'That is your answer already – nothing was changed.',
    standInNotice: (committee: string, when: string, member: string, organisation: string) =>
      `**You are a stand-in at the ${committee} meeting on ${when}**\n\n${member} (${organisation}) has sent apologies and named you as their stand-in.`,
    standInWhere: (place: string) => `Place: ${place}`,
    standInMessage: (member: string, note: string) => `Message from ${member}: "${note}"`,
    standInAgendaFollows: 'The agenda and the closed attachments follow here in the chat. They are for you as stand-in – do not pass them on.',
    standInAgendaLater: 'The agenda is not published yet. You will get it here in the chat when the secretariat publishes it.',
    standInReleased: (committee: string, when: string, member: string) =>
      `**You are no longer a stand-in at the ${committee} meeting on ${when}**\n\n${member} has changed their answer. Thank you for your help.`,
    standInReleasedPapers: 'Please delete the agenda and the closed attachments you were sent for the meeting.',
    standInClosed: (committee: string, when: string, lines: string) =>
      `**Closed attachments for the ${committee} meeting on ${when}**\n\nFor you as stand-in – do not pass them on.\n\n${lines}`,
    secretariatUnreachable: (member: string, organisation: string, standIn: string, when: string) =>
      `**A stand-in I cannot write to**\n\n${member} (${organisation}) has sent apologies for the meeting on ${when} with ${standIn} as stand-in. ${standIn} has not been seen in Teams, so I cannot send them the agenda and the closed attachments. Send them another way – or import the team's members under "setup" if ${standIn} is in the team.`,
    publishStandIns: (sent: number, unreachable: number) =>
      [
        sent ? `The agenda and the closed attachments are also being sent personally to ${plural(sent, 'stand-in', 'stand-ins')}.` : '',
        unreachable ? `${plural(unreachable, 'stand-in', 'stand-ins')} cannot get them from me (not seen in Teams).` : '',
      ]
        .filter(Boolean)
        .join(' '),
    agendaHeading: (committee: string) => `AGENDA FOR A STAND-IN · ${committee}`,
    agendaPage: (page: number, pages: number) => `Page ${page} of ${pages}`,
    agendaFor: (member: string, organisation: string) => `You attend in place of ${member}, ${organisation}.`,
    agendaFooter: "For you as stand-in – do not pass the agenda's closed attachments on.",
    attachmentClosedToYou: (title: string) => `🔒 ${title} – closed attachment, sent to you personally`,
    attachmentClosedLater: (title: string) => `🔒 ${title} – closed attachment, to follow`,
    overviewHeading: (committee: string) => `ATTENDANCE · ${committee}`,
    overviewTitle: (date: string) => `The meeting on ${date}`,
    quorum: (quorate: boolean, represented: number, total: number, rule: string) =>
      `Quorate: ${quorate ? 'yes' : 'no'} (${represented} of ${total} organisations, needs ${rule})`,
    quorumNone: (represented: number, total: number) => `No quorum rule · ${represented} of ${total} organisations are represented`,
    quorumUndecided: (n: number) => `${plural(n, 'organisation has', 'organisations have')} not answered yet.`,
    ruleText: (rule: QuorumRule, minimum: number | null) =>
      [rule === 'more_than_half' ? 'more than half' : rule === 'at_least_half' ? 'at least half' : '', minimum ? `at least ${minimum}` : '']
        .filter(Boolean)
        .join(', '),
    counts: (attending: number, absent: number, withStandIn: number, notAnswered: number) =>
      `${attending} attending · ${absent} apologies (${withStandIn} with a stand-in) · ${notAnswered} not answered`,
    lineAttending: (name: string) => `✓ ${name}`,
    lineAbsent: (name: string) => `Apologies: ${name}`,
    lineAbsentStandIn: (name: string, standIn: string) => `Apologies: ${name} · stand-in ${standIn}`,
    lineUnreachable: ' (cannot be reached in Teams)',
    lineNotAnswered: (name: string) => `${name} – not answered`,
    lineNote: (note: string) => `"${note}"`,
    noMember: 'No members in Dagsorden',
    othersHeading: 'Secretariat, observers and others',
    recordButton: 'Record for a member',
    recordMember: 'Member',
    recordAnswer: 'Answer',
    recordStandIn: "Stand-in (from the member's organisation)",
    recordSave: 'Save the answer',
    recorded: (name: string) => `The answer for ${name} is saved.`,
    recordedUnchanged: (name: string) => `${name} had that answer already – nothing was changed.`,
    recordClosed: 'The minutes of the meeting are published, or the meeting is cancelled: attendance cannot be changed.',
    ruleButton: 'Rule',
    ruleLabel: 'The meeting is quorate when …',
    rules: {
      more_than_half: 'more than half of the organisations are represented',
      at_least_half: 'at least half of the organisations are represented',
      none: 'no rule',
    },
    minimumLabel: 'And at least this many organisations (optional)',
    ruleSave: 'Save the rule',
    ruleSaved: 'The rule is saved.',
    refresh: 'Refresh',
    answers: { attending: 'Attending', absent: 'Apologies' },
  },
  polls: {
    formHeading: (committee: string) => `DATE POLL · ${committee}`,
    formTitle: 'Propose dates for the meetings',
    formIntro: 'Propose 2–4 dates for each meeting. Members answer "Suits me", "Suits me best" or "Does not suit me" on the card in the channel, and you choose the dates when you close the poll.',
    title: 'Title',
    titlePlaceholder: 'E.g. Meetings in the first half of 2027',
    place: 'Place (optional)',
    placePlaceholder: 'E.g. Viborg City Hall',
    deadline: 'Deadline for answers (optional)',
    deadlineTime: 'Time',
    groups: ['First meeting', 'Second meeting', 'Third meeting', 'Fourth meeting', 'Fifth meeting', 'Sixth meeting'],
    candidate: (n: number) => `Date ${n}`,
    from: 'From',
    to: 'To',
    moreMeetings: 'More meetings',
    send: 'Send to the channel',
    problems: {
      title_empty: 'Write a title.',
      title_too_long: (n: number) => `The title can be at most ${n} characters.`,
      place_too_long: (n: number) => `The place can be at most ${n} characters.`,
      groups_empty: 'Propose at least two dates for at least one meeting.',
      groups_too_many: (n: number) => `At most ${n} meetings in one poll.`,
      candidates_too_few: (n: number) => `propose at least ${n} dates.`,
      candidates_too_many: (n: number) => `at most ${n} dates.`,
      candidates_order: 'a meeting must end after it starts.',
      candidates_past: 'the dates must be in the future.',
      candidates_duplicate: 'the same date and time is there twice.',
      deadline_past: 'The deadline must be in the future.',
      deadline_after_candidates: 'The deadline must be before the first date proposed.',
    },
    noChannel: 'The committee is not linked to a channel yet, so I cannot post the poll. Type "setup" in the channel the committee uses.',
    created: 'The poll is on its way to the channel. Here in the chat you can follow the answers and close it when the members have answered.',
    heading: (committee: string) => `DATE POLL · ${committee}`,
    deadlineLine: (deadline: string) => `Answer by ${deadline}. You can change your answers until then.`,
    noDeadline: 'Answer when you can. You can change your answers until the secretariat closes the poll.',
    deadlineShort: (deadline: string) => `Deadline ${deadline}.`,
    placeLine: (place: string) => `Place: ${place}`,
    answered: (answered: number, total: number) => `${answered} of ${total} have answered · ${total - answered} missing`,
    answers: { yes: 'Suits me', preferred: 'Suits me best', no: 'Does not suit me' },
    tally: (t: Tally) => `${t.yes} suits · ${t.preferred} suits best · ${t.no} does not suit`,
    choose: 'Choose …',
    save: 'Save my answers',
    saved: 'Thank you – your answers are saved. You can change them until the poll is closed.',
    unchanged: 'Your answers are the same as before – nothing was changed.',
    noneGiven: 'Choose an answer for at least one date.',
    best: '★ most can',
    decided: (when: string) => `Decided: ${when}`,
    closedBy: (name: string, when: string) => `Closed by ${name} ${when}. The meetings are in Dagsorden.`,
    deadlinePassed: 'The deadline has passed. The secretariat chooses the dates.',
    secretariatNote: 'You are in the secretariat: close the poll and choose the dates when the members have answered.',
    close: 'Close and choose dates',
    closeIntro: 'The best date is chosen already: the most "suits" and "suits best", then the fewest "does not suit".',
    candidateChoice: (when: string, t: Tally) => `${when} (${t.yes} suit, ${t.preferred} best, ${t.no} not)`,
    closeConfirm: 'Close the poll and create the meetings',
    closeDone: (n: number) => `The poll is closed, and ${plural(n, 'meeting is', 'meetings are')} created.`,
    closedFirst: (name: string) => `${name} has closed the poll already. Nothing was changed.`,
    result: (title: string, lines: string) => `**The dates are chosen: ${title}**\n\n${lines}`,
    resultLine: (label: string, when: string) => `- ${label}: ${when}`,
    reminder: (title: string, deadline: string) =>
      `**Reminder: ${title}**\n\nThe secretariat is missing your answer on which dates suit you. The deadline is ${deadline}. Answer on the card in the channel.`,
    due: (title: string, answered: number, total: number) =>
      `**The deadline has passed: ${title}**\n\n${answered} of ${total} have answered. Close the poll and choose the dates on the card here in the chat (or in the channel).`,
    outlookFailed: (when: string, error: string) => `The meeting on ${when} is created in Dagsorden, but not in Outlook: ${error}`,
    refresh: 'Refresh',
  },
};
