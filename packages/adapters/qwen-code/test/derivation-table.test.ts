import { describe, expect, it } from 'vitest';
import { qwenCodeAdapter } from '../src/index.js';
import * as p from './payloads.js';

const derive = qwenCodeAdapter.derive.bind(qwenCodeAdapter);

describe('Qwen Code derivation: every row of docs/harnesses/qwen-code.md', () => {
  it.each([
    ['user-prompt-submit', p.userPromptSubmit, 'user-prompt-submit', 'active'],
    // The empty prompt Qwen submits after a tool batch continues the turn: no new turn, no state.
    ['user-prompt-submit', p.continuation, 'agent-busy', undefined],
    ['pre-tool-use', p.preToolUse, 'pre-tool-use', 'active'],
    ['post-tool-use', p.postToolUse, 'post-tool-use', 'active'],
    ['post-tool-use-failure', { ...p.postToolUse, hook_event_name: 'PostToolUseFailure', error: 'Exit code 1' }, 'post-tool-use-failure', 'active'],
    ['post-tool-batch', p.batchDone, 'agent-busy', 'active'],
    // The user refused the call in its dialog: the batch reports it cancelled, the only hook that does.
    ['post-tool-batch', p.batchCancelled, 'permission-denied', 'active'],
    ['permission-request', p.permissionRequest, 'permission-request', 'blocked'],
    // ask_user_question's dialog is a question for the user, not a permission.
    ['permission-request', p.questionRequest, 'permission-request', 'waiting_input'],
    ['permission-denied', p.permissionDenied, 'permission-denied', 'active'],
    // Fired with every dialog, question or permission: it cannot tell which, PermissionRequest did.
    ['notification', p.notification('permission_prompt'), 'notification', undefined],
    ['notification', p.notification('idle_prompt', 'Qwen Code is waiting for your input'), 'notification', 'idle'],
    ['notification', p.notification('auth_success', 'Authenticated'), 'notification', undefined],
    ['notification', p.notification('something_new'), 'notification', undefined],
    ['stop', p.stop, 'stop', 'idle'],
    ['stop-failure', p.stopFailure, 'stop-failure', 'idle'],
    ['session-end', p.sessionEnd('clear'), 'session-end', undefined],
    ['session-end', p.sessionEnd('prompt_input_exit'), 'session-end', 'exited'],
    ['session-end', p.sessionEnd('other'), 'session-end', 'exited'],
    ['session-end', {}, 'session-end', undefined],
    ['session-start', p.sessionStart, 'session-start', undefined],
  ] as const)('%s %# → %s %s', (hook, payload, event, state) => {
    const derivation = derive(hook, payload);
    expect(derivation).not.toBeNull();
    expect(derivation!.event).toBe(event);
    expect(derivation!.state).toBe(state);
  });

  it('lifts the facts a user sees: the command of a permission, the text of a question, the error of a failed turn', () => {
    expect(derive('session-start', p.sessionStart)!.facts).toEqual({
      nativeSessionId: p.sessionStart.session_id,
      transcriptPath: p.sessionStart.transcript_path,
      cwd: '/e2e-home/project',
      model: 'mock-model',
      reason: 'startup',
    });
    expect(derive('permission-request', p.permissionRequest)!.facts).toMatchObject({ toolName: 'run_shell_command', toolDetail: 'touch mock_tool_ran.txt' });
    expect(derive('permission-request', p.questionRequest)!.facts).toMatchObject({ toolName: 'ask_user_question', toolDetail: 'Which colour should the mock use?' });
    expect(derive('post-tool-batch', p.batchCancelled)!.facts).toMatchObject({ toolName: 'run_shell_command', toolUseId: 'call_mock_4', reason: 'cancelled' });
    expect(derive('stop-failure', p.stopFailure)!.facts.error).toBe('invalid_request: 400 mock: forced failure');
    expect(derive('stop-failure', { ...p.stopFailure, error_details: undefined })!.facts.error).toBe('invalid_request: [API Error: 400 mock: forced failure]');
    expect(derive('user-prompt-submit', p.userPromptSubmit)!.facts.prompt).toBe('please MOCK_TOOL run it');
  });

  it("takes Qwen's own event names as aliases (a hook wired by hand with them)", () => {
    expect(qwenCodeAdapter.eventAliases).toMatchObject({ PostToolBatch: 'post-tool-batch', PermissionRequest: 'permission-request', Stop: 'stop' });
  });
});
