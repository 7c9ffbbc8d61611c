import { FACT_MAX_LENGTH } from '@ao/activity-dispatch';
import { describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from '../src/index.js';
import * as p from './payloads.js';

const derive = claudeCodeAdapter.derive.bind(claudeCodeAdapter);
const stateOf = (event: string, payload: unknown) => derive(event, payload)?.state;

describe('Claude Code derivation: every row of docs/harnesses/claude-code.md', () => {
  it.each([
    ['user-prompt-submit', p.userPromptSubmit, 'active'],
    ['pre-tool-use', p.preToolUse, 'active'],
    ['post-tool-use', p.postToolUse, 'active'],
    ['post-tool-use-failure', p.postToolUseFailure, 'active'],
    ['permission-request', p.permissionRequest, 'blocked'],
    // AskUserQuestion's dialog is a question for the user, not a permission.
    ['permission-request', { ...p.permissionRequest, tool_name: 'AskUserQuestion', tool_input: { questions: [] } }, 'waiting_input'],
    // The 6 s reminder of an open dialog: PermissionRequest already said whether it is a
    // permission or a question (AskUserQuestion), which the reminder cannot tell.
    ['notification', p.notification('permission_prompt'), undefined],
    ['notification', p.notification('idle_prompt', 'Claude is waiting for your input'), 'idle'],
    ['notification', p.notification('elicitation_dialog', 'Claude has a question'), 'waiting_input'],
    // 2.1.332: auto mode cannot reach its classifier and stops the turn for the user's choice
    ['notification', p.notification('agent_needs_input', "Auto mode can't check actions in this session and needs your choice"), 'waiting_input'],
    ['notification', p.notification('auth_success', 'Signed in'), undefined],
    ['notification', p.notification('elicitation_complete'), undefined],
    ['notification', p.notification('something_new'), undefined],
    ['stop', p.stop, 'idle'],
    ['stop-failure', p.stopFailure, 'idle'],
    ['permission-denied', p.permissionDenied, 'active'],
    ['elicitation', p.elicitation, 'waiting_input'],
    ['elicitation-result', p.elicitationResult, 'active'],
    ['session-end', p.sessionEnd('clear'), undefined],
    ['session-end', p.sessionEnd('resume'), undefined],
    ['session-end', p.sessionEnd('prompt_input_exit'), 'exited'],
    ['session-end', p.sessionEnd('other'), 'exited'],
    ['session-end', p.sessionEnd('logout'), 'exited'],
    ['session-start', p.sessionStart, undefined],
    ['subagent-stop', p.subagentStop, undefined],
  ] as const)('%s %# → %s', (event, payload, state) => {
    const derivation = derive(event, payload);
    expect(derivation).not.toBeNull();
    expect(derivation!.event).toBe(event);
    expect(derivation!.state).toBe(state);
  });

  it('lifts the facts a user sees', () => {
    expect(derive('session-start', p.sessionStart)!.facts).toEqual({
      nativeSessionId: p.sessionStart.session_id,
      transcriptPath: p.sessionStart.transcript_path,
      cwd: '/e2e-home/proj',
      model: 'claude-opus-4-8[1m]',
      reason: 'startup',
    });
    expect(derive('user-prompt-submit', p.userPromptSubmit)!.facts.prompt).toBe('please MOCK_TOOL run it');
    expect(derive('pre-tool-use', p.preToolUse)!.facts).toMatchObject({ toolName: 'Bash', toolUseId: 'toolu_mock_2' });
    // PermissionRequest carries no tool_use_id (observed): only the name is there to match the tool in flight.
    expect(derive('permission-request', p.permissionRequest)!.facts).toMatchObject({ toolName: 'Bash' });
    expect(derive('permission-request', p.permissionRequest)!.facts.toolUseId).toBeUndefined();
    expect(derive('notification', p.notification('permission_prompt'))!.facts).toMatchObject({
      notification: 'Claude needs your permission',
      notificationType: 'permission_prompt',
    });
    expect(derive('session-end', p.sessionEnd('prompt_input_exit'))!.facts.reason).toBe('prompt_input_exit');
    expect(derive('post-tool-use-failure', p.postToolUseFailure)!.facts.error).toBe('Exit code 1');
    expect(derive('elicitation', p.elicitation)!.facts.notification).toBe('Which project should I file this under?');
  });

  it('keeps the API error of a failed turn as a fact', () => {
    expect(derive('stop-failure', p.stopFailure)!.facts.error).toBe('unknown: API Error: 400 mock: forced failure');
    expect(derive('stop-failure', { error: 'rate_limit', error_details: 'retry in 30 s' })!.facts.error).toBe('rate_limit: retry in 30 s');
  });

  it('knows nothing of events it does not map, nor of native names', () => {
    for (const event of ['post-tool-batch', 'message-display', 'pre-compact', 'Stop', 'interrupt', '', 'constructor', '__proto__', 'toString']) {
      expect(derive(event, p.stop)).toBeNull();
    }
    expect(derive(undefined as unknown as string, p.stop)).toBeNull();
  });
});

describe('Claude Code derivation: malformed payloads', () => {
  const junk: unknown[] = [null, undefined, [], [1, 2], 'stop', 42, true, { session_id: 42, prompt: ['x'], notification_type: 7, reason: {} }];

  it.each(junk.map((payload) => [JSON.stringify(payload) ?? 'undefined', payload]))('payload-independent events keep their state: %s', (_, payload) => {
    expect(stateOf('stop', payload)).toBe('idle');
    expect(stateOf('user-prompt-submit', payload)).toBe('active');
    expect(stateOf('pre-tool-use', payload)).toBe('active');
    expect(stateOf('post-tool-use', payload)).toBe('active');
    expect(stateOf('permission-request', payload)).toBe('blocked');
    expect(stateOf('stop-failure', payload)).toBe('idle');
  });

  it.each(junk.map((payload) => [JSON.stringify(payload) ?? 'undefined', payload]))('payload-dependent events give no state: %s', (_, payload) => {
    expect(derive('notification', payload)).toEqual({ event: 'notification', facts: {} });
    expect(derive('session-end', payload)).toEqual({ event: 'session-end', facts: {} });
  });

  it('ignores fields of the wrong type instead of stringifying them', () => {
    const facts = derive('pre-tool-use', { session_id: 1, tool_name: { name: 'Bash' }, tool_use_id: null, cwd: ['/'] })!.facts;
    expect(facts).toEqual({});
  });

  it('caps huge strings and strips control characters', () => {
    const prompt = `line one\nline two\u0007\u001b[31m red ${'x'.repeat(100_000)}`;
    const facts = derive('user-prompt-submit', { ...p.userPromptSubmit, prompt })!.facts;
    expect(facts.prompt!.length).toBeLessThanOrEqual(FACT_MAX_LENGTH);
    expect(facts.prompt).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(facts.prompt!.startsWith('line one line two')).toBe(true);
  });

  it('never throws, even on a payload whose properties throw when read', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } });
    for (const event of ['stop', 'notification', 'session-end', 'user-prompt-submit', 'stop-failure', 'session-start']) {
      expect(() => derive(event, hostile)).not.toThrow();
    }
    expect(derive('stop', hostile)).toEqual({ event: 'stop', state: 'idle', facts: {} });
    expect(derive('notification', hostile)).toEqual({ event: 'notification', facts: {} });
  });
});
