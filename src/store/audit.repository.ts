import type { Prisma, PrismaClient } from './generated/client';
import type { AuditLog } from '../domain/shared/ports';

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly prisma: PrismaClient) {}

  async record(event: Parameters<AuditLog['record']>[0]): Promise<void> {
    const actor = event.actorPersonId
      ? { id: event.actorPersonId }
      : event.actor.aadObjectId
      ? await this.prisma.person.findUnique({ where: { aadObjectId: event.actor.aadObjectId }, select: { id: true } })
      : null;
    await this.prisma.auditEvent.create({
      data: {
        committeeId: event.committeeId,
        actorId: actor?.id ?? null,
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId ?? null,
        data: { actorName: event.actor.name, ...event.data } as Prisma.InputJsonValue,
        correlationId: event.correlationId ?? null,
      },
    });
  }
}
