import { parsedDocumentSchema, type ParsedDocument } from '../domain/import/parsed-document';
import { isUuid } from './committee.repository';
import type { DocumentImport, Prisma, PrismaClient } from './generated/client';
import type { DocumentImportRecord, DocumentImportRepository } from '../domain/import/ports';

function toRecord(row: DocumentImport): DocumentImportRecord {
  return {
    id: row.id,
    committeeId: row.committeeId,
    personId: row.personId,
    kind: row.kind,
    fileName: row.fileName,
    // Stored by this code, but still checked: a row is data like any other input.
    parsed: parsedDocumentSchema.parse(row.parsed),
    status: row.status,
    meetingId: row.meetingId,
  };
}

export class PrismaDocumentImportRepository implements DocumentImportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async createPreview(input: {
    committeeId: string;
    personId: string;
    fileName: string | null;
    parsed: ParsedDocument;
  }): Promise<DocumentImportRecord> {
    const row = await this.prisma.$transaction(async (tx) => {
      await tx.documentImport.updateMany({
        where: { committeeId: input.committeeId, personId: input.personId, status: 'previewed' },
        data: { status: 'cancelled' },
      });
      return tx.documentImport.create({
        data: {
          committeeId: input.committeeId,
          personId: input.personId,
          kind: input.parsed.kind,
          fileName: input.fileName,
          parsed: input.parsed as unknown as Prisma.InputJsonValue,
        },
      });
    });
    return toRecord(row);
  }

  async find(id: string): Promise<DocumentImportRecord | null> {
    if (!isUuid(id)) return null;
    const row = await this.prisma.documentImport.findUnique({ where: { id } });
    return row && toRecord(row);
  }

  async cancel(id: string): Promise<DocumentImportRecord> {
    await this.prisma.documentImport.updateMany({ where: { id, status: 'previewed' }, data: { status: 'cancelled' } });
    return toRecord(await this.prisma.documentImport.findUniqueOrThrow({ where: { id } }));
  }
}
