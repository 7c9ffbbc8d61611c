import type { SessionView } from '@ao/lifecycle';

/**
 * The vocabulary of notifications (docs/notifications.md): how loud, what about, and the object a
 * sink receives. Pure types and tables; no IO.
 */

/** How much a notification should interrupt: ordered low < high < urgent. */
export const PRIORITIES = ['low', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** True when `priority` is at least `min` (a sink's `minPriority`). */
export function atLeast(priority: Priority, min: Priority): boolean {
  return PRIORITIES.indexOf(priority) >= PRIORITIES.indexOf(min);
}

export function highestPriority(priorities: readonly Priority[]): Priority {
  return priorities.reduce<Priority>((best, next) => (atLeast(next, best) ? next : best), 'low');
}

/**
 * What a notification is about:
 * - `needs-input`: a session opened a dialog (a permission or a question) and waits for its user;
 * - `turn-error`: a turn ended on an error (an API or auth failure);
 * - `agent-died`: the agent's process ended without `ao kill` and not cleanly;
 * - `turn-done`: a turn ended normally (only when `turnDone` is on);
 * - `test`: sent by `ao notify test`.
 */
export const NOTIFICATION_KINDS = ['needs-input', 'turn-error', 'agent-died', 'turn-done', 'test'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const PRIORITY_OF: Readonly<Record<NotificationKind, Priority>> = {
  'needs-input': 'urgent',
  'turn-error': 'high',
  'agent-died': 'high',
  'turn-done': 'low',
  test: 'high',
};

/** The dialog a `needs-input` notification is about (the session object's `openRequest`). */
export interface NotificationRequest {
  id: string;
  kind: 'permission' | 'question';
  tool: string | null;
  detail: string | null;
  askedAt: string;
}

/**
 * One notification as stored and as the `json` webhook format sends it. Field names are a
 * contract (add, never rename).
 */
export interface Notification {
  /** Unique per thing notified: `needs-input:<request id>`, `turn-error:<seq>`, `agent-died:<session>:<launch>`, `turn-done:<seq>`. */
  key: string;
  kind: NotificationKind;
  priority: Priority;
  /** One line: who and what ("demo-1 needs your permission"). */
  title: string;
  /** The detail: the tool and its command, the question, the error. */
  message: string;
  /** When it happened (ISO). */
  at: string;
  /** The event log entry it was decided from, null for a test. */
  seq: number | null;
  sessionId: string | null;
  /** The session as `ao status --json` showed it when the notification was decided. */
  session: SessionView | null;
  request: NotificationRequest | null;
  /** The error of a failed turn, or how a dead agent ended. */
  error: string | null;
  /** The session in the dashboard (`<api url>/#/sessions/<id>`), null when the daemon serves no API. */
  link: string | null;
}
