// One route of the tab's API: its method and path, zod schemas for the path's parameters
// and the body, and what it does with the caller's identity. The caller is the validated
// token's, never the request's; errors become status codes in one place (toHttp).
import { z } from 'zod';
import type { Logger } from 'pino';
import { isCprHeld } from '../domain/shared/cpr-check';
import { isDomainError, type DomainErrorCode } from '../domain/shared/errors';
import type { Actor } from '../domain/shared/types';
import type { TabServices } from './services';

export interface RouteContext {
  actor: Actor;
  services: TabServices;
  correlationId: string;
  log: Logger;
}

export interface Route<P extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Under /api/tab, with parameters as src/http/router.ts reads them: /meetings/:id */
  path: string;
  params: P;
  body?: B;
  /**
   * The body is a file's bytes (application/octet-stream, its name in X-File-Name), read
   * after the sign-in up to `maxBytes`; `body` then checks `{ name, bytes }`.
   */
  upload?: { maxBytes: number };
  run(ctx: RouteContext, params: z.output<P>, body: z.output<B>): Promise<unknown>;
  /**
   * GET only: the answer's version as an entity tag. A request whose If-None-Match names
   * it is answered 304 with no body (checked after the route's own authorisation ran).
   */
  etag?(answer: Awaited<ReturnType<Route<P, B>['run']>>): string;
}

const ROUTE = Symbol.for('dagsorden.api-route');

/**
 * Declares a route with its types inferred from its schemas. A route is one module
 * (`routes/*.route.ts`), found on disk by routes/index.ts: no list is kept by hand.
 */
export function defineRoute<P extends z.ZodType, B extends z.ZodType = z.ZodUndefined>(
  route: Route<P, B>,
): Route<P, B> {
  return Object.assign(route, { [ROUTE]: true });
}

export function isRoute(value: unknown): value is Route {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[ROUTE] === true
  );
}

/**
 * The one mapping of the committee's refusals to HTTP. Whatever one may not see answers
 * 404, like what does not exist, so the API tells no one what exists elsewhere; a role
 * one lacks where one may see the thing answers 403.
 */
const STATUS: Record<DomainErrorCode, number> = {
  not_member: 404,
  not_found: 404,
  committee_not_found: 404,
  channel_not_linked: 404,
  not_secretariat: 403,
  observer: 403,
  not_action_owner: 403,
  not_asked: 403,
  committee_ambiguous: 400,
  invalid_input: 400,
  cpr_found: 400,
  correction_needed: 400,
  already_linked: 409,
  conflict: 409,
  item_closed: 409,
  no_agenda: 409,
  item_number_taken: 409,
  no_open_meeting: 409,
  submission_reviewed: 409,
  input_closed: 409,
  no_input_request: 409,
  no_minutes: 409,
  attendance_closed: 409,
  no_meeting_on_date: 409,
  poll_closed: 409,
};

/**
 * A refusal a route states with what the tab needs to say it: the problems by field, or
 * what a colleague saved meanwhile. Nothing in it is the caller's own text echoed back.
 */
export class RouteRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string } & Record<string, unknown>,
  ) {
    super(body.error);
    this.name = 'RouteRefusal';
  }
}

type Refused = { status: number; body: { error: string } & Record<string, unknown> };

/** The status and body for an error; null when it is no refusal (a fault: 500, logged). */
export function toHttp(err: unknown): Refused | null {
  if (err instanceof RouteRefusal) return { status: err.status, body: err.body };
  // Held back for CPR-like numbers: where they stand (masked) and the fingerprint a confirmation names.
  if (isCprHeld(err)) {
    const { findings, fingerprint } = err.check;
    return { status: 400, body: { error: err.code, findings, fingerprint } };
  }
  if (isDomainError(err)) return { status: STATUS[err.code] ?? 400, body: { error: err.code } };
  return null;
}
