import { eventView, sessionView, type EventView, type SessionRecord, type SessionView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { notFound } from '../cli-error.js';
import { displayOptions } from '../display-settings.js';

/**
 * The read operations (docs/architecture.md, "One core, three doors"): what `ao ls`, `ao status`,
 * `ao events`, their `ao json` actions and the HTTP API answer. No zod here: `ao ls` loads this
 * module and must stay cheap; the doors that take JSON validate it before calling.
 */

export function findSessionOrThrow(context: CliContext, idOrName: string): SessionRecord {
  const session = context.store.findSession(idOrName);
  if (!session) throw notFound(`no session "${idOrName}" (see 'ao ls --all')`);
  return session;
}

/** The session object of a record, as of now. */
export function viewOf(context: CliContext, session: SessionRecord): SessionView {
  return sessionView(session, displayOptions(context.env, context.now()));
}

/** `ls`: live sessions (all: terminated too), current as of now. */
export async function listSessions(context: CliContext, input: { all?: boolean }): Promise<SessionView[]> {
  const display = displayOptions(context.env, 0); // a malformed setting fails before any work
  await context.refresh();
  const now = context.now();
  return context.store.listSessions({ all: input.all === true }).map((session) => sessionView(session, { ...display, now }));
}

/** `status`: one session, by id or name, current as of now. */
export async function getSession(context: CliContext, input: { id: string }): Promise<SessionView> {
  const display = displayOptions(context.env, 0);
  await context.refresh();
  return sessionView(findSessionOrThrow(context, input.id), { ...display, now: context.now() });
}

export interface EventsQuery {
  /** A session id or name. */
  id?: string;
  /** Only events after this seq (the cursor); `since` is the CLI's older name for it. */
  after?: number;
  since?: number;
  limit?: number;
}

/** `events`: every matching event after the cursor, oldest first (at most `limit` when given). */
export async function listEvents(context: CliContext, query: EventsQuery): Promise<EventView[]> {
  await context.refresh();
  const sessionId = query.id === undefined ? undefined : findSessionOrThrow(context, query.id).id;
  return context.store.listEvents({ sessionId, since: query.after ?? query.since, limit: query.limit }).map(eventView);
}

/** A page of events and the cursor of the next one (null at the end of the log). */
export async function eventsPage(context: CliContext, query: EventsQuery & { limit: number }): Promise<{ events: EventView[]; nextCursor: number | null }> {
  const events = await listEvents(context, { ...query, limit: query.limit + 1 });
  const page = events.slice(0, query.limit);
  return { events: page, nextCursor: events.length > query.limit ? (page.at(-1)?.seq ?? null) : null };
}
