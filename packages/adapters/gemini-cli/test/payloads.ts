/**
 * Gemini CLI 0.61.0 hook payloads in the shapes observed (docs/harnesses/gemini-cli.md; the full
 * recordings are fixtures/e2e-*.json).
 */
const common = {
  session_id: '00000000-0000-4000-8000-000000000001',
  transcript_path: '/e2e-home/.ao/sessions/e2esession/launch/gemini-home/.gemini/tmp/proj/chats/session-2026-01-01T00-00-00000001.jsonl',
  cwd: '/e2e-home/proj',
  timestamp: '2026-01-01T00:00:00.000Z',
};
const shell = { command: 'touch mock_tool_ran.txt', description: 'Mock tool call' };
export const QUESTION_TEXT = 'Which colour should the mock use?';
const questions = [{ question: QUESTION_TEXT, header: 'Colour', type: 'choice', options: [{ label: 'Red' }, { label: 'Blue' }] }];

export const sessionStart = { ...common, hook_event_name: 'SessionStart', source: 'startup' };
export const beforeAgent = { ...common, hook_event_name: 'BeforeAgent', prompt: 'please MOCK_TOOL run it' };
export const beforeTool = { ...common, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: shell };
export const afterTool = { ...beforeTool, hook_event_name: 'AfterTool', tool_response: { llmContent: '' } };
export const beforeAskUser = { ...common, hook_event_name: 'BeforeTool', tool_name: 'ask_user', tool_input: { questions } };
export const afterAskUser = { ...beforeAskUser, hook_event_name: 'AfterTool', tool_response: { llmContent: 'Blue' } };
export const toolPermission = (details: Record<string, unknown>, message = 'Tool Shell requires execution') => ({
  ...common,
  hook_event_name: 'Notification',
  notification_type: 'ToolPermission',
  message,
  details,
});
export const execPermission = toolPermission({ type: 'exec', title: 'Shell', command: shell.command, rootCommand: 'touch' });
export const askUserPermission = toolPermission({ type: 'ask_user', title: 'Ask User' }, 'Tool requires confirmation');
export const afterAgent = { ...common, hook_event_name: 'AfterAgent', prompt: 'hi', prompt_response: 'MOCK_REPLY: hello from the mock model.', stop_hook_active: false };
export const afterAgentApiError = { ...afterAgent, prompt: 'please MOCK_FAIL now', prompt_response: '[no response text]' };
export const sessionEnd = (reason: unknown) => ({ ...common, hook_event_name: 'SessionEnd', reason });
