import type { ActivityState, AoEvent } from '@ao/activity-dispatch';
import type { ExternalEventName, LifecycleEvent, TerminationReason } from './event-names.js';

/**
 * `transition` (a state change), `signal` (accepted, no change), `lifecycle` (ao's own record of a
 * session's life), `external` (something outside the agent: a CI failure, a review).
 */
export const EVENT_TYPES = ['transition', 'signal', 'lifecycle', 'external'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Each type of entry holds only its own kind of name. */
export type EventName =
  | { type: 'transition'; event: AoEvent | TerminationReason }
  | { type: 'signal'; event: AoEvent }
  | { type: 'lifecycle'; event: LifecycleEvent }
  | { type: 'external'; event: ExternalEventName };

/** One entry of the append-only event log. */
export type EventRecord = EventName & {
  seq: number;
  sessionId: string;
  from: ActivityState | null;
  to: ActivityState | null;
  at: number;
  launchId: string | null;
  data: Record<string, unknown> | null;
};

interface NewEventBase {
  sessionId: string;
  from?: ActivityState | null;
  to?: ActivityState | null;
  at: number;
  launchId?: string | null;
  data?: Record<string, unknown> | null;
}

/** An entry to append. */
export type NewEvent = NewEventBase & EventName;
