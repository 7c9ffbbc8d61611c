import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORWARDED_BUS_EVENTS, opencodeAdapter } from '../src/index.js';

/**
 * Replays the events recorded from the real binary (fixtures/*.json: every bus event and hook
 * call, chatty ones included). Expected: the outcomes of the signals derive knows, in order (a
 * state, or '-' for a mapped event with none); everything else must give null. A recording
 * without an entry here fails, so that someone looks at it.
 */
type Outcome = 'active' | 'idle' | 'waiting_input' | 'blocked' | 'exited' | '-';

const EXPECTED: Record<string, Outcome[]> = {
  // created, chat.message, busy ×2, session.error, (idle, session.idle) ×2
  'api-error': ['-', 'active', 'active', 'active', 'idle', 'idle', 'idle', 'idle', 'idle'],
  // created, chat.message, busy ×3, idle, session.idle
  'plain-turn': ['-', 'active', 'active', 'active', 'active', 'idle', 'idle'],
  // created, chat.message, busy ×2, tool before, asked, replied(reject: the turn goes on), idle, session.idle
  'run-permission-auto-rejected': ['-', 'active', 'active', 'active', 'active', 'blocked', 'active', 'idle', 'idle'],
  // created, chat.message, busy ×2, tool before, tool after, busy ×3, idle, session.idle
  'tool-call-allowed': ['-', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'active', 'idle', 'idle'],
  // created, chat.message, busy ×2, tool before, asked, replied(once), tool after, busy ×3, idle, session.idle
  'tui-permission-approved': ['-', 'active', 'active', 'active', 'active', 'blocked', 'active', 'active', 'active', 'active', 'active', 'idle', 'idle'],
  // as above, replied(reject), then straight to idle
  'tui-permission-denied': ['-', 'active', 'active', 'active', 'active', 'blocked', 'active', 'idle', 'idle'],
};

interface Fixture {
  harness: string;
  scenario: string;
  signals: Array<{ nativeEvent: string; event: string; payload: unknown }>;
}

const KNOWN = new Set([...FORWARDED_BUS_EVENTS, 'chat.message', 'tool.execute.before', 'tool.execute.after']);
const dir = join(import.meta.dirname, '..', 'fixtures');
const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();

describe('OpenCode fixtures recorded from the real binary', () => {
  it('exist (an empty fixtures directory means nothing was checked)', () => {
    expect(files.length, `no fixtures in ${dir}`).toBeGreaterThan(0);
  });

  it.each(files)('%s replays to the expected states', (file) => {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture;
    expect(fixture.harness).toBe(opencodeAdapter.id);
    const expected = EXPECTED[fixture.scenario];
    expect(expected, `fixture ${file}: scenario "${fixture.scenario}" has no expected outcomes in this test; look at the recording and add them`).toBeDefined();
    const outcomes: Outcome[] = [];
    for (const { event, payload } of fixture.signals) {
      const derivation = opencodeAdapter.derive(event, payload);
      expect(derivation === null, `${event}: derive knows it? ${derivation !== null}`).toBe(!KNOWN.has(event));
      if (derivation) outcomes.push(derivation.state ?? '-');
    }
    expect(outcomes).toEqual(expected);
  });
});
