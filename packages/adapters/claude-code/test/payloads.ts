/**
 * Claude Code 2.1.197 hook payloads in the shapes observed (docs/harnesses/claude-code.md).
 * Ids and paths are shortened; field names and value types are as recorded.
 */
const common = {
  session_id: '6cc4f827-f507-4fd7-89ff-0b251d6d7880',
  transcript_path: '/e2e-home/.claude/projects/-e2e-home-proj/6cc4f827-f507-4fd7-89ff-0b251d6d7880.jsonl',
  cwd: '/e2e-home/proj',
};
const turn = { ...common, prompt_id: '94c0f63d-c1a5-4993-97e4-73f9737389b2', permission_mode: 'default' };
const toolInput = { command: 'touch mock_tool_ran.txt', description: 'Mock tool call' };

export const sessionStart = { ...common, hook_event_name: 'SessionStart', source: 'startup', model: 'claude-opus-4-8[1m]' };
export const userPromptSubmit = { ...turn, hook_event_name: 'UserPromptSubmit', prompt: 'please MOCK_TOOL run it' };
export const preToolUse = { ...turn, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: toolInput, tool_use_id: 'toolu_mock_2', effort: { level: 'high' } };
export const permissionRequest = {
  ...turn,
  hook_event_name: 'PermissionRequest',
  tool_name: 'Bash',
  tool_input: toolInput,
  permission_suggestions: [{ type: 'setMode', mode: 'acceptEdits', destination: 'session' }],
};
export const postToolUse = {
  ...turn,
  hook_event_name: 'PostToolUse',
  tool_name: 'Bash',
  tool_input: toolInput,
  tool_use_id: 'toolu_mock_2',
  tool_response: { stdout: '', stderr: '', interrupted: false, isImage: false, noOutputExpected: true },
  duration_ms: 72,
};
export const postToolUseFailure = { ...turn, hook_event_name: 'PostToolUseFailure', tool_name: 'Bash', tool_input: toolInput, tool_use_id: 'toolu_mock_3', error: 'Exit code 1' };
export const permissionDenied = { ...turn, hook_event_name: 'PermissionDenied', tool_name: 'Bash', tool_input: toolInput, tool_use_id: 'toolu_mock_4', reason: 'user rejected' };
export const notification = (type: unknown, message = 'Claude needs your permission') => ({
  ...common,
  hook_event_name: 'Notification',
  message,
  notification_type: type,
});
export const stop = { ...turn, hook_event_name: 'Stop', stop_hook_active: false, last_assistant_message: 'MOCK_REPLY: the tool ran, all done.', background_tasks: [], session_crons: [] };
export const stopFailure = { ...turn, hook_event_name: 'StopFailure', error: 'unknown', last_assistant_message: 'API Error: 400 mock: forced failure' };
export const subagentStop = { ...turn, hook_event_name: 'SubagentStop', agent_id: 'a1', agent_type: 'general-purpose', stop_hook_active: false };
export const sessionEnd = (reason: unknown) => ({ ...common, hook_event_name: 'SessionEnd', reason });
export const elicitation = { ...turn, hook_event_name: 'Elicitation', mcp_server_name: 'tracker', message: 'Which project should I file this under?', requested_schema: { type: 'object' } };
export const elicitationResult = { ...turn, hook_event_name: 'ElicitationResult', mcp_server_name: 'tracker', action: 'accept', content: { project: 'ao' } };
