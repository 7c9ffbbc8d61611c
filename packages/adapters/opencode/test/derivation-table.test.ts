import { describe, expect, it } from 'vitest';
import { opencodeAdapter } from '../src/index.js';
import * as p from './payloads.js';

const derive = opencodeAdapter.derive.bind(opencodeAdapter);
const brief = (event: string, payload: unknown) => {
  const d = derive(event, payload);
  return d && { event: d.event, state: d.state };
};

describe('OpenCode derivation: native events normalised to AO events', () => {
  it.each([
    ['session.status', p.status('busy'), 'agent-busy', 'active'],
    ['session.status', p.status('retry', { attempt: 1, message: 'overloaded', next: 1 }), 'agent-busy', 'active'],
    ['session.status', p.status('idle'), 'stop', 'idle'],
    ['session.idle', p.sessionIdle, 'stop', 'idle'],
    ['session.error', p.sessionError, 'stop-failure', 'idle'],
    ['permission.asked', p.permissionAsked, 'permission-request', 'blocked'],
    ['permission.replied', p.permissionReplied('once'), 'permission-replied', 'active'],
    ['permission.replied', p.permissionReplied('always'), 'permission-replied', 'active'],
    ['permission.replied', p.permissionReplied('reject'), 'permission-replied', 'active'],
    ['question.asked', p.questionAsked, 'elicitation', 'waiting_input'],
    ['question.replied', p.questionReplied, 'elicitation-result', 'active'],
    ['chat.message', p.chatMessage, 'user-prompt-submit', 'active'],
    ['tool.execute.before', p.toolBefore, 'pre-tool-use', 'active'],
    ['tool.execute.after', p.toolAfter, 'post-tool-use', 'active'],
    ['session.created', p.sessionCreated, 'session-start', undefined],
    ['plugin.init', { type: 'plugin.init', properties: { directory: '/e2e-home/project' } }, 'session-start', undefined],
  ] as const)('%s %# → %s %s', (event, payload, aoEvent, state) => {
    expect(brief(event, payload)).toEqual({ event: aoEvent, state });
  });

  it('lifts the facts', () => {
    expect(derive('session.error', p.sessionError)!.facts).toEqual({ nativeSessionId: p.SID, error: 'APIError: mock: forced failure (HTTP 400)' });
    expect(derive('permission.asked', p.permissionAsked)!.facts).toEqual({
      nativeSessionId: p.SID,
      toolName: 'bash',
      toolUseId: 'call_mock_2',
      notification: 'touch mock_tool_ran.txt',
      toolDetail: 'touch mock_tool_ran.txt',
    });
    expect(derive('permission.replied', p.permissionReplied('reject'))!.facts.reason).toBe('reject');
    expect(derive('chat.message', p.chatMessage)!.facts).toEqual({ nativeSessionId: p.SID, prompt: 'please MOCK_TOOL run it', model: 'mock-model' });
    // the tool use id is OpenCode's callID, the same one permission.asked names
    expect(derive('tool.execute.before', p.toolBefore)!.facts).toEqual({ nativeSessionId: p.SID, toolName: 'bash', toolUseId: 'call_mock_2' });
    expect(derive('tool.execute.after', p.toolAfter)!.facts.toolUseId).toBe('call_mock_2');
    expect(derive('session.created', p.sessionCreated)!.facts).toEqual({ nativeSessionId: p.SID, cwd: '/e2e-home/project', model: 'mock-model' });
    expect(derive('question.asked', p.questionAsked)!.facts.notification).toBe('Which database?');
    expect(derive('session.status', p.status('retry', { message: 'rate limited' }))!.facts.error).toBe('rate limited');
  });

  it("does not let a subagent's session end the agent's turn", () => {
    const sub = <T extends object>(payload: T) => ({ ...payload, aoSubagent: true });
    expect(brief('session.status', sub(p.status('idle')))).toEqual({ event: 'subagent-stop', state: undefined });
    expect(brief('session.idle', sub(p.sessionIdle))).toEqual({ event: 'subagent-stop', state: undefined });
    expect(brief('session.error', sub(p.sessionError))).toEqual({ event: 'subagent-stop', state: undefined });
    expect(brief('chat.message', sub(p.chatMessage))).toEqual({ event: 'agent-busy', state: 'active' });
    // a subagent's permission dialog still needs the user
    expect(brief('permission.asked', sub(p.permissionAsked))).toEqual({ event: 'permission-request', state: 'blocked' });
  });

  it('knows nothing of the chatty events, nor of AO names', () => {
    for (const event of ['message.updated', 'message.part.delta', 'session.updated', 'session.diff', 'catalog.updated', 'shell.env', 'stop', 'pre-tool-use', 'toString']) {
      expect(derive(event, p.sessionIdle)).toBeNull();
    }
  });
});

describe('OpenCode derivation: malformed payloads', () => {
  const junk: unknown[] = [null, undefined, [], 'x', 1, { type: 'session.status', properties: 'busy' }, { properties: { status: { type: 7 } } }];
  it.each(junk.map((payload) => [JSON.stringify(payload) ?? 'undefined', payload]))('%s', (_, payload) => {
    expect(derive('session.status', payload)).toEqual({ event: 'agent-busy', facts: {} });
    expect(brief('session.idle', payload)).toEqual({ event: 'stop', state: 'idle' });
    expect(brief('permission.asked', payload)).toEqual({ event: 'permission-request', state: 'blocked' });
    expect(brief('chat.message', payload)).toEqual({ event: 'user-prompt-submit', state: 'active' });
    expect(brief('tool.execute.before', payload)).toEqual({ event: 'pre-tool-use', state: 'active' });
    expect(derive('session.error', payload)?.facts).toEqual({});
  });

  it('caps and cleans what the user typed', () => {
    const payload = { ...p.chatMessage, output: { parts: [{ type: 'text', text: `hi\u001b[2J${'z'.repeat(5000)}` }, { type: 'file', text: 'not a prompt' }] } };
    const prompt = derive('chat.message', payload)!.facts.prompt!;
    expect(prompt.length).toBeLessThanOrEqual(512);
    expect(prompt.startsWith('hi [2J')).toBe(true);
    expect(prompt).not.toContain('not a prompt');
  });
});
