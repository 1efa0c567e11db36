// Every sentence the bot says, in Danish (default) and English. Values are plain
// strings or functions of plain data; cards receive them as template data.
import type { DomainErrorCode } from '../domain/errors';
import type { Role } from '../domain/types';
import type { Lang } from './locale';

const da = {
  appName: 'Dagsorden',
  greetingTitle: 'Hej, jeg er Dagsorden',
  greetingIntro:
    'Jeg samler styregruppens mødecyklus her i Teams: dagsordenens punkter som kort, indmeldte punkter før fristen, skriftligt input til dialogmøder, tilkendegivelser, beslutninger og referater, mødedatoer fra Outlook og en opsummering før hvert møde.',
  greetingChannel: 'I denne kanal svarer jeg for styregruppen, som kanalen er knyttet til.',
  greetingPersonal: 'Her i vores personlige chat kan du spørge om dine styregrupper og få dine egne påmindelser.',
  greetingGroup: 'I en gruppechat kan I spørge mig om styregruppens møder.',
  greetingTry: 'Prøv fx «næste møde» eller skriv «hjælp».',
  helpTitle: 'Det kan du skrive til mig',
  helpFooter: 'I en kanal skal du nævne mig først, fx «@Dagsorden næste møde».',
  commands: {
    nextMeeting: { text: 'næste møde', description: 'Hvornår og hvor er næste møde, og hvornår er fristen for at melde punkter ind?' },
    help: { text: 'hjælp', description: 'Viser denne oversigt.' },
    members: { text: 'medlemmer', description: 'Styregruppens medlemmer, organisationer og roller (sekretariatet kan rette dem).' },
    setup: { text: 'opsætning', description: 'Knyt kanalen til en styregruppe (sekretariatet).' },
  },
  nextMeetingTitle: 'Næste møde',
  place: 'Sted',
  room: 'Lokale',
  online: 'Online',
  joinOnline: 'Deltag online',
  deadlineOpen: (date: string) => `Punkter kan meldes ind senest ${date}`,
  deadlinePassed: (date: string) => `Fristen for at melde punkter ind var ${date}`,
  noPlace: 'Sted er ikke oplyst endnu',
  noMeetingTitle: 'Intet møde planlagt',
  noMeeting: (committee: string) => `${committee} har ingen kommende møder i Dagsorden endnu.`,
  noMeetingHowTo:
    'Sekretariatet kan tilføje møder, når styregruppens Outlook-kalender er koblet på, eller ved at oprette dem i Dagsorden.',
  unknownText: (text: string) => `Jeg forstod ikke «${text}». Skriv «hjælp» for at se, hvad jeg kan.`,
  tooLong: 'Din besked er for lang til, at jeg kan læse den. Skriv kortere, eller skriv «hjælp».',
  chooseCommittee: 'Du er med i flere styregrupper. Hvilken mener du?',
  notLinkedChannel: 'Denne kanal er ikke knyttet til en styregruppe endnu. Sekretariatet kan gøre det med «opsætning».',
  notMemberAnywhere: 'Du er ikke medlem af nogen styregruppe i Dagsorden. Kontakt sekretariatet, hvis det er en fejl.',
  errors: {
    not_member: 'Det kan kun styregruppens medlemmer.',
    not_secretariat: 'Det kan kun sekretariatet.',
    committee_not_found: 'Jeg kan ikke finde den styregruppe.',
    channel_not_linked: 'Denne kanal er ikke knyttet til en styregruppe endnu.',
    committee_ambiguous: 'Du er med i flere styregrupper – vælg én.',
    invalid_input: 'Noget af det indtastede er ikke gyldigt. Ret det, og prøv igen.',
    already_linked: 'Kanalen er allerede knyttet til en styregruppe.',
    conflict: 'En anden har netop ændret det samme. Se det nye indhold, og prøv igen.',
  } satisfies Record<DomainErrorCode, string>,
  lastSecretariat: 'Styregruppen skal have mindst én i sekretariatet.',
  unexpectedError: (ref: string) => `Beklager, noget gik galt hos mig. Prøv igen om lidt. (Fejl-id: ${ref})`,
  setupTitle: 'Opsætning af Dagsorden',
  setupIntro:
    'Knyt denne kanal til en styregruppe, så dagsordener, frister og påmindelser kommer her. Kun sekretariatet kan ændre opsætningen.',
  setupExisting: 'Eksisterende styregruppe',
  setupExistingPlaceholder: 'Vælg styregruppe',
  setupNewName: 'Eller opret en ny styregruppe (navn)',
  setupNewPlaceholder: 'Fx DASSOS',
  setupLink: 'Knyt kanalen',
  setupNeedChoice: 'Vælg en eksisterende styregruppe eller skriv navnet på en ny.',
  setupLinked: (name: string) => `Kanalen er nu knyttet til ${name}.`,
  setupAlreadyLinked: (name: string) => `Kanalen er knyttet til ${name}.`,
  setupOnlyInChannel: 'Opsætningen sker i den kanal, styregruppen skal bruge. Skriv «opsætning» dér.',
  importRoster: 'Hent teamets medlemmer',
  rosterImported: (added: number, existing: number) =>
    `${added} nye medlemmer hentet fra teamet (${existing} var der i forvejen). Sæt organisation og rolle under «medlemmer».`,
  rosterUnavailable: 'Jeg kunne ikke hente teamets medlemmer. Prøv igen fra kanalen i teamet.',
  membersTitle: (committee: string, count: number) => `Medlemmer af ${committee} (${count})`,
  membersHint: 'Sekretariatet kan rette organisation og rolle og gemme.',
  membersSave: 'Gem ændringer',
  membersSaved: (n: number) => (n === 0 ? 'Ingen ændringer at gemme.' : `${n} medlem${n === 1 ? '' : 'mer'} opdateret.`),
  organisation: 'Organisation',
  role: 'Rolle',
  noOrganisation: 'Ingen organisation',
  roles: { chair: 'Formand', secretariat: 'Sekretariat', member: 'Medlem', observer: 'Observatør' } satisfies Record<Role, string>,
  cardActionUnknown: 'Den knap kender jeg ikke (længere). Skriv «hjælp».',
};

export type Messages = typeof da;

const en: Messages = {
  appName: 'Dagsorden',
  greetingTitle: "Hi, I'm Dagsorden",
  greetingIntro:
    "I bring the committee's meeting cycle into Teams: agenda items as cards, topics submitted before the deadline, written input for dialogue meetings, positions and acknowledgements, decisions and minutes, meeting dates from Outlook and a digest before each meeting.",
  greetingChannel: 'In this channel I answer for the committee the channel is linked to.',
  greetingPersonal: 'Here in our personal chat you can ask about your committees and get your own reminders.',
  greetingGroup: "In a group chat you can ask me about the committee's meetings.",
  greetingTry: 'Try "next meeting" or type "help".',
  helpTitle: 'What you can type',
  helpFooter: 'In a channel, mention me first, e.g. "@Dagsorden next meeting".',
  commands: {
    nextMeeting: { text: 'next meeting', description: 'When and where is the next meeting, and when is the deadline for topics?' },
    help: { text: 'help', description: 'Shows this list.' },
    members: { text: 'members', description: "The committee's members, organisations and roles (the secretariat can edit them)." },
    setup: { text: 'setup', description: 'Link the channel to a committee (secretariat).' },
  },
  nextMeetingTitle: 'Next meeting',
  place: 'Place',
  room: 'Room',
  online: 'Online',
  joinOnline: 'Join online',
  deadlineOpen: (date: string) => `Topics can be submitted until ${date}`,
  deadlinePassed: (date: string) => `The deadline for topics was ${date}`,
  noPlace: 'Place not announced yet',
  noMeetingTitle: 'No meeting planned',
  noMeeting: (committee: string) => `${committee} has no coming meetings in Dagsorden yet.`,
  noMeetingHowTo:
    "The secretariat can add meetings by connecting the committee's Outlook calendar or by creating them in Dagsorden.",
  unknownText: (text: string) => `I didn't understand "${text}". Type "help" to see what I can do.`,
  tooLong: 'Your message is too long for me to read. Please write less, or type "help".',
  chooseCommittee: 'You are on several committees. Which one do you mean?',
  notLinkedChannel: 'This channel is not linked to a committee yet. The secretariat can do that with "setup".',
  notMemberAnywhere: 'You are not a member of any committee in Dagsorden. Contact the secretariat if this is wrong.',
  errors: {
    not_member: "Only the committee's members can do that.",
    not_secretariat: 'Only the secretariat can do that.',
    committee_not_found: "I can't find that committee.",
    channel_not_linked: 'This channel is not linked to a committee yet.',
    committee_ambiguous: 'You are on several committees – pick one.',
    invalid_input: 'Some of what you entered is not valid. Please correct it and try again.',
    already_linked: 'The channel is already linked to a committee.',
    conflict: 'Someone else just changed the same thing. Look at the new content and try again.',
  },
  lastSecretariat: 'The committee must keep at least one secretariat member.',
  unexpectedError: (ref: string) => `Sorry, something went wrong on my side. Please try again shortly. (Error id: ${ref})`,
  setupTitle: 'Set up Dagsorden',
  setupIntro:
    'Link this channel to a committee so agendas, deadlines and reminders arrive here. Only the secretariat can change the setup.',
  setupExisting: 'Existing committee',
  setupExistingPlaceholder: 'Choose a committee',
  setupNewName: 'Or create a new committee (name)',
  setupNewPlaceholder: 'E.g. DASSOS',
  setupLink: 'Link channel',
  setupNeedChoice: 'Choose an existing committee or type the name of a new one.',
  setupLinked: (name: string) => `The channel is now linked to ${name}.`,
  setupAlreadyLinked: (name: string) => `The channel is linked to ${name}.`,
  setupOnlyInChannel: 'Setup happens in the channel the committee will use. Type "setup" there.',
  importRoster: "Import the team's members",
  rosterImported: (added: number, existing: number) =>
    `${added} new members imported from the team (${existing} were already there). Set organisation and role under "members".`,
  rosterUnavailable: "I couldn't read the team's members. Try again from the team's channel.",
  membersTitle: (committee: string, count: number) => `Members of ${committee} (${count})`,
  membersHint: 'The secretariat can change organisation and role and save.',
  membersSave: 'Save changes',
  membersSaved: (n: number) => (n === 0 ? 'No changes to save.' : `${n} member${n === 1 ? '' : 's'} updated.`),
  organisation: 'Organisation',
  role: 'Role',
  noOrganisation: 'No organisation',
  roles: { chair: 'Chair', secretariat: 'Secretariat', member: 'Member', observer: 'Observer' },
  cardActionUnknown: 'I do not know that button (any more). Type "help".',
};

const catalogs: Record<Lang, Messages> = { da, en };

/** The messages in the given language. */
export function messages(lang: Lang): Messages {
  return catalogs[lang];
}
