import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codexAdapter } from '../src/index.js';

/**
 * Replays the payloads recorded from the real binary (fixtures/*.json). Expected outcome per
 * signal: a state, '-' (mapped, no state) or null (not an event ao maps). A recording without an
 * entry here fails, so that someone looks at it.
 */
type Outcome = 'active' | 'idle' | 'waiting_input' | 'blocked' | 'exited' | '-' | null;

const EXPECTED: Record<string, Outcome[]> = {
  // An API error ends the turn with no Stop and no other hook: ao shows the turn running until the
  // session ends (exec exits at once; in the TUI the display falls back to `stale`).
  'api-error': ['-', 'active', 'exited'],
  'tui-api-error': ['-', 'active', 'exited'],
  // exec cannot ask: PreToolUse, no PermissionRequest, no PostToolUse, then Stop
  'exec-escalation-refused': ['-', 'active', 'active', 'idle', 'exited'],
  'plain-turn': ['-', 'active', 'idle', 'exited'],
  'tool-call-allowed': ['-', 'active', 'active', 'active', 'idle', 'exited'],
  'tui-permission-approved': ['-', 'active', 'active', 'blocked', 'active', 'idle', 'exited'],
  // Esc in the approval dialog interrupts the turn: Interrupt, no Stop
  'tui-permission-denied': ['-', 'active', 'active', 'blocked', 'idle', 'exited'],
};

interface Fixture {
  harness: string;
  scenario: string;
  signals: Array<{ nativeEvent: string; event: string; payload: unknown }>;
}

const dir = join(import.meta.dirname, '..', 'fixtures');
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

describe('Codex fixtures recorded from the real binary', () => {
  it('exist (an empty fixtures directory means nothing was checked)', () => {
    expect(files.length, `no fixtures in ${dir}`).toBeGreaterThan(0);
  });

  it.each(files)('%s replays to the expected states', (file) => {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
    expect(fixture.harness).toBe(codexAdapter.id);
    expect(fixture.signals.length).toBeGreaterThan(0);
    const expected = EXPECTED[fixture.scenario];
    expect(expected, `fixture ${file}: scenario "${fixture.scenario}" has no expected outcomes in this test; look at the recording and add them`).toBeDefined();
    const outcomes = fixture.signals.map(({ event, payload }) => {
      const derivation = codexAdapter.derive(event, payload);
      return derivation === null ? null : (derivation.state ?? '-');
    });
    expect(outcomes, fixture.signals.map((s) => s.nativeEvent).join(' → ')).toEqual(expected);
  });
});
