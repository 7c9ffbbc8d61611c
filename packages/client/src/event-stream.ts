import { createParser } from 'eventsource-parser';
import type { EventObject } from '@ao/protocol';
import { AoApiError } from './api-error.js';
import type { Endpoint } from './find-daemon.js';

/** Why a connection was lost before the stream reconnects. */
export type DisconnectReason =
  /** No connection could be opened: no daemon runs, it refused, or it answered 5xx. */
  | 'unreachable'
  /** The open connection closed (the daemon stopped or died). */
  | 'dropped'
  /** Nothing, not even a keep-alive, arrived for 2 × keepAliveMs: the connection was abandoned. */
  | 'silent';

export interface StreamOptions {
  /** Start after this seq (0: from the beginning of the log). */
  after?: number;
  /** Only this session's events (id or name). */
  session?: string;
  /** Stop streaming (the iterator then ends). */
  signal?: AbortSignal;
  /** Told each time the connection is lost, before the stream reconnects (to show "reconnecting…"). */
  onDisconnect?: (reason: DisconnectReason) => void;
}

export interface StreamConnection {
  /** Asked again before each connection: a daemon that restarted may listen on another port. */
  endpoint: () => Endpoint;
  fetch: typeof fetch;
  /** The server's keep-alive period: a stream silent for twice this is taken as dead and reopened. */
  keepAliveMs: number;
}

/** Until the server's `retry:` says otherwise: how long to wait before reconnecting. */
const DEFAULT_RETRY_MS = 1000;

/** What the stream carries over from one connection to the next. */
interface StreamState {
  /** The seq of the last event yielded: the next connection resumes after it. */
  cursor: number;
  retryMs: number;
}

type ConnectionEnd = DisconnectReason | 'aborted';

/**
 * The event log as an async iterable, live. After a dropped connection, or one silent for
 * 2 × the keep-alive period, it reconnects with `Last-Event-ID` = the last seq it yielded: the
 * server resumes from the store after it, so no event is missed and none is yielded twice, even
 * when another daemon (on another port) serves the reconnection.
 */
export async function* streamEvents(connection: StreamConnection, options: StreamOptions = {}): AsyncGenerator<EventObject> {
  const state: StreamState = { cursor: options.after ?? 0, retryMs: DEFAULT_RETRY_MS };
  while (!options.signal?.aborted) {
    const end = yield* followOneConnection(connection, options, state);
    if (end === 'aborted' || options.signal?.aborted) return;
    options.onDisconnect?.(end);
    await sleep(state.retryMs, options.signal);
  }
}

/** One connection: yields its events after the cursor and answers why it ended. */
async function* followOneConnection(connection: StreamConnection, options: StreamOptions, state: StreamState): AsyncGenerator<EventObject, ConnectionEnd> {
  const controller = new AbortController();
  const queue: EventObject[] = [];
  let ended: ConnectionEnd | undefined;
  let wake: (() => void) | undefined;
  const end = (why: ConnectionEnd) => {
    ended ??= why;
    controller.abort();
    wake?.();
  };
  const onAbort = () => end('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let silence: NodeJS.Timeout | undefined;
  // The daemon's own period when its api.json says it, else the client's.
  let keepAliveMs = connection.keepAliveMs;
  // Armed before the request too: a daemon that is frozen (SIGSTOP, a debugger) accepts the
  // connection in the kernel but never answers it.
  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(() => end('silent'), 2 * keepAliveMs);
  };
  try {
    let endpoint: Endpoint;
    try {
      endpoint = connection.endpoint();
      keepAliveMs = endpoint.keepAliveMs ?? connection.keepAliveMs;
    } catch (error) {
      if (error instanceof AoApiError && error.status === 0) return 'unreachable';
      throw error;
    }
    const query = new URLSearchParams({ after: String(state.cursor), ...(options.session !== undefined && { session: options.session }) });
    heard();
    let response: Response;
    try {
      response = await connection.fetch(`${endpoint.url}/v1/events/stream?${query}`, {
        headers: { authorization: `Bearer ${endpoint.token}`, accept: 'text/event-stream', 'last-event-id': String(state.cursor) },
        signal: controller.signal,
      });
    } catch {
      return ended ?? 'unreachable';
    }
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
      // The request itself is wrong (a bad token, an unknown session): retrying cannot help.
      if (response.status >= 400 && response.status < 500) {
        throw new AoApiError(response.status, (body?.error?.code ?? 'internal_error') as AoApiError['code'], body?.error?.message ?? `HTTP ${response.status}`);
      }
      return 'unreachable';
    }
    const parser = createParser({
      onEvent: (message) => {
        queue.push(JSON.parse(message.data) as EventObject);
        wake?.();
      },
      onRetry: (ms) => {
        state.retryMs = ms;
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          heard();
          parser.feed(value);
        }
      } catch {
        // dropped, abandoned or aborted: `end` below keeps the first reason
      }
      end('dropped');
    })();
    for (;;) {
      while (queue.length > 0) {
        const event = queue.shift()!;
        if (event.seq <= state.cursor) continue;
        state.cursor = event.seq;
        yield event;
      }
      if (ended !== undefined) return ended;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    clearTimeout(silence);
    controller.abort();
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Waits `ms`, or less when the caller aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
