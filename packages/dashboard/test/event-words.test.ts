import type { EventObject } from '@ao/protocol';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from '../../cli/test/ao-harness.js';
import { describeEvent } from '../src/event-words.js';

/**
 * The timeline names the tool of a signal from the facts ao derived, whatever the harness's own
 * payload calls it: a Claude Code hook (`tool_name`) and an OpenCode plugin event read the same.
 */
describe('timeline words', () => {
  it('names the tool of a signal recorded through the real hook path', async () => {
    const aoHome = tempDir('ao-home-');
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
    // A prompt first: the tool call then keeps the session working, a signal rather than a transition.
    await runAo(aoHome, ['hooks', 'claude-code', 'UserPromptSubmit', '--session', id], { input: JSON.stringify({ hook_event_name: 'UserPromptSubmit', prompt: 'hi' }) });
    const payload = { hook_event_name: 'PreToolUse', session_id: 'native-1', tool_name: 'Bash', tool_use_id: 'toolu_1', tool_input: { command: 'ls' } };
    await runAo(aoHome, ['hooks', 'claude-code', 'PreToolUse', '--session', id], { input: JSON.stringify(payload) });
    const events = await aoJson<EventObject[]>(aoHome, ['events', id]);
    const signal = events.find((event) => event.type === 'signal' && event.event === 'pre-tool-use');
    expect(signal, JSON.stringify(events)).toBeDefined();
    expect(describeEvent(signal!)).toBe('pre-tool-use (Bash)');
  });

  it('describes transitions, external events and signals without a tool', () => {
    const base = { seq: 1, sessionId: 's', at: '2026-01-01T00:00:00.000Z' };
    expect(describeEvent({ ...base, type: 'transition', event: 'stop', from: 'active', to: 'idle' } as EventObject)).toBe('working → idle');
    expect(describeEvent({ ...base, type: 'external', event: 'ci' } as EventObject)).toBe('external: ci');
    expect(describeEvent({ ...base, type: 'signal', event: 'stop' } as EventObject)).toBe('stop');
  });
});
