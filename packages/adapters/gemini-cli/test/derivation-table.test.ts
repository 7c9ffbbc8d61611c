import { describe, expect, it } from 'vitest';
import { geminiCliAdapter } from '../src/index.js';
import * as p from './payloads.js';

const derive = geminiCliAdapter.derive.bind(geminiCliAdapter);

describe('Gemini CLI derivation: every row of docs/harnesses/gemini-cli.md', () => {
  it.each([
    ['session-start', p.sessionStart, 'session-start', undefined],
    ['user-prompt-submit', p.beforeAgent, 'user-prompt-submit', 'active'],
    ['pre-tool-use', p.beforeTool, 'pre-tool-use', 'active'],
    ['post-tool-use', p.afterTool, 'post-tool-use', 'active'],
    // ask_user: BeforeTool is the question being shown, AfterTool the answer.
    ['pre-tool-use', p.beforeAskUser, 'elicitation', 'waiting_input'],
    ['post-tool-use', p.afterAskUser, 'elicitation-result', 'active'],
    // Notification ToolPermission fires as any confirmation dialog opens.
    ['notification', p.execPermission, 'permission-request', 'blocked'],
    ['notification', p.toolPermission({ type: 'edit', title: 'Edit', fileName: 'a.ts', filePath: '/p/a.ts' }), 'permission-request', 'blocked'],
    ['notification', p.toolPermission({ type: 'mcp', title: 'MCP', serverName: 's', toolName: 't', toolDisplayName: 'T' }), 'permission-request', 'blocked'],
    ['notification', p.toolPermission({ type: 'info', title: 'Fetch', prompt: 'get it', urls: ['https://example.com'] }), 'permission-request', 'blocked'],
    ['notification', p.askUserPermission, 'permission-request', 'waiting_input'],
    // Another notification type, or none: facts only.
    ['notification', { ...p.execPermission, notification_type: 'SomethingNew' }, 'notification', undefined],
    ['notification', { ...p.execPermission, notification_type: undefined }, 'notification', undefined],
    ['stop', p.afterAgent, 'stop', 'idle'],
    ['stop', p.afterAgentApiError, 'stop', 'idle'],
    ['session-end', p.sessionEnd('exit'), 'session-end', 'exited'],
    ['session-end', p.sessionEnd('logout'), 'session-end', 'exited'],
    ['session-end', p.sessionEnd('other'), 'session-end', 'exited'],
    // /clear starts another conversation in the same process.
    ['session-end', p.sessionEnd('clear'), 'session-end', undefined],
    ['session-end', p.sessionEnd(undefined), 'session-end', undefined],
  ] as const)('%s %# → %s, %s', (event, payload, aoEvent, state) => {
    const derivation = derive(event, payload);
    expect(derivation?.event).toBe(aoEvent);
    expect(derivation?.state).toBe(state);
  });

  it('the question text comes from BeforeTool(ask_user), the dialog Notification carries none', () => {
    expect(derive('pre-tool-use', p.beforeAskUser)?.facts).toMatchObject({ notification: p.QUESTION_TEXT, toolName: 'ask_user', toolDetail: p.QUESTION_TEXT });
    expect(derive('notification', p.askUserPermission)?.facts.toolDetail).toBeUndefined();
  });

  it("a permission dialog says what it wants from the Notification's details", () => {
    const detail = (details: Record<string, unknown>) => derive('notification', p.toolPermission(details))?.facts.toolDetail;
    expect(detail({ type: 'exec', command: 'rm -rf build', rootCommand: 'rm' })).toBe('rm -rf build');
    expect(detail({ type: 'edit', fileName: 'a.ts', filePath: '/p/a.ts' })).toBe('/p/a.ts');
    expect(detail({ type: 'mcp', serverName: 's', toolName: 't', toolDisplayName: 'Search' })).toBe('Search');
    expect(detail({ type: 'info', prompt: '', urls: ['https://a.example', 'https://b.example'] })).toBe('https://a.example https://b.example');
    expect(detail({ type: 'exec', command: ['rm'] })).toBeUndefined();
  });

  it('lifts the common facts: native session id, transcript path, cwd, tool', () => {
    expect(derive('pre-tool-use', p.beforeTool)?.facts).toMatchObject({
      nativeSessionId: p.beforeTool.session_id,
      transcriptPath: p.beforeTool.transcript_path,
      cwd: p.beforeTool.cwd,
      toolName: 'run_shell_command',
      toolDetail: 'touch mock_tool_ran.txt',
    });
    expect(derive('user-prompt-submit', p.beforeAgent)?.facts.prompt).toBe('please MOCK_TOOL run it');
  });

  it('maps no model-call event: they are not installed', () => {
    for (const event of ['BeforeModel', 'AfterModel', 'BeforeToolSelection', 'PreCompress', 'before-model']) expect(derive(event, {})).toBeNull();
  });
});
