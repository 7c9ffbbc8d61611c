import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCodeAdapter } from '../src/index.js';

/**
 * Replays the payloads recorded from the real binary (fixtures/*.json) through derive. Each
 * scenario's expected outcome per signal is written here by a person who looked at the recording:
 * a state, '-' (an event ao maps, no state), or null (an event ao does not map). A new recording
 * without an entry fails, so that it gets looked at.
 */
type Outcome = 'active' | 'idle' | 'waiting_input' | 'blocked' | 'exited' | '-' | null;

const EXPECTED: Record<string, Outcome[]> = {
  // SessionStart, UserPromptSubmit, MessageDisplay, StopFailure, SessionEnd(other)
  'api-error': ['-', 'active', null, 'idle', 'exited'],
  // SessionStart, UserPromptSubmit, MessageDisplay, Stop, SessionEnd(other)
  'plain-turn': ['-', 'active', null, 'idle', 'exited'],
  // -p cannot ask: PreToolUse then PostToolBatch with the refusal, no permission hook at all
  'print-tool-auto-denied': ['-', 'active', 'active', null, null, 'idle', 'exited'],
  'tool-call-allowed': ['-', 'active', 'active', 'active', null, null, 'idle', 'exited'],
  'tui-api-error': ['-', 'active', 'idle', 'exited'],
  // MessageDisplay, Stop, then Notification idle_prompt after the (shortened) idle threshold
  'tui-idle-prompt': ['-', 'active', null, 'idle', 'idle', 'exited'],
  // PreToolUse, PermissionRequest, Notification permission_prompt 6 s later, PostToolUse once approved
  'tui-permission-approved': ['-', 'active', 'active', 'blocked', 'blocked', 'active', null, null, 'idle', 'exited'],
  // Esc or "No" in the dialog: Claude fires no hook at all (no PermissionDenied, no Stop, no
  // idle_prompt), so ao stays `blocked` until the next prompt or the end of the session.
  'tui-permission-cancelled': ['-', 'active', 'active', 'blocked', 'blocked', 'exited'],
  'tui-permission-denied': ['-', 'active', 'active', 'blocked', 'blocked', 'exited'],
};

interface Fixture {
  harness: string;
  harnessVersion: string;
  scenario: string;
  description: string;
  signals: Array<{ nativeEvent: string; event: string; payload: unknown }>;
}

const dir = join(import.meta.dirname, '..', 'fixtures');
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

describe('Claude Code fixtures recorded from the real binary', () => {
  it('exist (an empty fixtures directory means nothing was checked)', () => {
    expect(files.length, `no fixtures in ${dir}`).toBeGreaterThan(0);
  });

  it.each(files)('%s replays to the expected states', (file) => {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
    expect(fixture.harness).toBe(claudeCodeAdapter.id);
    expect(fixture.signals.length).toBeGreaterThan(0);
    const expected = EXPECTED[fixture.scenario];
    expect(expected, `fixture ${file}: scenario "${fixture.scenario}" has no expected outcomes in this test; look at the recording and add them`).toBeDefined();
    const outcomes = fixture.signals.map(({ event, payload }) => {
      const derivation = claudeCodeAdapter.derive(event, payload);
      return derivation === null ? null : (derivation.state ?? '-');
    });
    expect(outcomes, fixture.signals.map((s) => s.nativeEvent).join(' → ')).toEqual(expected);
  });
});
