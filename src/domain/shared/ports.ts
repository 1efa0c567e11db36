// Ports every feature uses: the audit log and the short-lived shared reads.
import type { Actor } from './types';

/** An audit record written by a repository together with the change it describes. */
export interface AuditEntry {
  committeeId: string | null;
  actorPersonId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  data: Record<string, unknown>;
  correlationId: string | null;
}

export interface AuditLog {
  record(event: {
    committeeId: string | null;
    actor: Actor;
    action: string;
    subjectType: string;
    subjectId?: string | null;
    data?: Record<string, unknown>;
    correlationId?: string;
    /** The acting person's id when the caller knows it already (spares a lookup). */
    actorPersonId?: string;
  }): Promise<void>;
}

/**
 * Reads that many readers share for a few seconds (the store's read cache): every write by
 * this process clears them, another instance's writes show after READ_CACHE_SECONDS at
 * most. For what is shown only, never for what a decision is made on.
 */
export interface SharedReads {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}
