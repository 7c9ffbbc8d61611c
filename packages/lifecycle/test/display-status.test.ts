import { describe, expect, it } from 'vitest';
import { displayStatus, displayStatusChangesAt } from '../src/display-status.js';

const base = {
  terminated: false,
  activityState: null,
  expectsStartupSignal: true,
  firstSignalAt: null,
  lastSignalAt: null,
  launchedAt: 0,
  createdAt: 0,
  toolsInFlight: [],
} as const;

describe('displayStatus', () => {
  it('orders terminated > exited > needs_input > working > idle', () => {
    const now = 10_000;
    expect(displayStatus({ ...base, terminated: true, activityState: 'blocked', firstSignalAt: 1 }, { now }).status).toBe('terminated');
    expect(displayStatus({ ...base, activityState: 'exited', firstSignalAt: 1 }, { now }).status).toBe('exited');
    expect(displayStatus({ ...base, activityState: 'blocked', firstSignalAt: 1 }, { now })).toEqual({ status: 'needs_input', needsInputReason: 'permission' });
    expect(displayStatus({ ...base, activityState: 'waiting_input', firstSignalAt: 1 }, { now })).toEqual({ status: 'needs_input', needsInputReason: 'question' });
    expect(displayStatus({ ...base, activityState: 'active', firstSignalAt: 1, lastSignalAt: 9_000 }, { now }).status).toBe('working');
    expect(displayStatus({ ...base, activityState: 'idle', firstSignalAt: 1 }, { now }).status).toBe('idle');
  });

  it('no_signal: hook-capable, alive, no hook 90 s after launch', () => {
    expect(displayStatus(base, { now: 89_000 }).status).toBe('idle');
    expect(displayStatus(base, { now: 91_000 }).status).toBe('no_signal');
    expect(displayStatus({ ...base, expectsStartupSignal: false }, { now: 91_000 }).status).toBe('idle');
    expect(displayStatus({ ...base, terminated: true }, { now: 91_000 }).status).toBe('terminated');
  });

  it('stale: active with no signal and no tool in flight past the threshold', () => {
    const active = { ...base, activityState: 'active' as const, firstSignalAt: 0, lastSignalAt: 0 };
    expect(displayStatus(active, { now: 61_000, staleAfterMs: 60_000 }).status).toBe('stale');
    expect(displayStatus(active, { now: 59_000, staleAfterMs: 60_000 }).status).toBe('working');
    // A long tool run is not a lost Stop.
    expect(displayStatus({ ...active, toolsInFlight: [{ id: 't', name: 'Bash' }] }, { now: 61_000, staleAfterMs: 60_000 }).status).toBe('working');
  });
});

describe('displayStatusChangesAt', () => {
  it('names exactly the moment time alone changes the status, or null when it never does', () => {
    const options = { noSignalAfterMs: 90_000, staleAfterMs: 600_000 };
    const sessions = [];
    for (const activityState of [null, 'active', 'idle', 'blocked', 'waiting_input', 'exited'] as const) {
      for (const firstSignalAt of [null, 5_000]) {
        for (const toolsInFlight of [[], [{ name: 'Bash' }]]) {
          for (const terminated of [false, true]) {
            for (const expectsStartupSignal of [true, false]) {
              sessions.push({ ...base, activityState, firstSignalAt, lastSignalAt: firstSignalAt, toolsInFlight, terminated, expectsStartupSignal });
            }
          }
        }
      }
    }
    for (const session of sessions) {
      for (const now of [0, 60_000, 95_000, 400_000, 700_000]) {
        const status = (at: number) => displayStatus(session, { ...options, now: at }).status;
        const changesAt = displayStatusChangesAt(session, { ...options, now });
        if (changesAt === null) {
          expect(status(now + 10 ** 9)).toBe(status(now));
        } else {
          expect(changesAt).toBeGreaterThan(now);
          expect(status(changesAt - 1)).toBe(status(now));
          expect(status(changesAt)).not.toBe(status(now));
        }
      }
    }
  });
});
