/**
 * Activity states: what the agent is doing (docs/reducer.md). The stored value is one of these or null
 * (a session that has not yet produced a state-bearing signal).
 */
export const ACTIVITY_STATES = ['active', 'idle', 'waiting_input', 'blocked', 'exited'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

export const NEEDS_INPUT_REASONS = ['permission', 'question'] as const;
export type NeedsInputReason = (typeof NEEDS_INPUT_REASONS)[number];

/**
 * What every surface shows (docs/reducer.md): derived on read from the activity state and time,
 * never stored. Most to least urgent: terminated > exited > needs_input > no_signal > stale > working > idle.
 */
export const DISPLAY_STATUSES = ['terminated', 'exited', 'needs_input', 'no_signal', 'stale', 'working', 'idle'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export function isActivityState(value: unknown): value is ActivityState {
  return typeof value === 'string' && (ACTIVITY_STATES as readonly string[]).includes(value);
}

/** Sticky states are not demoted by tool traffic or time. Sticky does not mean alive. */
export function isSticky(state: ActivityState | null): boolean {
  return state === 'waiting_input' || state === 'blocked';
}

/** The states in which the agent waits for its user. */
export function needsInput(state: ActivityState | null): boolean {
  return state === 'waiting_input' || state === 'blocked';
}

export function needsInputReason(state: ActivityState | null): NeedsInputReason | null {
  if (state === 'blocked') return 'permission';
  if (state === 'waiting_input') return 'question';
  return null;
}
