import type { AoEvent } from '@ao/activity-dispatch';

/** What ao itself records about a session's life, beside the signals of its agent. */
export const LIFECYCLE_EVENTS = ['registered', 'spawned', 'terminated', 'checkpoint-taken', 'checkpoint-restored'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/**
 * Why a session was terminated: its processes were confirmed dead by the reaper, or `ao kill`
 * stopped it. Also the `event` of the transition to `exited` that the termination records.
 */
export const TERMINATION_REASONS = ['process-dead', 'killed'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/**
 * The name of an external event (`ci.failed`, `review.commented`…): chosen by whatever reports it,
 * so not a closed set; branded so that only an entry of type `external` can carry one
 * (`externalEventName` is the one way to make it).
 */
export type ExternalEventName = string & { readonly __brand: 'ExternalEventName' };

export function externalEventName(name: string): ExternalEventName {
  return name as ExternalEventName;
}

/** Every name the event log's `event` column holds (docs/store.md). */
export type LoggedEvent = AoEvent | LifecycleEvent | TerminationReason | ExternalEventName;
