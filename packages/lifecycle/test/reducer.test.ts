import { describe, expect, it } from 'vitest';
import type { ActivityState } from '@ao/activity-dispatch';
import { reduce } from '../src/reducer.js';
import type { ReducibleSession, ReducerSignal } from '../src/session-state.js';
import { reducerSignal, reducibleSession } from './reducer-fixtures.js';

const session = reducibleSession;
const signal = reducerSignal;

/** Feeds signals in order and returns the activity state after each. */
function run(start: ReducibleSession, signals: ReducerSignal[]): { states: (ActivityState | null)[]; final: ReducibleSession } {
  let current = start;
  const states: (ActivityState | null)[] = [];
  for (const s of signals) {
    current = reduce(current, s).session;
    states.push(current.activityState);
  }
  return { states, final: current };
}

describe('launch fencing', () => {
  it('drops a signal from another launch and changes nothing', () => {
    const start = session({ activityState: 'idle' });
    const outcome = reduce(start, signal('user-prompt-submit', 'active', {}, 'OLD'));
    expect(outcome.accepted).toBe(false);
    expect(outcome.session).toBe(start);
    expect(outcome.log).toEqual([]);
  });

  it('accepts a signal with no launch id (an adopted agent)', () => {
    const outcome = reduce(session({ launchId: null }), signal('user-prompt-submit', 'active', {}, null));
    expect(outcome.accepted).toBe(true);
    expect(outcome.session.activityState).toBe('active');
  });

  it('drops every signal once the session is terminated', () => {
    const outcome = reduce(session({ activityState: 'exited', terminated: true }), signal('user-prompt-submit', 'active'));
    expect(outcome).toMatchObject({ accepted: false, reason: 'terminated' });
  });
});

describe('transitions', () => {
  it('records from, to, the event and the capture time; the first transition comes from null', () => {
    const s = signal('user-prompt-submit', 'active');
    const outcome = reduce(session(), s);
    expect(outcome.log).toEqual([{ type: 'transition', event: 'user-prompt-submit', from: null, to: 'active', at: s.at, facts: {} }]);
  });

  it('same state again is no transition but stamps firstSignalAt and lastSignalAt', () => {
    const s = signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 't1' });
    const outcome = reduce(session({ activityState: 'active' }), s);
    expect(outcome.log.map((entry) => entry.type)).toEqual(['signal']);
    expect(outcome.session.firstSignalAt).toBe(s.at);
    expect(outcome.session.lastSignalAt).toBe(s.at);
    const later = reduce(outcome.session, signal('post-tool-use', 'active', { toolUseId: 't1' }));
    expect(later.session.firstSignalAt).toBe(s.at);
  });

  it('a facts-only event is logged as a signal and moves nothing', () => {
    const outcome = reduce(session({ activityState: 'idle' }), signal('session-start', undefined, { model: 'm' }));
    expect(outcome.session.activityState).toBe('idle');
    expect(outcome.session.facts.model).toBe('m');
    expect(outcome.log).toMatchObject([{ type: 'signal', event: 'session-start' }]);
  });
});

describe('exited', () => {
  it('is revived only by user-prompt-submit of the same launch', () => {
    const exited = session({ activityState: 'exited' });
    for (const [event, state] of [
      ['stop', 'idle'],
      ['pre-tool-use', 'active'],
      ['permission-request', 'blocked'],
      ['elicitation', 'waiting_input'],
      ['agent-busy', 'active'],
    ] as const) {
      expect(reduce(exited, signal(event, state)).session.activityState).toBe('exited');
    }
    expect(reduce(exited, signal('user-prompt-submit', 'active', {}, null)).session.activityState).toBe('exited');
    expect(reduce(exited, signal('user-prompt-submit', 'active')).session.activityState).toBe('active');
  });
});

describe('tool flight and blocked', () => {
  it('pre-tool-use records the tool in flight and post clears it by id', () => {
    const { final } = run(session({ activityState: 'active' }), [
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'a' }),
      signal('pre-tool-use', 'active', { toolName: 'Read', toolUseId: 'b' }),
      signal('post-tool-use', 'active', { toolName: 'Bash', toolUseId: 'a' }),
    ]);
    expect(final.toolsInFlight).toEqual([{ id: 'b', name: 'Read' }]);
  });

  it("Claude's sequence: PreToolUse, PermissionRequest without id, PostToolUse → active, the dialog's tool matched", () => {
    const { states, final } = run(session({ activityState: 'active' }), [
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'toolu_1' }),
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('notification', 'blocked', { notificationType: 'permission_prompt' }),
      signal('post-tool-use', 'active', { toolName: 'Bash', toolUseId: 'toolu_1' }),
      signal('stop', 'idle'),
    ]);
    expect(states).toEqual(['active', 'blocked', 'blocked', 'active', 'idle']);
    expect(final.toolsInFlight).toEqual([]);
    expect(final.blockedTool).toBeNull();
  });

  it('while blocked, tool traffic of another tool does not clear it', () => {
    const { states } = run(session({ activityState: 'active' }), [
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'a' }),
      signal('pre-tool-use', 'active', { toolName: 'Read', toolUseId: 'b' }),
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('post-tool-use', 'active', { toolName: 'Read', toolUseId: 'b' }),
      signal('pre-tool-use', 'active', { toolName: 'Grep', toolUseId: 'c' }),
      signal('agent-busy', 'active'),
    ]);
    expect(states).toEqual(['active', 'active', 'blocked', 'blocked', 'blocked', 'blocked']);
  });

  it('two tools of the same name in flight: the dialog is ambiguous and a post stays blocked until a turn boundary', () => {
    const { states } = run(session({ activityState: 'active' }), [
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'a' }),
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'b' }),
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('post-tool-use', 'active', { toolName: 'Bash', toolUseId: 'a' }),
      signal('stop', 'idle'),
    ]);
    expect(states).toEqual(['active', 'active', 'blocked', 'blocked', 'idle']);
  });

  it('a post without id matches the blocked tool by a unique name', () => {
    const { states } = run(session({ activityState: 'active' }), [
      signal('pre-tool-use', 'active', { toolName: 'Bash' }),
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('post-tool-use-failure', 'active', { toolName: 'Bash' }),
    ]);
    expect(states).toEqual(['active', 'blocked', 'active']);
  });

  it.each([
    ['user-prompt-submit', 'active'],
    ['stop', 'idle'],
    ['stop-failure', 'idle'],
    ['interrupt', 'idle'],
    ['session-end', 'exited'],
    ['process-exited', 'exited'],
    ['permission-denied', 'active'],
    ['permission-replied', 'active'],
  ] as const)('%s clears blocked → %s', (event, state) => {
    const blocked = session({ activityState: 'blocked', toolsInFlight: [{ id: 'a', name: 'Bash' }], blockedTool: { id: 'a', name: 'Bash' } });
    const outcome = reduce(blocked, signal(event, state));
    expect(outcome.session.activityState).toBe(state);
    expect(outcome.session.blockedTool).toBeNull();
  });

  it('idle_prompt or other non-boundary events do not clear blocked', () => {
    const blocked = session({ activityState: 'blocked', blockedTool: { name: 'Bash' } });
    expect(reduce(blocked, signal('notification', 'idle', { notificationType: 'idle_prompt' })).session.activityState).toBe('blocked');
    expect(reduce(blocked, signal('elicitation-result', 'active')).session.activityState).toBe('blocked');
  });
});

describe('waiting_input', () => {
  it('is not demoted by tool traffic or busy reports, and is answered by elicitation-result', () => {
    const { states } = run(session({ activityState: 'active' }), [
      signal('elicitation', 'waiting_input'),
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'x' }),
      signal('post-tool-use', 'active', { toolName: 'Bash', toolUseId: 'x' }),
      signal('agent-busy', 'active'),
      signal('elicitation-result', 'active'),
    ]);
    expect(states).toEqual(['waiting_input', 'waiting_input', 'waiting_input', 'waiting_input', 'active']);
  });

  it('a question asked through a tool (Claude AskUserQuestion) is answered by the post of that tool', () => {
    const { states, final } = run(session({ activityState: 'active' }), [
      signal('pre-tool-use', 'active', { toolName: 'Bash', toolUseId: 'b' }),
      signal('pre-tool-use', 'active', { toolName: 'AskUserQuestion', toolUseId: 'q' }),
      signal('permission-request', 'waiting_input', { toolName: 'AskUserQuestion' }),
      signal('post-tool-use', 'active', { toolName: 'Bash', toolUseId: 'b' }),
      signal('post-tool-use', 'active', { toolName: 'AskUserQuestion', toolUseId: 'q' }),
    ]);
    expect(states).toEqual(['active', 'active', 'waiting_input', 'waiting_input', 'active']);
    expect(final.blockedTool).toBeNull();
  });

  it('a permission dialog while a question is open becomes blocked; a new prompt makes it active', () => {
    const waiting = session({ activityState: 'waiting_input' });
    expect(reduce(waiting, signal('permission-request', 'blocked', { toolName: 'Bash' })).session.activityState).toBe('blocked');
    expect(reduce(waiting, signal('user-prompt-submit', 'active')).session.activityState).toBe('active');
  });
});

describe('facts', () => {
  it('keeps the latest error from stop-failure and clears it on the next prompt', () => {
    const { final, states } = run(session({ activityState: 'active' }), [signal('stop-failure', 'idle', { error: 'API Error: 400' })]);
    expect(states).toEqual(['idle']);
    expect(final.facts.lastError).toBe('API Error: 400');
    const next = reduce(final, signal('user-prompt-submit', 'active', { prompt: 'again' })).session;
    expect(next.facts.lastError).toBeUndefined();
    expect(next.facts.lastPrompt).toBe('again');
  });

  it('process-exited stamps when the host saw the exit', () => {
    const s = signal('process-exited', 'exited', { reason: 'signal SIGKILL' });
    const next = reduce(session({ activityState: 'blocked' }), s).session;
    expect(next.activityState).toBe('exited');
    expect(next.facts.processExitedAt).toBe(s.at);
    expect(next.facts.exitReason).toBe('signal SIGKILL');
  });
});
