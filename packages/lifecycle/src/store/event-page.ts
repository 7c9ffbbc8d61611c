import type { Store } from './store.js';
import type { EventRecord } from './event-record.js';

export interface EventPageQuery {
  sessionId?: string;
  /** The cursor: events with seq strictly greater than this. */
  after?: number;
  /** At most this many events (a positive integer). */
  limit: number;
}

export interface EventPage {
  events: EventRecord[];
  /** The seq to pass as `after` for the next page; null when this page reaches the end of the log. */
  nextCursor: number | null;
}

export class InvalidEventPageError extends Error {
  readonly code = 'invalid_argument';
}

/**
 * One page of the event log, oldest first. Reads one event more than asked to know whether
 * another page exists, so a caller never gets a cursor that leads to an empty page (events
 * appended later come after it all the same: seq only grows).
 */
export function eventPage(store: Store, query: EventPageQuery): EventPage {
  const { limit } = query;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new InvalidEventPageError(`limit must be a positive integer, not ${String(limit)}`);
  if (query.after !== undefined && !Number.isSafeInteger(query.after)) throw new InvalidEventPageError(`after must be an event seq (an integer), not ${String(query.after)}`);
  const events = store.listEvents({
    ...(query.sessionId !== undefined && { sessionId: query.sessionId }),
    ...(query.after !== undefined && { since: query.after }),
    limit: limit + 1,
  });
  if (events.length <= limit) return { events, nextCursor: null };
  events.length = limit;
  return { events, nextCursor: events[limit - 1]!.seq };
}
