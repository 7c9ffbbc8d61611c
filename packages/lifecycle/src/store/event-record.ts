import type { ActivityState } from '@ao/activity-dispatch';

export type EventType = 'transition' | 'signal' | 'lifecycle';

/** One entry of the append-only event log. */
export interface EventRecord {
  seq: number;
  sessionId: string;
  type: EventType;
  event: string;
  from: ActivityState | null;
  to: ActivityState | null;
  at: number;
  launchId: string | null;
  data: Record<string, unknown> | null;
}

export interface NewEvent {
  sessionId: string;
  type: EventType;
  event: string;
  from?: ActivityState | null;
  to?: ActivityState | null;
  at: number;
  launchId?: string | null;
  data?: Record<string, unknown> | null;
}
