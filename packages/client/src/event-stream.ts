import { createParser } from 'eventsource-parser';
import type { EventObject } from '@ao/protocol';
import { AoApiError } from './api-error.js';

export interface StreamOptions {
  /** Start after this seq (0: from the beginning of the log). */
  after?: number;
  /** Only this session's events (id or name). */
  session?: string;
  /** Stop streaming (the iterator then ends). */
  signal?: AbortSignal;
}

export interface StreamConnection {
  url: string;
  token: string;
  fetch: typeof fetch;
  /** The server's keep-alive period: a stream silent for twice this is taken as dead and reopened. */
  keepAliveMs: number;
}

/** What ends a connection: the server's reply, a dropped or silent connection, or the caller. */
type ConnectionEnd = 'dropped' | 'silent' | 'aborted';

/**
 * The event log as an async iterable, live. After a dropped connection, or one silent for
 * 2 × the keep-alive period, it reconnects with `Last-Event-ID` = the last seq it yielded: the
 * server resumes from the store after it, so no event is missed and none is yielded twice.
 */
export async function* streamEvents(connection: StreamConnection, options: StreamOptions = {}): AsyncGenerator<EventObject> {
  let cursor = options.after ?? 0;
  let retryMs = 1000;
  const query = new URLSearchParams({ after: String(cursor), ...(options.session !== undefined && { session: options.session }) });
  while (!options.signal?.aborted) {
    const queue: EventObject[] = [];
    let wake: (() => void) | undefined;
    let ended: ConnectionEnd | undefined;
    const end = (why: ConnectionEnd) => {
      ended ??= why;
      wake?.();
    };
    const controller = new AbortController();
    const onAbort = () => {
      controller.abort();
      end('aborted');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let silence: NodeJS.Timeout | undefined;
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        controller.abort();
        end('silent');
      }, 2 * connection.keepAliveMs);
    };
    const parser = createParser({
      onEvent: (message) => {
        const event = JSON.parse(message.data) as EventObject;
        if (event.seq > cursor) queue.push(event);
        wake?.();
      },
      onRetry: (ms) => {
        retryMs = ms;
      },
    });
    try {
      heard();
      query.set('after', String(cursor));
      const response = await connection.fetch(`${connection.url}/v1/events/stream?${query}`, {
        headers: { authorization: `Bearer ${connection.token}`, accept: 'text/event-stream', 'last-event-id': String(cursor) },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
        // The request itself is wrong (a bad token, an unknown session): retrying cannot help.
        if (response.status >= 400 && response.status < 500) {
          throw new AoApiError(response.status, (body?.error?.code ?? 'internal_error') as AoApiError['code'], body?.error?.message ?? `HTTP ${response.status}`);
        }
        end('dropped');
      } else {
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
            // dropped or aborted: reconnect below
          }
          end('dropped');
        })();
      }
      for (;;) {
        while (queue.length > 0) {
          const event = queue.shift()!;
          if (event.seq <= cursor) continue;
          cursor = event.seq;
          yield event;
        }
        if (ended) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    } catch (error) {
      if (error instanceof AoApiError) throw error;
      if (options.signal?.aborted) break;
      // The daemon is down or restarting: try again after the server's retry interval.
    } finally {
      clearTimeout(silence);
      controller.abort();
      options.signal?.removeEventListener('abort', onAbort);
    }
    if (options.signal?.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}
