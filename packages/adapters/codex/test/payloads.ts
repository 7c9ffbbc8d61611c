/**
 * Codex CLI 0.169.0 hook payloads in the shapes observed (docs/harnesses/codex.md).
 */
const common = {
  session_id: '01a1fdc9-6e36-7451-b266-c9f15a36d89a',
  transcript_path: '/e2e-home/.codex/sessions/2026/11/21/rollout-2026-11-21T11-06-39-01a1fdc9.jsonl',
  cwd: '/e2e-home/proj',
  model: 'mock-model',
  permission_mode: 'default',
};
const turn = { ...common, turn_id: '01a1fdc9-7c11-70e2-9df0-e595a5f308b0' };
const toolInput = { command: 'touch mock_tool_ran.txt' };

export const sessionStart = { ...common, hook_event_name: 'SessionStart', source: 'startup' };
export const userPromptSubmit = { ...turn, hook_event_name: 'UserPromptSubmit', prompt: 'please MOCK_TOOL run it' };
export const preToolUse = { ...turn, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: toolInput, tool_use_id: 'call_mock_1' };
export const permissionRequest = {
  ...turn,
  hook_event_name: 'PermissionRequest',
  tool_name: 'Bash',
  tool_input: { ...toolInput, description: 'Mock asks to run this outside the sandbox' },
};
export const postToolUse = { ...turn, hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: toolInput, tool_use_id: 'call_mock_1', tool_response: '' };
export const stop = { ...turn, hook_event_name: 'Stop', stop_hook_active: false, last_assistant_message: 'MOCK_REPLY: the tool ran, all done.' };
export const interrupt = { ...turn, hook_event_name: 'Interrupt' };
export const subagentStop = { ...turn, hook_event_name: 'SubagentStop', stop_hook_active: false };
export const sessionEnd = (reason: unknown) => ({ ...common, transcript_path: null, hook_event_name: 'SessionEnd', reason });
