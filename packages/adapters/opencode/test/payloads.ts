/**
 * OpenCode 1.18.33 payloads as ao's plugin forwards them (bus events `{type, properties}`, plugin
 * hooks `{type, input, output}`), in the shapes recorded (docs/harnesses/opencode.md).
 */
export const SID = 'ses_e01f4ed03ffeRzCPfFypApBksS';

export const bus = (type: string, properties: unknown) => ({ type, properties });
export const hook = (type: string, input: unknown, output?: unknown) => ({ type, input, output });

export const sessionCreated = bus('session.created', {
  sessionID: SID,
  info: { id: SID, slug: 'witty-nebula', version: '1.18.33', directory: '/e2e-home/project', agent: 'build', model: { id: 'mock-model', providerID: 'mock' } },
});
export const status = (type: unknown, extra: object = {}) => bus('session.status', { sessionID: SID, status: { type, ...extra } });
export const sessionIdle = bus('session.idle', { sessionID: SID });
export const sessionError = bus('session.error', {
  sessionID: SID,
  error: { name: 'APIError', data: { message: 'mock: forced failure', statusCode: 400, isRetryable: false, responseBody: '{"error":{}}', metadata: { url: 'http://127.0.0.1:18080/v1/chat/completions' } } },
});
export const permissionAsked = bus('permission.asked', {
  id: 'per_1fe0b1a56001FzBNhS479Ate2F',
  sessionID: SID,
  permission: 'bash',
  patterns: ['touch mock_tool_ran.txt'],
  metadata: { command: 'touch mock_tool_ran.txt' },
  always: ['touch *'],
  tool: { messageID: 'msg_1fe0b132a00109k8HZiIr9JFnk', callID: 'call_mock_2' },
});
export const permissionReplied = (reply: string) => bus('permission.replied', { sessionID: SID, requestID: 'per_1fe0b1a56001FzBNhS479Ate2F', reply });
export const questionAsked = bus('question.asked', { id: 'que_1', sessionID: SID, questions: [{ question: 'Which database?', header: 'DB', options: [] }] });
export const questionReplied = bus('question.replied', { sessionID: SID, requestID: 'que_1', answers: [['Postgres']] });
export const chatMessage = hook(
  'chat.message',
  { sessionID: SID, agent: 'build', model: { providerID: 'mock', modelID: 'mock-model' } },
  {
    message: { id: 'msg_1', role: 'user', sessionID: SID, agent: 'build', model: { providerID: 'mock', modelID: 'mock-model' } },
    parts: [{ type: 'text', text: 'please MOCK_TOOL run it', messageID: 'msg_1', sessionID: SID, id: 'prt_1' }],
  },
);
export const toolBefore = hook('tool.execute.before', { tool: 'bash', sessionID: SID, callID: 'call_mock_2' }, { args: { command: 'touch mock_tool_ran.txt', description: 'Mock tool call' } });
export const toolAfter = hook(
  'tool.execute.after',
  { tool: 'bash', sessionID: SID, callID: 'call_mock_2', args: { command: 'touch mock_tool_ran.txt' } },
  { title: 'touch mock_tool_ran.txt', metadata: { output: '(no output)', exit: 0, truncated: false }, output: '(no output)' },
);
