// A short agenda in Midtjylland's layout for the DASSOS demo meeting of 6 January 2027
// (the first coming meeting when the tests' clock says 22 November 2026).
export const AGENDA = `DASSOS den 6. januar 2027

Dagsorden

Tidspunkt: Den 6. januar kl. 13.00-15.00

Sted: Viborg Rådhus

Lokale: Mødelokale M5

1. Beslutningspunkter

1.1 Godkendelse af handlingsplan for Rammeaftale 2027-28

Ved Jesper Thyrring Møller

Indstilling

At DASSOS:

- Godkender handlingsplanen
- Drøfter de næste skridt

Sagsfremstilling

Fællessekretariatet har udarbejdet et udkast til handlingsplan med afsæt i udviklingsområderne.

Bilag:

Lukket bilag – Opsamling af kommunernes input (eftersendes)

2. Orienteringspunkter

2.1 Nyt fra Socialtilsyn Midt

Ved Brian Høyer Lorentsen

Indstilling

At DASSOS:

- Tager orienteringen til efterretning

Sagsfremstilling

Socialtilsynet orienterer om årets tilsyn og de vigtigste tendenser.

2.2 Status på central udmelding

Ved Thorbjørn Aagaard

Indstilling

At DASSOS:

- Tager orienteringen til efterretning

Sagsfremstilling

Der gives en kort status.
`;
