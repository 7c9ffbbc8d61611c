import type { ActivityState, AoEvent } from '@ao/activity-dispatch';
import type { LifecycleEvent, LoggedEvent, TerminationReason } from './event-names.js';

export type EventType = 'transition' | 'signal' | 'lifecycle';

/** One entry of the append-only event log. */
export interface EventRecord {
  seq: number;
  sessionId: string;
  type: EventType;
  event: LoggedEvent;
  from: ActivityState | null;
  to: ActivityState | null;
  at: number;
  launchId: string | null;
  data: Record<string, unknown> | null;
}

interface NewEventBase {
  sessionId: string;
  from?: ActivityState | null;
  to?: ActivityState | null;
  at: number;
  launchId?: string | null;
  data?: Record<string, unknown> | null;
}

/** An entry to append: each type of entry holds only its own kind of name. */
export type NewEvent = NewEventBase &
  (
    | { type: 'transition'; event: AoEvent | TerminationReason }
    | { type: 'signal'; event: AoEvent }
    | { type: 'lifecycle'; event: LifecycleEvent }
  );
