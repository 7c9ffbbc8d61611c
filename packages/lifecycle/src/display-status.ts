import { needsInputReason, type DisplayStatus, type NeedsInputReason } from '@ao/activity-dispatch';
import type { SessionRecord } from './store/session-record.js';

export { DISPLAY_STATUSES, type DisplayStatus } from '@ao/activity-dispatch';

export interface DisplayOptions {
  now: number;
  /** A hook-capable session with no hook this long after launch has unwired hooks (docs/reducer.md). */
  noSignalAfterMs?: number;
  /** An `active` session with no signal and no tool in flight this long has likely lost its Stop. */
  staleAfterMs?: number;
}

export const DEFAULT_NO_SIGNAL_AFTER_MS = 90_000;
export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;

export interface Display {
  status: DisplayStatus;
  needsInputReason: NeedsInputReason | null;
}

type DisplayInput = Pick<
  SessionRecord,
  'terminated' | 'activityState' | 'expectsStartupSignal' | 'firstSignalAt' | 'lastSignalAt' | 'launchedAt' | 'createdAt' | 'toolsInFlight'
>;

/**
 * The one display-status function every surface uses. Derived on read, never stored:
 * terminated > exited > needs_input > no_signal > stale > working > idle.
 */
export function displayStatus(session: DisplayInput, options: DisplayOptions): Display {
  const none = { needsInputReason: null };
  if (session.terminated) return { status: 'terminated', ...none };
  const state = session.activityState;
  if (state === 'exited') return { status: 'exited', ...none };
  const reason = needsInputReason(state);
  if (reason !== null) return { status: 'needs_input', needsInputReason: reason };
  const noSignalAfter = options.noSignalAfterMs ?? DEFAULT_NO_SIGNAL_AFTER_MS;
  const launchedAt = session.launchedAt ?? session.createdAt;
  if (session.expectsStartupSignal && session.firstSignalAt === null && options.now - launchedAt > noSignalAfter) {
    return { status: 'no_signal', ...none };
  }
  if (state === 'active') {
    const staleAfter = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    const quietFor = options.now - (session.lastSignalAt ?? launchedAt);
    if (session.toolsInFlight.length === 0 && quietFor > staleAfter) return { status: 'stale', ...none };
    return { status: 'working', ...none };
  }
  return { status: 'idle', ...none };
}

/**
 * The first moment after `options.now` at which `displayStatus` of this session, unchanged in the
 * store, would read differently (it crosses the no_signal or the stale threshold); null when time
 * alone never changes it. What lets a reader reuse a rendered answer exactly as long as it is true.
 */
export function displayStatusChangesAt(session: DisplayInput, options: DisplayOptions): number | null {
  const current = displayStatus(session, options).status;
  if (current !== 'working' && current !== 'idle') return null; // the statuses above them do not age
  const candidates: number[] = [];
  const launchedAt = session.launchedAt ?? session.createdAt;
  if (session.expectsStartupSignal && session.firstSignalAt === null) {
    candidates.push(launchedAt + (options.noSignalAfterMs ?? DEFAULT_NO_SIGNAL_AFTER_MS) + 1);
  }
  if (session.activityState === 'active' && session.toolsInFlight.length === 0) {
    candidates.push((session.lastSignalAt ?? launchedAt) + (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS) + 1);
  }
  const future = candidates.filter((at) => at > options.now);
  return future.length > 0 ? Math.min(...future) : null;
}
