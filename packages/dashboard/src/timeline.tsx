import type { EventObject } from '@ao/protocol';
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from './api.js';
import type { LiveSessions } from './live-sessions.js';
import { Ago } from './components.js';
import { describeEvent } from './event-words.js';

/** How many of the latest events the page keeps. */
const KEEP = 300;
/** Pages of 1,000 read at most when the page opens (the latest are what matter). */
const MAX_PAGES = 20;

/** The session's event log, latest first: read once, then from the page's one event stream. */
export function Timeline({ sessionId, live, now }: { sessionId: string; live: LiveSessions; now: number }) {
  const [events, setEvents] = useState<EventObject[]>([]);
  useEffect(() => {
    const bySeq = new Map<number, EventObject>();
    const publish = () => setEvents([...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, KEEP));
    const keep = (event: EventObject) => {
      if (event.sessionId !== sessionId) return;
      bySeq.set(event.seq, event);
      if (bySeq.size > KEEP * 2) for (const seq of [...bySeq.keys()].sort((a, b) => a - b).slice(0, bySeq.size - KEEP)) bySeq.delete(seq);
    };
    // Events that arrive while the log is read are kept too; a seq seen twice is one entry.
    const unsubscribe = live.onEvent((event) => {
      keep(event);
      publish();
    });
    void (async () => {
      let after = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await apiGet<{ events: EventObject[]; nextCursor: number | null }>(`/v1/events?session=${encodeURIComponent(sessionId)}&after=${after}&limit=1000`);
        if (!result.ok) return;
        for (const event of result.body.events) keep(event);
        publish();
        if (result.body.nextCursor === null) return;
        after = result.body.nextCursor;
      }
    })();
    return unsubscribe;
  }, [sessionId, live]);
  if (events.length === 0) return <p class="empty">No events yet.</p>;
  return (
    <ol class="timeline" aria-label="Events, latest first">
      {events.map((event) => (
        <li key={event.seq} class={`event event-${event.type}`}>
          <Ago iso={event.at} now={now} /> <span class="event-what">{describeEvent(event)}</span>
        </li>
      ))}
    </ol>
  );
}
