// The demo committee's history, so decisions, minutes and actions can be tried at once:
// the minutes of 18 May 2026 (after DASSOS' published minutes, shortened), whose
// decisions "beslutninger" finds, and the agenda of 21 October 2026, held but without
// minutes yet, for "referat punkt 1.1" and "referat".
export const DEMO_MINUTES_MAY = `## Referat DASSOS den 18. maj 2026

**Tidspunkt:** Den 18. maj 2026 kl. 13.00-15.00

**Sted:** Silkeborg Rådhus

**Lokale:** Byrådssalen

# 1. Beslutningspunkter

## 1.1 Drøftelse af udkast til Rammeaftale 2027-28

Ved Jesper Thyrring Møller

### Referat

Der var enighed om at fastholde de komplekse borgere som udviklingsområde, og at kommunerne skal arbejde henimod at etablere egne tilbud til de allermest komplekse borgere.

Der var et synspunkt om at bevare takstaftalen, imens vi parallelt arbejder med principperne.

Generelt var der enighed om, at vi i rammeaftalen skal være mere ambitiøse og præcise i vores mål.

### Indstilling

At DASSOS:

- Drøfter udkast til Rammeaftale 2027-28, herunder styringsaftalen

### Sagsfremstilling

DASSOS skal på dagens møde drøfte udkast til Rammeaftale 2027-28. Som overordnet udviklingsområde er "Borgere med komplekse udfordringer" blevet godkendt af DASSOS, KD-Net og KKR.

## 1.2 Godkendelse af fælles principper for samarbejdet på det specialiserede socialområde i Midtjylland

Ved Jesper Thyrring Møller

### Referat

DASSOS bakkede op om de fælles principper, og om at det primære fokus bør være på den økonomiske og kapacitetsmæssige udfordring.

Det skal beskrives, hvordan det håndteres, hvis principperne ikke overholdes.

### Indstilling

At DASSOS:

- Drøfter og godkender udkast til fælles principper for samarbejdet på det specialiserede socialområde i Midtjylland

### Sagsfremstilling

Der er inden for udviklingsområdet for borgere med komplekse udfordringer udarbejdet et udkast til fælles principper for samarbejdet.

## 1.5 Beslutning om tilslutning til anmodning om ændring af rammeaftaleperioden

Ved Jesper Thyrring Møller

### Referat

DASSOS bakkede op om den fælleskommunale henvendelse til Social- og Boligministeriet om forlængelse af rammeaftaleperioden fra 2 til 4 år.

### Indstilling

At DASSOS:

- Tager stilling til opbakning til fælleskommunal henvendelse til Social- og Boligministeriet om forlængelse af rammeaftaleperioden

### Sagsfremstilling

Forslaget indebærer, at den nuværende toårige rammeaftaleperiode ændres til en fireårig periode fra og med rammeaftalen for 2029–2032.

# 2. Orienteringspunkter

## 2.2 Kapacitetsstyring af herbergsområdet

Ved Lotte Henriksen

### Referat

DASSOS tog orienteringen til efterretning. Kommunerne med herbergskapacitet melder deres tal ind til arbejdsgruppen.

### Indstilling

At DASSOS:

- Tager status på arbejdet til efterretning

### Sagsfremstilling

Arbejdsgruppen har kvalitetssikret data fra de ni kommuner med herbergskapacitet.
`;

/** The follow-up agreed on 18 May, by item number: what, and by when. */
export const DEMO_ACTIONS_MAY: ReadonlyArray<{ number: string; what: string; owner: 'secretariat' | string; dueOn: string | null }> = [
  { number: '1.2', what: 'Sekretariatet beskriver, hvordan det håndteres, hvis principperne ikke overholdes', owner: 'secretariat', dueOn: '2026-08-11' },
  { number: '2.2', what: 'Kommunerne med herbergskapacitet melder deres tal ind til arbejdsgruppen', owner: 'Aarhus Kommune', dueOn: '2026-12-15' },
];

export const DEMO_AGENDA_OCTOBER = `# Dagsorden til møde i DASSOS

## 1. Beslutningspunkter

### 1.1 Godkendelse af endeligt udkast til Rammeaftale 2027-28

Ved Jesper Thyrring Møller

**Indstilling**

At DASSOS:

- Godkender endeligt udkast til Rammeaftale 2027-28 med henblik på videresendelse til KD-Net og KKR

**Sagsfremstilling**

Udkastet er justeret på baggrund af drøftelsen på mødet i maj og de lokalpolitiske tilbagemeldinger.

### 1.2 Drøftelse af handlingsplan for Rammeaftale 2027-28

Ved Jesper Thyrring Møller

**Indstilling**

At DASSOS:

- Drøfter udkast til handlingsplan for Rammeaftale 2027-28

**Sagsfremstilling**

Handlingsplanen udmønter udviklingsområdet for borgere med komplekse udfordringer i konkrete aktiviteter.

## 2. Orienteringspunkter

### 2.1 Handlingsplan for Rammeaftale 2025-26 – opfølgning

Ved Brian Høyer Lorentsen

**Indstilling**

At DASSOS:

- Tager status på handlingsplanen til efterretning

**Sagsfremstilling**

Sekretariatet giver status på de aktiviteter i handlingsplanen, der afsluttes i 2026.

## 3. Punkter til kommende møder

### 3.1 Eventuelt
`;
