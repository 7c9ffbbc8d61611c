/**
 * Qwen Code 0.24.4 hook payloads in the shapes observed (docs/harnesses/qwen-code.md). Ids and
 * paths are shortened; field names and value types are as recorded.
 */
const common = {
  session_id: '1a804f43-940d-49e5-a10d-2b0c9b65f53a',
  transcript_path: '/e2e-home/.qwen/projects/-e2e-home-project/chats/1a804f43-940d-49e5-a10d-2b0c9b65f53a.jsonl',
  cwd: '/e2e-home/project',
};
const turn = { ...common, timestamp: '2026-01-01T00:00:00.000Z', permission_mode: 'default', prompt_id: '1a804f43-940d-49e5-a10d-2b0c9b65f53a########1' };
const shellInput = { command: 'touch mock_tool_ran.txt', description: 'Mock tool call' };
const question = {
  question: 'Which colour should the mock use?',
  header: 'Colour',
  options: [
    { label: 'Red', description: 'A warm colour' },
    { label: 'Blue', description: 'A cool colour' },
  ],
  multiSelect: false,
};

export const sessionStart = { ...turn, hook_event_name: 'SessionStart', source: 'startup', model: 'mock-model' };
export const userPromptSubmit = { ...turn, hook_event_name: 'UserPromptSubmit', prompt: 'please MOCK_TOOL run it', submitted_prompt: 'please MOCK_TOOL run it' };
/** After a tool batch Qwen submits again with an empty prompt: the turn goes on. */
export const continuation = { ...turn, hook_event_name: 'UserPromptSubmit', prompt: '' };
export const permissionRequest = { ...turn, hook_event_name: 'PermissionRequest', tool_name: 'run_shell_command', tool_input: shellInput };
export const questionRequest = { ...turn, hook_event_name: 'PermissionRequest', tool_name: 'ask_user_question', tool_input: { questions: [question] } };
export const preToolUse = { ...turn, hook_event_name: 'PreToolUse', tool_name: 'run_shell_command', tool_input: shellInput, tool_use_id: 'toolu_e2e_1', tool_call_id: 'toolu_e2e_1' };
export const postToolUse = { ...preToolUse, hook_event_name: 'PostToolUse', tool_response: { llmContent: 'Exit Code: 0' }, duration_ms: 12 };
export const batchDone = {
  ...turn,
  hook_event_name: 'PostToolBatch',
  tool_calls: [{ tool_name: 'run_shell_command', tool_input: shellInput, tool_use_id: 'call_mock_1', tool_call_id: 'call_mock_1', status: 'success' }],
};
export const batchCancelled = {
  ...turn,
  hook_event_name: 'PostToolBatch',
  tool_calls: [
    {
      tool_name: 'run_shell_command',
      tool_input: shellInput,
      tool_use_id: 'call_mock_4',
      tool_call_id: 'call_mock_4',
      status: 'cancelled',
      tool_response: { execution_status: 'not_started' },
    },
  ],
};
export const permissionDenied = { ...turn, hook_event_name: 'PermissionDenied', tool_name: 'run_shell_command', tool_input: shellInput, reason: 'classifier_blocked' };
export const notification = (type: unknown, message = 'Qwen Code needs your permission to use run_shell_command') => ({
  ...turn,
  hook_event_name: 'Notification',
  message,
  notification_type: type,
  title: 'Permission needed',
});
export const stop = {
  ...turn,
  hook_event_name: 'Stop',
  stop_hook_active: false,
  last_assistant_message: 'MOCK_REPLY: the tool ran, all done.',
  background_tasks: [],
  crons: [],
  context_usage: 0.00006,
  context_limit: 200000,
  input_tokens: 12,
};
export const stopFailure = {
  ...turn,
  hook_event_name: 'StopFailure',
  error: 'invalid_request',
  error_details: '400 mock: forced failure',
  last_assistant_message: '[API Error: 400 mock: forced failure]',
};
export const sessionEnd = (reason: unknown) => ({ ...common, hook_event_name: 'SessionEnd', reason });
