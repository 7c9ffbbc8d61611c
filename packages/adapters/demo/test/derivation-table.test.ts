import { CLAUDE_HOOK_EVENTS, deriveClaudeCode } from '@ao/adapter-claude-code';
import { describe, expect, it } from 'vitest';
import { DEMO_EVENTS, demoAdapter, nativeEventName } from '../src/index.js';

const common = {
  session_id: '0b7f2d4e-8a51-4c1e-9d2a-6f3b1c7e9a10',
  transcript_path: '/ao-home/sessions/demo-test-session/demo-transcript.jsonl',
  cwd: '/project',
};
const tool = { tool_name: 'Bash', tool_input: { command: 'touch demo.txt' } };
const derive = demoAdapter.derive.bind(demoAdapter);

describe('demo derivation: Claude Code payloads under AO event names give the states of the Claude table', () => {
  it.each([
    ['session-start', { hook_event_name: 'SessionStart', source: 'startup', model: 'demo-model' }, undefined],
    ['user-prompt-submit', { hook_event_name: 'UserPromptSubmit', prompt: 'hello' }, 'active'],
    ['pre-tool-use', { hook_event_name: 'PreToolUse', ...tool, tool_use_id: 'toolu_demo_1' }, 'active'],
    ['post-tool-use', { hook_event_name: 'PostToolUse', ...tool, tool_use_id: 'toolu_demo_1', tool_response: { stdout: '' } }, 'active'],
    ['permission-request', { hook_event_name: 'PermissionRequest', ...tool }, 'blocked'],
    ['permission-denied', { hook_event_name: 'PermissionDenied', ...tool, reason: 'user rejected' }, 'active'],
    ['elicitation', { hook_event_name: 'Elicitation', message: 'Which branch should I use?' }, 'waiting_input'],
    ['elicitation-result', { hook_event_name: 'ElicitationResult', action: 'accept', content: { branch: 'main' } }, 'active'],
    ['stop', { hook_event_name: 'Stop', stop_hook_active: false, last_assistant_message: 'done' }, 'idle'],
    ['stop-failure', { hook_event_name: 'StopFailure', error: 'server_error', last_assistant_message: 'API Error: 500' }, 'idle'],
    ['session-end', { hook_event_name: 'SessionEnd', reason: 'prompt_input_exit' }, 'exited'],
  ] as const)('%s → %s', (event, fields, state) => {
    const payload = { ...common, ...fields };
    const derivation = derive(event, payload);
    expect(derivation).not.toBeNull();
    expect(derivation!.state).toBe(state);
    expect(derivation).toEqual(deriveClaudeCode(event, payload));
  });

  it('covers every event the agent fires', () => {
    for (const event of DEMO_EVENTS) expect(derive(event, common), event).not.toBeNull();
  });

  it('names each event as Claude Code does, so the payloads are truly Claude-shaped', () => {
    const claude = new Map(CLAUDE_HOOK_EVENTS.map(({ native, event }) => [event as string, native]));
    for (const event of DEMO_EVENTS) expect(nativeEventName(event), event).toBe(claude.get(event));
  });

  it('lifts the facts and keeps the API error of a failed turn', () => {
    expect(derive('session-start', { ...common, source: 'startup', model: 'demo-model' })!.facts).toMatchObject({
      nativeSessionId: common.session_id,
      transcriptPath: common.transcript_path,
      model: 'demo-model',
    });
    expect(derive('stop-failure', { ...common, error: 'server_error', last_assistant_message: 'API Error: 500' })!.facts.error).toBe('server_error: API Error: 500');
  });

  it('knows nothing of events outside the table nor of native names', () => {
    for (const event of ['PreToolUse', 'post-tool-batch', 'process-exited-ish', '']) expect(derive(event, common)).toBeNull();
  });
});
