// The demo committee's agenda for its first coming meeting, in the house format of
// DASSOS (after the public agenda of 30 October 2024, shortened): seeded as draft
// items, so "udsend dagsorden" can be tried at once.
export const DEMO_AGENDA = `# Dagsorden til møde i DASSOS

## 1. Beslutningspunkter

### 1.1 Input til årligt dialogmøde mellem Socialtilsynet og DASSOS repræsentanter

Ved Jesper Thyrring Møller

**Indstilling**

At DASSOS:

- Drøfter temaer, der ønskes dagsordenssat på det årlige dialogmøde med Socialtilsynet

**Sagsfremstilling**

For at understøtte dialog og samarbejde med Socialtilsyn Midt afholdes årligt et dialogmøde mellem repræsentanter fra DASSOS, Socialtilsyn Midt og Silkeborg Kommune.

DASSOS har forud for dagens møde haft mulighed for at indsende temaer, som ønskes drøftet på dialogmødet. Kommunernes input er samlet i et notat, der eftersendes som et lukket bilag til DASSOS repræsentanter. Temaerne drøftes og kvalificeres på dagens møde.

**Bilag**

Lukket bilag – Opsamling af input til dialogmøde med Socialtilsynet (eftersendes)

### 1.2 Godkendelse af endeligt udkast til Rammeaftale

Ved Jesper Thyrring Møller

**Indstilling**

At DASSOS:

- Godkender udkast til Rammeaftale
- Godkender udkast til Styringsaftale

**Sagsfremstilling**

DASSOS skal på dagens møde godkende endeligt udkast til Rammeaftale. Forslag til udviklingsområder er:

- Mental sundhed og psykiatri
- Borgere med komplekse udfordringer
- Overgangen fra børne- og ungeområdet til voksenområdet

Udviklingsområderne er blevet drøftet i DASSOS samt på KKR-konferencen med deltagelse af lokalpolitikere fra Midtjylland, hvor der var opbakning til de tre udviklingsområder.

**Opdateret styringsaftale**

Styringsaftalen er et bilag til rammeaftalen og udmønter finansieringsbekendtgørelsens bestemmelser. Den beskriver blandt andet principperne for omkostningsberegninger og betalingsmodeller på de tilbud, der er omfattet af rammeaftalen.

**Den videre proces**

Rammeaftalen sendes til godkendelse i KKR. Herefter sender KKR den endelige rammeaftale til godkendelse i byråd og regionsråd.

**Bilag**

- [Bilag 1 – Endeligt udkast Rammeaftale](https://www.kl.dk/kkr/kkr-midtjylland)
- [Bilag 2 – Endeligt udkast Styringsaftale](https://www.kl.dk/kkr/kkr-midtjylland)

### 1.3 Beslutning om den fremtidige organisering af takstgruppen

Ved Jesper Thyrring Møller

**Indstilling**

At DASSOS:

- Beslutter den fremtidige organisering af takstgruppen

**Sagsfremstilling**

Takstgruppens formand træder tilbage ved årets udgang efter 10 år på posten. Der er ikke indkommet kandidater til posten, og DASSOS drøfter derfor takstgruppens videre organisering.

Scenarie 1: DASSOS beslutter udpegningsproceduren for en ny formand, og formanden for DASSOS bemyndiges til at udpege en formand efter dialog med den relevante kommune.

Scenarie 2: Takstgruppen ændres til en ERFA-gruppe uden formand, som Fællessekretariatet indkalder. Denne løsning kan ikke anbefales.

## 2. Orienteringspunkter

### 2.1 Status vedr. ny takststruktur i Region Midtjylland

Ved socialdirektør Ann-Britt Wetche, Region Midtjylland

**Indstilling**

At DASSOS:

- Tager status på implementering af ny takststruktur i Region Midtjylland til efterretning

**Sagsfremstilling**

Den nye takstmodel består af basistakster (de faste udgifter så som bygninger og ledelse) og en fælles servicetimetakst, som timerne til den enkelte borger afregnes efter. Region Midtjylland fremlægger erfaringerne fra pilotindfasningen i Specialområde Socialpsykiatri Voksne.

### 2.2 Status Dialogforum mellem Ankestyrelsen og kommuner

Ved Katrine Axél og Lars Harder

**Indstilling**

At DASSOS:

- Tager orienteringen til efterretning

**Sagsfremstilling**

DASSOS' repræsentanter i Ankestyrelsens Dialogforum fremdrager udvalgte punkter fra seneste møde, som har størst relevans for de midtjyske kommuner.

**Bilag**

Bilag 4 – Referat fra mødet i Ankestyrelsens Dialogforum (eftersendes)

## 3. Punkter til kommende møder

### 3.1 Punkter til næste møde i DASSOS

Ved Jesper Thyrring Møller

**Indstilling**

At DASSOS:

- Tager den foreløbige sagsoversigt til efterretning, og
- Drøfter om der er andre sager til dagsordenen

**Sagsfremstilling**

Følgende sager forventes dagsordenssat: handlingsplan for Rammeaftalen, opfølgning på centrale udmeldinger og velfærdsteknologi på det specialiserede socialområde.

### 3.2 Eventuelt
`;
