import type { ActivityState, AoEvent, Facts } from '@ao/activity-dispatch';
import type { ReducibleSession, ReducerSignal } from '../src/session-state.js';

/** A session as the reducer sees it: launch L1, no state yet, nothing in flight. */
export function reducibleSession(overrides: Partial<ReducibleSession> = {}): ReducibleSession {
  return {
    id: 's1',
    launchId: 'L1',
    activityState: null,
    terminated: false,
    toolsInFlight: [],
    blockedTool: null,
    openRequest: null,
    requestsOpened: 0,
    firstSignalAt: null,
    lastSignalAt: null,
    facts: {},
    ...overrides,
  };
}

let clock = 1_000;
/** A derived signal of launch L1 (or the given one), each 10 ms after the last. */
export function reducerSignal(event: AoEvent, state?: ActivityState, facts: Facts = {}, launchId: string | null = 'L1'): ReducerSignal {
  clock += 10;
  return { event, ...(state !== undefined && { state }), facts, launchId, at: clock };
}
