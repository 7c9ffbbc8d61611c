import { describe, expect, it } from 'vitest';
import type { ActivityState } from '@ao/activity-dispatch';
import { reduce } from '../src/reducer.js';
import type { ReducibleSession, ReducerSignal } from '../src/session-state.js';
import { reducerSignal, reducibleSession } from './reducer-fixtures.js';

/** Open requests in the reducer (docs/reducer.md, "Open requests"). */
const session = (overrides: Partial<ReducibleSession> = {}) => reducibleSession({ activityState: 'active', ...overrides });
const signal = reducerSignal;

/** Feeds signals in order; the open request after each. */
function run(start: ReducibleSession, signals: ReducerSignal[]) {
  let current = start;
  const requests = [];
  for (const s of signals) {
    current = reduce(current, s).session;
    requests.push(current.openRequest);
  }
  return { requests, final: current };
}

const BASH = { toolName: 'Bash', toolUseId: 'toolu_1' };
const TOUCH = 'touch mock_tool_ran.txt';

describe('open requests', () => {
  it('opens when the session enters blocked: a permission, its tool, its command, when it was asked', () => {
    const pre = signal('pre-tool-use', 'active', { ...BASH, toolDetail: TOUCH });
    const ask = signal('permission-request', 'blocked', { toolName: 'Bash', toolDetail: TOUCH });
    const { final } = run(session(), [pre, ask]);
    expect(final.openRequest).toEqual({ id: 's1.r1', kind: 'permission', tool: 'Bash', detail: TOUCH, askedAt: ask.at });
    expect(final.requestsOpened).toBe(1);
  });

  it("a repeat of the same dialog keeps its id (Claude's permission_prompt reminder, a duplicate request for the same tool id)", () => {
    const { requests } = run(session(), [
      signal('pre-tool-use', 'active', BASH),
      signal('permission-request', 'blocked', { toolName: 'Bash', toolDetail: TOUCH }),
      signal('notification', undefined, { notification: 'Claude needs your permission', notificationType: 'permission_prompt' }),
      signal('permission-request', 'blocked', { ...BASH, toolDetail: TOUCH }),
      signal('permission-request', 'blocked', { toolName: 'Bash', toolDetail: TOUCH }),
    ]);
    expect(requests.slice(1).map((request) => request?.id)).toEqual(['s1.r1', 's1.r1', 's1.r1', 's1.r1']);
    // the reminder's text does not replace the command
    expect(requests.at(-1)?.detail).toBe(TOUCH);
  });

  it('a repeat fills in what the first report lacked, and keeps when it was asked', () => {
    const ask = signal('permission-request', 'blocked', {});
    const { requests } = run(session(), [
      ask,
      signal('notification', undefined, { notification: 'Claude needs your permission to use Bash' }),
      signal('permission-request', 'blocked', { toolName: 'Bash', toolDetail: TOUCH }),
    ]);
    expect(requests[0]).toEqual({ id: 's1.r1', kind: 'permission', tool: null, detail: null, askedAt: ask.at });
    expect(requests[1]).toEqual({ id: 's1.r1', kind: 'permission', tool: null, detail: 'Claude needs your permission to use Bash', askedAt: ask.at });
    expect(requests[2]).toEqual({ id: 's1.r1', kind: 'permission', tool: 'Bash', detail: 'Claude needs your permission to use Bash', askedAt: ask.at });
  });

  it('tool traffic beside an open dialog tells nothing about it', () => {
    const { requests } = run(session(), [
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('pre-tool-use', 'active', { toolName: 'Read', toolUseId: 'toolu_9', toolDetail: '/etc/hosts' }),
      signal('agent-busy', 'active', {}),
    ]);
    expect(requests.map((request) => [request?.id, request?.detail])).toEqual([
      ['s1.r1', null],
      ['s1.r1', null],
      ['s1.r1', null],
    ]);
  });

  it('a permission request for another tool while blocked is a second dialog: a new id (by tool use id)', () => {
    const second = signal('permission-request', 'blocked', { toolName: 'bash', toolUseId: 'call_2', toolDetail: 'rm -rf build' });
    const { requests, final } = run(session(), [signal('permission-request', 'blocked', { toolName: 'bash', toolUseId: 'call_1', toolDetail: 'touch a' }), second]);
    expect(requests.map((request) => request?.id)).toEqual(['s1.r1', 's1.r2']);
    expect(final.openRequest).toEqual({ id: 's1.r2', kind: 'permission', tool: 'bash', detail: 'rm -rf build', askedAt: second.at });
    expect(final.requestsOpened).toBe(2);
  });

  it('… and by name when the requests carry no tool use id', () => {
    const { requests } = run(session(), [
      signal('permission-request', 'blocked', { toolName: 'Bash', toolDetail: 'touch a' }),
      signal('permission-request', 'blocked', { toolName: 'Edit', toolDetail: 'src/a.ts' }),
    ]);
    expect(requests.map((request) => [request?.id, request?.tool, request?.detail])).toEqual([
      ['s1.r1', 'Bash', 'touch a'],
      ['s1.r2', 'Edit', 'src/a.ts'],
    ]);
  });

  it.each([
    ['post-tool-use of the blocked tool', signal('post-tool-use', 'active', BASH), 'active'],
    ['permission-denied', signal('permission-denied', 'active', { reason: 'user rejected' }), 'active'],
    ['permission-replied', signal('permission-replied', 'active', { reason: 'once' }), 'active'],
    ['ao deny (permission-answered)', signal('permission-answered', 'idle', { reason: 'deny through ao' }), 'idle'],
    ['stop', signal('stop', 'idle'), 'idle'],
    ['a new prompt', signal('user-prompt-submit', 'active'), 'active'],
    ['process-exited', signal('process-exited', 'exited', { reason: 'signal SIGKILL' }), 'exited'],
    ['session-end', signal('session-end', 'exited', { reason: 'other' }), 'exited'],
  ] as const)('an answer or an end clears it: %s', (_name, answer, state) => {
    const { final } = run(session({ toolsInFlight: [{ id: 'toolu_1', name: 'Bash' }] }), [signal('permission-request', 'blocked', { toolName: 'Bash' }), answer]);
    expect(final.activityState).toBe(state);
    expect(final.openRequest).toBeNull();
  });

  it('the next dialog after an answer gets the next id: ids are never reused', () => {
    const { requests } = run(session(), [
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('permission-denied', 'active'),
      signal('permission-request', 'blocked', { toolName: 'Bash' }),
      signal('stop', 'idle'),
      signal('elicitation', 'waiting_input', { notification: 'Which branch?' }),
    ]);
    expect(requests.map((request) => request?.id ?? null)).toEqual(['s1.r1', null, 's1.r2', null, 's1.r3']);
  });

  it('blocked → waiting_input is a new dialog, a question, without the blocked tool', () => {
    const question = signal('elicitation', 'waiting_input', { notification: 'Which project should I file this under?' });
    const { requests } = run(session(), [signal('permission-request', 'blocked', { toolName: 'Bash', toolDetail: TOUCH }), question]);
    expect(requests[1]).toEqual({ id: 's1.r2', kind: 'question', tool: null, detail: 'Which project should I file this under?', askedAt: question.at });
  });

  it("a question asked through a tool (Claude's AskUserQuestion) shows the question text as its detail", () => {
    const ask = signal('permission-request', 'waiting_input', { toolName: 'AskUserQuestion', toolDetail: 'Which colour should the mock use?' });
    const { requests } = run(session(), [
      signal('pre-tool-use', 'active', { toolName: 'AskUserQuestion', toolUseId: 'toolu_q', toolDetail: 'Which colour should the mock use?' }),
      ask,
      signal('notification', undefined, { notification: 'Claude needs your permission', notificationType: 'permission_prompt' }),
      signal('post-tool-use', 'active', { toolName: 'AskUserQuestion', toolUseId: 'toolu_q' }),
    ]);
    expect(requests).toEqual([
      null,
      { id: 's1.r1', kind: 'question', tool: 'AskUserQuestion', detail: 'Which colour should the mock use?', askedAt: ask.at },
      { id: 's1.r1', kind: 'question', tool: 'AskUserQuestion', detail: 'Which colour should the mock use?', askedAt: ask.at },
      null,
    ]);
  });

  it('a question with only a notification (an MCP elicitation) has that text as its detail', () => {
    const { final } = run(session(), [signal('elicitation', 'waiting_input', { notification: 'Which branch should I use?' })]);
    expect(final.openRequest).toMatchObject({ kind: 'question', tool: null, detail: 'Which branch should I use?' });
  });

  it('a session found sticky without a request (a damaged column) gets one at its next signal', () => {
    const s = signal('notification', undefined, { notification: 'Claude needs your permission' });
    const { final } = run(session({ activityState: 'blocked', blockedTool: { name: 'Bash' }, requestsOpened: 4 }), [s]);
    expect(final.openRequest).toEqual({ id: 's1.r5', kind: 'permission', tool: null, detail: 'Claude needs your permission', askedAt: s.at });
  });

  it('a dropped signal changes nothing, and the reducer does not touch its input', () => {
    const blocked = reduce(session(), signal('permission-request', 'blocked', { toolName: 'Bash' })).session;
    const frozen = structuredClone(blocked);
    const fenced = reduce(blocked, { ...signal('stop', 'idle'), launchId: 'OTHER' });
    expect(fenced).toMatchObject({ accepted: false, reason: 'stale-launch' });
    expect(fenced.session.openRequest).toEqual(frozen.openRequest);
    reduce(blocked, signal('permission-request', 'blocked', { toolName: 'Edit' }));
    expect(blocked).toEqual(frozen);
  });
});
