import type { EventRecord, SessionRecord, StoredOpenRequest } from '@ao/lifecycle';
import { describe, expect, it } from 'vitest';
import { decideNotifications, NEWS_MAX_AGE_MS, type DecisionSettings } from '../src/notify/decide-notifications.js';

const NOW = 10_000_000;

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 's1',
    harness: 'demo',
    name: 'demo-1',
    cwd: '/p',
    pid: 100,
    pidStartTime: null,
    hostPid: 101,
    hostStartTime: null,
    launchId: 'L1',
    expectsStartupSignal: true,
    activityState: 'idle',
    terminated: false,
    terminatedAt: null,
    terminatedReason: null,
    toolsInFlight: [],
    blockedTool: null,
    openRequest: null,
    requestsOpened: 0,
    facts: {},
    worktree: null,
    hookFirerPid: null,
    createdAt: NOW - 60_000,
    launchedAt: NOW - 60_000,
    firstSignalAt: NOW - 50_000,
    lastSignalAt: NOW - 1000,
    lastTransitionAt: NOW - 1000,
    updatedAt: NOW - 1000,
    lastExternalEvent: null,
    usage: null,
    usageCheckpoint: null,
    ...overrides,
  };
}

let seq = 0;
function transition(event: string, from: string | null, to: string, data: Record<string, unknown> | null = null, at = NOW - 500, sessionId = 's1'): EventRecord {
  return { seq: ++seq, sessionId, type: 'transition', event, from, to, at, launchId: 'L1', data } as EventRecord;
}
function signal(event: string, data: Record<string, unknown> | null = null, sessionId = 's1'): EventRecord {
  return { seq: ++seq, sessionId, type: 'signal', event, from: null, to: null, at: NOW - 400, launchId: 'L1', data } as EventRecord;
}

const request = (n: number, overrides: Partial<StoredOpenRequest> = {}): StoredOpenRequest => ({
  id: `s1.r${n}`,
  kind: 'permission',
  tool: 'Bash',
  detail: 'touch demo.txt',
  askedAt: NOW - 500,
  ...overrides,
});
const blocked = (n: number, overrides: Partial<SessionRecord> = {}) => session({ activityState: 'blocked', openRequest: request(n), requestsOpened: n, ...overrides });

function decide(events: EventRecord[], sessions: SessionRecord[], settings: DecisionSettings = { turnDone: false }, now = NOW) {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return decideNotifications({ events, sessionOf: (id) => byId.get(id), settings, now });
}

describe('what is notified: a session starts needing its user', () => {
  it('one urgent needs-input per dialog, keyed by its request id, however many entries report it', () => {
    const events = [transition('permission-request', 'active', 'blocked'), signal('notification'), signal('permission-request')];
    const decisions = decide(events, [blocked(1)]);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ kind: 'needs-input', key: 'needs-input:s1.r1', seq: events[0]!.seq, request: { id: 's1.r1', tool: 'Bash', detail: 'touch demo.txt' } });
  });

  it('a question is needs-input too, with the question as its detail', () => {
    const waiting = session({ activityState: 'waiting_input', openRequest: request(2, { kind: 'question', tool: null, detail: 'Which branch should I use?' }) });
    expect(decide([transition('elicitation', 'active', 'waiting_input')], [waiting])).toMatchObject([
      { kind: 'needs-input', key: 'needs-input:s1.r2', request: { kind: 'question', detail: 'Which branch should I use?' } },
    ]);
  });

  it('a second dialog while still blocked (a permission request for another tool) is another notification', () => {
    expect(decide([signal('permission-request')], [blocked(2)])).toMatchObject([{ key: 'needs-input:s1.r2' }]);
  });

  it('a dialog answered before the entry is read is not news: nothing (the present decides, not the past)', () => {
    expect(decide([transition('permission-request', 'active', 'blocked')], [session({ activityState: 'active', requestsOpened: 1 })])).toEqual([]);
    // Nor for a session that died with its dialog open.
    expect(decide([transition('permission-request', 'active', 'blocked')], [blocked(1, { terminated: true })])).toEqual([]);
  });

  it('an entry of a dialog since replaced by another open one announces the one open now, once', () => {
    const events = [transition('permission-request', 'active', 'blocked'), transition('permission-denied', 'blocked', 'idle'), transition('elicitation', 'idle', 'waiting_input')];
    const now = session({ activityState: 'waiting_input', openRequest: request(2, { kind: 'question' }), requestsOpened: 2 });
    expect(decide(events, [now]).map((d) => d.key)).toEqual(['needs-input:s1.r2']);
  });

  it('a dialog open for hours is still news; tool traffic beside it is not an opening', () => {
    expect(decide([transition('permission-request', 'active', 'blocked', null, NOW - 5 * NEWS_MAX_AGE_MS)], [blocked(1)])).toHaveLength(1);
    expect(decide([signal('pre-tool-use'), signal('agent-busy')], [blocked(1)])).toEqual([]);
  });
});

describe('what is notified: a turn that ends in an error', () => {
  it('stop-failure: high, keyed by the transition seq, with the error', () => {
    const event = transition('stop-failure', 'active', 'idle', { error: 'server_error' });
    expect(decide([event], [session({ facts: { lastError: 'server_error' } })])).toEqual([
      expect.objectContaining({ kind: 'turn-error', key: `turn-error:${event.seq}`, error: 'server_error' }),
    ]);
  });

  it("stop-failure without an error fact falls back to the session's lastError", () => {
    expect(decide([transition('stop-failure', 'active', 'idle')], [session({ facts: { lastError: 'rate_limit' } })])).toMatchObject([{ error: 'rate_limit' }]);
  });

  it('turn-ended (read from a transcript) is an error only when it carries one', () => {
    expect(decide([transition('turn-ended', 'active', 'idle', { reason: 'failed', error: 'quota exceeded' })], [session()])).toMatchObject([{ kind: 'turn-error', error: 'quota exceeded' }]);
    expect(decide([transition('turn-ended', 'active', 'idle', { reason: 'completed' })], [session()])).toEqual([]);
  });

  it('an error an hour old when read (no daemon ran) is history, not news', () => {
    expect(decide([transition('stop-failure', 'active', 'idle', { error: 'x' }, NOW - NEWS_MAX_AGE_MS - 1)], [session()])).toEqual([]);
  });
});

describe('what is notified: an agent that dies unexpectedly', () => {
  const dead = (overrides: Partial<SessionRecord> = {}) => session({ activityState: 'exited', ...overrides });

  it('the session host saw it killed or crash: high, one per session launch', () => {
    for (const reason of ['signal SIGKILL', 'signal SIGSEGV', 'exit code 1']) {
      const decisions = decide([transition('process-exited', 'active', 'exited', { reason })], [dead()]);
      expect(decisions, reason).toMatchObject([{ kind: 'agent-died', key: 'agent-died:s1:L1', exit: reason }]);
    }
  });

  it('the reaper found it gone with no exit recorded', () => {
    expect(decide([transition('process-dead', 'idle', 'exited')], [dead({ terminated: true, terminatedReason: 'process-dead' })])).toMatchObject([
      { kind: 'agent-died', exit: null },
    ]);
  });

  it('a stop someone asked for is no news: ao kill, a clean exit, SIGTERM / SIGINT', () => {
    expect(decide([transition('killed', 'idle', 'exited')], [dead({ terminated: true, terminatedReason: 'killed' })])).toEqual([]);
    for (const reason of ['exit code 0', 'signal SIGTERM', 'signal SIGINT', 'exit code 130']) {
      expect(decide([transition('process-exited', 'idle', 'exited', { reason })], [dead()]), reason).toEqual([]);
    }
    // ao kill escalated to SIGKILL: the session says it was killed.
    expect(decide([transition('process-exited', 'idle', 'exited', { reason: 'signal SIGKILL' })], [dead({ terminated: true, terminatedReason: 'killed' })])).toEqual([]);
    // The harness ended its own session (Claude's SessionEnd).
    expect(decide([transition('session-end', 'idle', 'exited', { reason: 'prompt_input_exit' })], [dead()])).toEqual([]);
  });
});

describe('what is notified: a finished turn (optional)', () => {
  const stop = () => transition('stop', 'active', 'idle');

  it('is off by default', () => {
    expect(decide([stop()], [session()])).toEqual([]);
  });

  it('when on: active → idle without an error, low, keyed by seq; an interrupt or an error is not "done"', () => {
    const event = stop();
    expect(decide([event], [session()], { turnDone: true })).toMatchObject([{ kind: 'turn-done', key: `turn-done:${event.seq}` }]);
    expect(decide([transition('interrupt', 'active', 'idle')], [session()], { turnDone: true })).toEqual([]);
    expect(decide([transition('stop-failure', 'active', 'idle', { error: 'x' })], [session()], { turnDone: true })).toMatchObject([{ kind: 'turn-error' }]);
    expect(decide([transition('permission-denied', 'blocked', 'idle')], [session()], { turnDone: true })).toEqual([]);
  });
});

describe('what is notified: entries that say nothing to a user', () => {
  it('signals, lifecycle entries, external events and removed sessions decide nothing', () => {
    const lifecycle = { seq: ++seq, sessionId: 's1', type: 'lifecycle', event: 'spawned', from: null, to: null, at: NOW, launchId: 'L1', data: null } as EventRecord;
    expect(decide([signal('pre-tool-use'), lifecycle, transition('user-prompt-submit', 'idle', 'active')], [session()], { turnDone: true })).toEqual([]);
    expect(decide([transition('stop-failure', 'active', 'idle', { error: 'x' }, NOW, 'gone')], [session()])).toEqual([]);
  });

  it('several sessions in one batch: one decision each, in log order', () => {
    const other = session({ id: 's2', name: 'demo-2', activityState: 'blocked', openRequest: { ...request(1), id: 's2.r1' } });
    const events = [transition('permission-request', 'active', 'blocked', null, NOW, 's2'), transition('permission-request', 'active', 'blocked')];
    expect(decide(events, [blocked(1), other]).map((d) => d.key)).toEqual(['needs-input:s2.r1', 'needs-input:s1.r1']);
  });
});
