import { eventView, type EventView } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { daemonHealth } from '../daemon/daemon-health.js';
import { existsSync } from 'node:fs';
import { apiInfoPath } from '../api/api-info.js';

/** Until this is aborted (Ctrl-C, SIGTERM). */
function interrupted(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

/**
 * `ao events --follow` after its first page: the daemon's event stream while a daemon serves one
 * (events arrive as they are ingested, with no polling), else, or once the daemon is gone, this
 * process's own ingestion every 250 ms. Either way from the last seq emitted, so nothing is shown
 * twice or skipped when it switches.
 */
export async function followEvents(context: CliContext, sessionId: string | undefined, after: number, emit: (events: EventView[]) => void): Promise<void> {
  const signal = interrupted();
  let cursor = after;
  if (daemonHealth(context.paths.home).state === 'running' && existsSync(apiInfoPath(context.paths.home))) {
    const { AoClient } = await import('@ao/client');
    const stream = new AoClient({ aoHome: context.paths.home });
    const streaming = new AbortController();
    signal.addEventListener('abort', () => streaming.abort(), { once: true });
    try {
      for await (const event of stream.events.stream({
        after: cursor,
        ...(sessionId !== undefined && { session: sessionId }),
        signal: streaming.signal,
        // No daemon to reconnect to: carry on reading the store here.
        onDisconnect: (reason) => {
          if (reason === 'unreachable' || daemonHealth(context.paths.home).state !== 'running') streaming.abort();
        },
      })) {
        emit([event as EventView]);
        cursor = event.seq;
      }
    } catch (error) {
      context.logger.warn({ error: String(error) }, 'event stream failed; following the store directly');
    }
  }
  while (!signal.aborted) {
    await context.refresh();
    const events = context.store.listEvents({ sessionId, since: cursor }).map(eventView);
    if (events.length > 0) {
      emit(events);
      cursor = events.at(-1)!.seq;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
