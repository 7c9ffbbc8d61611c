import { describe, expect, it } from 'vitest';
import type { ActivityState, AoEvent, Facts } from '@ao/activity-dispatch';
import { reduce } from '../src/reducer.js';
import type { ReducibleSession, ReducerSignal } from '../src/session-state.js';

/** `permission-answered`: ao's own record that `ao deny` answered a dialog the harness says nothing about. */

function session(overrides: Partial<ReducibleSession> = {}): ReducibleSession {
  return { id: 's1', launchId: 'L1', activityState: null, terminated: false, toolsInFlight: [], blockedTool: null, openRequest: null, requestsOpened: 0, firstSignalAt: null, lastSignalAt: null, facts: {}, ...overrides };
}

let clock = 1_000;
function signal(event: AoEvent, state?: ActivityState, facts: Facts = {}): ReducerSignal {
  clock += 10;
  return { event, ...(state !== undefined && { state }), facts, launchId: 'L1', at: clock };
}

function run(signals: ReducerSignal[]): ReducibleSession {
  return signals.reduce((current, s) => reduce(current, s).session, session());
}

describe('permission-answered', () => {
  it('clears blocked, whatever tool was in flight: the user answered through ao', () => {
    const blocked = run([
      signal('user-prompt-submit', 'active'),
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 't1' }),
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
    ]);
    expect(blocked.activityState).toBe('blocked');
    const outcome = reduce(blocked, signal('permission-answered', 'idle', { reason: 'deny through ao' }));
    expect(outcome.session.activityState).toBe('idle');
    expect(outcome.session.blockedTool).toBeNull();
    expect(outcome.log).toEqual([expect.objectContaining({ type: 'transition', event: 'permission-answered', from: 'blocked', to: 'idle' })]);
  });

  it('arriving late, after a hook moved the session on, changes nothing', () => {
    const active = run([signal('user-prompt-submit', 'active'), signal('permission-request', 'blocked'), signal('user-prompt-submit', 'active')]);
    const outcome = reduce(active, signal('permission-answered', 'idle'));
    expect(outcome.accepted).toBe(true);
    expect(outcome.session.activityState).toBe('active');
    expect(outcome.log).toEqual([expect.objectContaining({ type: 'signal', event: 'permission-answered' })]);
  });
});
