import { watch, type FSWatcher } from 'node:fs';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { CliContext } from '../cli-context.js';
import { sessionFiles } from '../host/launch-spec.js';
import { formatTailCursor, readRingLogAfter, type TailCursor } from '../host/ring-log-tail.js';
import type { EventHub } from './event-hub.js';
import { RETRY_MS } from './event-stream.js';
import { sseSession } from './sse-session.js';

/** Output goes out in pieces of at most this many bytes (before base64): the first read can be 2 MiB. */
const PIECE_BYTES = 64 * 1024;
/** A missed filesystem notification costs at most this much delay. */
const FALLBACK_CHECK_MS = 1000;

/**
 * `GET /v1/sessions/{id}/output/stream` (docs/dashboard.md, "Terminal output"): the output the
 * session host keeps (`output.log.1`, `output.log`), then each new write as it lands, as
 * `event: output` with `data: {"base64"}` and the cursor `<inode>:<offset>` as id. A client that
 * reconnects with Last-Event-ID gets what follows it, across rotations; when those bytes were
 * rotated away meanwhile, `event: reset` comes first and then everything still held. When the
 * session has ended, the last output and then `event: end` are sent and the stream closes.
 */
export function streamSessionOutput(c: Context, context: CliContext, hub: EventHub, sessionId: string, resumeFrom: TailCursor | null, keepAliveMs: number): Response {
  const files = sessionFiles(context.paths.home, sessionId);
  return streamSSE(c, async (stream) => {
    let cursor = resumeFrom;
    const sse = sseSession(stream, keepAliveMs, RETRY_MS);

    const sendNew = async () => {
      const read = readRingLogAfter(files.output, files.previousOutput, cursor);
      if (read.reset) await stream.writeSSE({ event: 'reset', data: '{}' });
      for (const segment of read.segments) {
        for (let start = 0; start < segment.data.length; start += PIECE_BYTES) {
          const piece = segment.data.subarray(start, start + PIECE_BYTES);
          // The id is the cursor right after this piece: a resume repeats nothing and skips nothing.
          const id = formatTailCursor({ file: segment.file, offset: segment.from + start + piece.length });
          await stream.writeSSE({ event: 'output', id, data: JSON.stringify({ base64: piece.toString('base64') }) });
        }
      }
      cursor = read.cursor;
    };
    const ended = () => {
      const session = context.store.getSession(sessionId);
      return session === undefined || session.terminated || session.activityState === 'exited';
    };

    // One read at a time, in order: two interleaved would send the same bytes twice.
    const check = () =>
      sse.enqueue(async () => {
        const over = ended(); // asked before the read: output written before the end is in it
        await sendNew();
        if (over) {
          await stream.writeSSE({ event: 'end', data: JSON.stringify({ sessionId }) });
          sse.close();
        }
      });

    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(files.dir, () => check());
    } catch {
      // no session directory (an adopted session): the store's notifications and the timer remain
    }
    const unsubscribe = hub.subscribe(check);
    const fallback = setInterval(check, FALLBACK_CHECK_MS);
    check();
    await sse.done;
    watcher?.close();
    unsubscribe();
    clearInterval(fallback);
  });
}
