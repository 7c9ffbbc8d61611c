import type { SSEStreamingApi } from 'hono/streaming';

/** One server-sent-events response's life: ordered writes, keep-alives, and its end. */
export interface SseSession {
  readonly closed: boolean;
  /** Runs `work` after every write queued before it, unless the response has ended; a failed write ends it. */
  enqueue(work: () => Promise<void>): void;
  close(): void;
  /** Resolves when the client has gone or close() was called; the keep-alives have stopped by then. */
  readonly done: Promise<void>;
}

/**
 * Writes one at a time, in order (two interleaved reads from a cursor would send the same thing
 * twice), with `retry:` first and a `: keep-alive` comment every keepAliveMs so clients can tell
 * a quiet stream from a dead one (docs/api.md, "The event stream").
 */
export function sseSession(stream: SSEStreamingApi, keepAliveMs: number, retryMs: number): SseSession {
  let closed = false;
  let finish: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const close = () => {
    closed = true;
    finish();
  };
  stream.onAbort(close);
  let pending: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    pending = pending.then(() => (closed ? undefined : work())).catch(close);
  };
  enqueue(() => stream.write(`retry: ${retryMs}\n\n`).then(() => undefined));
  const keepAlive = setInterval(() => enqueue(() => stream.write(': keep-alive\n\n').then(() => undefined)), keepAliveMs);
  return {
    get closed() {
      return closed;
    },
    enqueue,
    close,
    done: ended.then(() => clearInterval(keepAlive)),
  };
}
