import { sessionView, type DisplayOptions, type SessionRecord, type Store } from '@ao/lifecycle';
import { decideNotifications, type DecisionSettings } from './decide-notifications.js';
import { atLeast } from './notification-kinds.js';
import { describeNotification } from './notification-text.js';
import { readNotifyCursor, recordDecisions, NOTIFY_CURSOR_META } from './notification-store.js';
import type { Sink } from './sink.js';

/** Entries read per transaction: keeps each one short while a backlog is worked through. */
const BATCH = 500;

export interface PassContext {
  store: Store;
  settings: DecisionSettings;
  sinks: readonly Sink[];
  apiUrl: string | null;
  display: (now: number) => DisplayOptions;
  now: () => number;
}

/**
 * The notifier's cursor, placed at the end of the log the first time a daemon runs it: what
 * happened before notifications existed is history, not news.
 */
export function ensureNotifyCursor(store: Store): number {
  return store.transaction(() => {
    const cursor = readNotifyCursor(store);
    if (cursor !== null) return cursor;
    const end = store.maxEventSeq();
    store.setMeta(NOTIFY_CURSOR_META, String(end));
    return end;
  });
}

/**
 * Decides on the entries after the cursor and records the notifications with the cursor's move,
 * one transaction per batch: a daemon killed at any moment has either recorded a batch's
 * decisions and moved past it, or done neither (docs/notifications.md, "Exactly once").
 * Returns how many notifications are new, and whether entries are left after `maxBatches` (the
 * daemon does one batch per turn of its loop, so a long backlog does not hold up ingestion).
 */
export function runDecisionPass(context: PassContext, maxBatches = Infinity): { added: number; more: boolean } {
  const { store } = context;
  let added = 0;
  for (let batch = 1; ; batch++) {
    const more = store.transaction(() => {
      const cursor = readNotifyCursor(store) ?? store.maxEventSeq();
      const events = store.listEvents({ since: cursor, limit: BATCH });
      const last = events.at(-1);
      if (last === undefined) return false;
      const now = context.now();
      const sessions = new Map<string, SessionRecord | undefined>();
      const sessionOf = (id: string) => {
        if (!sessions.has(id)) sessions.set(id, store.getSession(id));
        return sessions.get(id);
      };
      const decisions = decideNotifications({ events, sessionOf, settings: context.settings, now });
      const display = decisions.length > 0 ? context.display(now) : undefined;
      const decided = decisions.map((decision) => {
        const notification = describeNotification(decision, sessionView(decision.session, display!), context.apiUrl);
        const sinks = context.sinks.filter((sink) => atLeast(notification.priority, sink.minPriority)).map((sink) => sink.id);
        return { notification, sinks };
      });
      added += recordDecisions(store, { cursor: last.seq, now, decided }).length;
      return events.length === BATCH;
    });
    if (!more || batch >= maxBatches) return { added, more };
  }
}
