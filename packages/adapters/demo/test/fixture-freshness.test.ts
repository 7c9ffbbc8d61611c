import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoAdapter } from '../src/index.js';
import { SCENARIOS } from './scenarios.js';

/**
 * Replays the payloads recorded from real runs of the demo agent (fixtures/*.json, written by
 * `npm run record-fixtures`) through derive. The states are written here by a person who looked
 * at the recording: a state, or '-' (mapped, no state). A new recording without an entry fails.
 */
type Outcome = 'active' | 'idle' | 'waiting_input' | 'blocked' | 'exited' | '-' | null;

const TOOL: Outcome[] = ['active', 'active', 'active', 'idle']; // UserPromptSubmit, PreToolUse, PostToolUse, Stop
const EXPECTED: Record<string, Outcome[]> = {
  'tool-turn': ['-', ...TOOL, 'exited'],
  // PreToolUse, PermissionRequest (blocked), PostToolUse once approved, Stop
  'permission-approved': ['-', 'active', 'active', 'blocked', 'active', 'idle', 'exited'],
  // PermissionDenied: the turn goes on (active), then Stop
  'permission-denied': ['-', 'active', 'active', 'blocked', 'active', 'idle', 'exited'],
  'question-answered': ['-', 'active', 'waiting_input', 'active', 'idle', 'exited'],
  // StopFailure ends the turn (idle) with the error as a fact
  'api-error': ['-', 'active', 'idle', 'exited'],
  tour: ['-', ...TOOL, 'active', 'active', 'blocked', 'active', 'idle', 'active', 'waiting_input', 'active', 'idle', 'exited'],
  'argv-prompt-then-exit': ['-', ...TOOL, 'exited'],
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
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('demo fixtures recorded from the real agent', () => {
  it('exist, one per scenario (an empty directory means nothing was checked)', () => {
    expect(files).toEqual(SCENARIOS.map((scenario) => `${scenario.name}.json`).sort());
  });

  it.each(files)('%s replays to the expected states', (file) => {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
    expect(fixture.harness).toBe(demoAdapter.id);
    expect(fixture.harnessVersion).toBe(version);
    const expected = EXPECTED[fixture.scenario];
    expect(expected, `fixture ${file}: scenario "${fixture.scenario}" has no expected outcomes in this test; look at the recording and add them`).toBeDefined();
    // A recording of an older agent no longer proves anything: it must match what the agent fires today.
    const scenario = SCENARIOS.find((s) => s.name === fixture.scenario);
    expect(fixture.signals.map((s) => s.event), 'stale fixture: run npm run record-fixtures').toEqual(scenario?.events);
    const outcomes = fixture.signals.map(({ event, payload }) => {
      const derivation = demoAdapter.derive(event, payload);
      return derivation === null ? null : (derivation.state ?? '-');
    });
    expect(outcomes, fixture.signals.map((s) => s.nativeEvent).join(' → ')).toEqual(expected);
  });
});
