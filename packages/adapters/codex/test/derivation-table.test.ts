import { FACT_MAX_LENGTH } from '@ao/activity-dispatch';
import { describe, expect, it } from 'vitest';
import { codexAdapter } from '../src/index.js';
import * as p from './payloads.js';

const derive = codexAdapter.derive.bind(codexAdapter);

describe('Codex derivation: docs/harnesses/codex.md', () => {
  it.each([
    ['session-start', p.sessionStart, undefined],
    ['user-prompt-submit', p.userPromptSubmit, 'active'],
    ['pre-tool-use', p.preToolUse, 'active'],
    ['post-tool-use', p.postToolUse, 'active'],
    ['permission-request', p.permissionRequest, 'blocked'],
    ['stop', p.stop, 'idle'],
    ['interrupt', p.interrupt, 'idle'],
    ['subagent-stop', p.subagentStop, undefined],
    ['session-end', p.sessionEnd('other'), 'exited'],
    ['session-end', p.sessionEnd('clear'), undefined],
    ['session-end', p.sessionEnd('resume'), undefined],
  ] as const)('%s %# → %s', (event, payload, state) => {
    const derivation = derive(event, payload);
    expect(derivation?.event).toBe(event);
    expect(derivation?.state).toBe(state);
  });

  it('request_user_input is a question: shown at PreToolUse, answered at PostToolUse', () => {
    const questions = [{ id: 'colour', header: 'Colour', question: 'Which colour should the mock use?', options: [{ label: 'Red', description: 'warm' }] }];
    const asked = derive('pre-tool-use', { ...p.preToolUse, tool_name: 'request_user_input', tool_input: { questions } })!;
    expect(asked).toMatchObject({ event: 'elicitation', state: 'waiting_input', facts: { notification: 'Which colour should the mock use?', toolName: 'request_user_input', toolDetail: 'Which colour should the mock use?' } });
    const answered = derive('post-tool-use', { ...p.postToolUse, tool_name: 'request_user_input', tool_input: { questions } })!;
    expect(answered).toMatchObject({ event: 'elicitation-result', state: 'active' });
    // any other tool stays tool traffic
    expect(derive('pre-tool-use', p.preToolUse)!.facts.notification).toBeUndefined();
  });

  it('lifts the facts', () => {
    expect(derive('pre-tool-use', p.preToolUse)!.facts).toEqual({
      nativeSessionId: p.preToolUse.session_id,
      transcriptPath: p.preToolUse.transcript_path,
      cwd: '/e2e-home/proj',
      model: 'mock-model',
      toolName: 'Bash',
      toolUseId: 'call_mock_1',
      toolDetail: 'touch mock_tool_ran.txt',
    });
    expect(derive('user-prompt-submit', p.userPromptSubmit)!.facts.prompt).toBe('please MOCK_TOOL run it');
    expect(derive('session-start', p.sessionStart)!.facts.reason).toBe('startup');
    // SessionEnd's transcript_path is nullable: no fact, no crash
    expect(derive('session-end', p.sessionEnd('other'))!.facts).toMatchObject({ reason: 'other' });
    expect(derive('session-end', p.sessionEnd('other'))!.facts.transcriptPath).toBeUndefined();
  });

  it('knows nothing of events ao does not wire', () => {
    for (const event of ['pre-compact', 'post-compact', 'subagent-start', 'notification', 'post-tool-use-failure', 'Stop', 'toString']) {
      expect(derive(event, p.stop)).toBeNull();
    }
  });
});

describe('Codex derivation: malformed payloads', () => {
  const junk: unknown[] = [null, undefined, [], 'x', 0, { session_id: [], reason: 5, prompt: {} }];
  it.each(junk.map((payload) => [JSON.stringify(payload) ?? 'undefined', payload]))('%s', (_, payload) => {
    expect(derive('stop', payload)?.state).toBe('idle');
    expect(derive('interrupt', payload)?.state).toBe('idle');
    expect(derive('user-prompt-submit', payload)?.state).toBe('active');
    expect(derive('pre-tool-use', payload)?.state).toBe('active');
    expect(derive('post-tool-use', payload)?.state).toBe('active');
    expect(derive('session-end', payload)).toEqual({ event: 'session-end', facts: {} });
    expect(derive('user-prompt-submit', payload)?.facts).toEqual({});
  });

  it('caps and cleans strings', () => {
    const facts = derive('user-prompt-submit', { prompt: `a\u0000b\u009bc${'y'.repeat(10_000)}`, cwd: '\n\t' })!.facts;
    expect(facts.prompt!.length).toBeLessThanOrEqual(FACT_MAX_LENGTH);
    expect(facts.prompt!.startsWith('a b c')).toBe(true);
    expect(facts.cwd).toBeUndefined();
  });
});
