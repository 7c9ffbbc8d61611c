import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { eventView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import type { EventHub } from './event-hub.js';
import { sseSession } from './sse-session.js';

/** Sent first: how long a client waits before reconnecting after a drop. */
export const RETRY_MS = 1000;
/** A comment line this often keeps proxies from closing an idle stream and lets clients tell silence from death. */
export const DEFAULT_KEEP_ALIVE_MS = 15_000;
/** Events read from the store per query while catching up. */
const BATCH = 500;

export interface StreamQuery {
  sessionId: string | undefined;
  /** The last seq the client has: it gets every event after it, each once, in order. */
  after: number;
}

/**
 * `GET /v1/events/stream` (docs/api.md): Server-Sent Events, `id: <seq>`, `event: <type>`,
 * `data: <event JSON>`. The cursor is the client's `Last-Event-ID` or `after`; events come from the
 * store in seq order, so a client that reconnects with the last id it saw gets no gap and no duplicate,
 * whichever daemon serves it.
 */
export function streamEvents(c: Context, context: CliContext, hub: EventHub, query: StreamQuery, keepAliveMs: number): Response {
  return streamSSE(c, async (stream) => {
    let cursor = query.after;
    const sse = sseSession(stream, keepAliveMs, RETRY_MS);
    const flush = async () => {
      while (!sse.closed) {
        const events = context.store.listEvents({ sessionId: query.sessionId, since: cursor, limit: BATCH });
        for (const event of events) {
          await stream.writeSSE({ id: String(event.seq), event: event.type, data: JSON.stringify(eventView(event)) });
          cursor = event.seq;
        }
        if (events.length < BATCH) return;
      }
    };
    const unsubscribe = hub.subscribe(() => sse.enqueue(flush));
    sse.enqueue(flush);
    await sse.done;
    unsubscribe();
  });
}
