import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ActivityState } from '@ao/activity-dispatch';
import type { HarnessAdapter } from '@ao/registry';

/** A recording of one scenario run against the real harness (fixtures/<scenario>.json). */
export interface Fixture {
  harness: string;
  harnessVersion?: string;
  scenario: string;
  description?: string;
  signals: Array<{ nativeEvent: string; event: string; payload: unknown }>;
}

/**
 * What derive makes of one recorded signal: the state it implies, '-' (an event ao maps that
 * implies no state) or null (an event ao does not map).
 */
export type ExpectedOutcome = ActivityState | '-' | null;

export function loadFixtures(fixturesDir: string): Array<{ file: string; fixture: Fixture }> {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Fixture }));
}

export function outcomeOf(adapter: HarnessAdapter, event: string, payload: unknown): ExpectedOutcome {
  const derivation = adapter.derive(event, payload);
  return derivation === null ? null : (derivation.state ?? '-');
}

/**
 * Replays one fixture through derive and compares with the outcomes a person wrote down after
 * looking at the recording. A recording without expectations fails, so that someone looks at it.
 * With `mappedEvents` (harnesses whose recordings hold every chatty bus event), only the signals
 * of those events are compared, and every other one must derive to null.
 */
export function checkFixtureReplay(
  adapter: HarnessAdapter,
  file: string,
  fixture: Fixture,
  expectedStates: Record<string, ExpectedOutcome[]>,
  mappedEvents?: ReadonlySet<string>,
): void {
  expect(fixture.harness, `${file} was recorded from another harness`).toBe(adapter.id);
  expect(fixture.signals.length, `${file} holds no signals`).toBeGreaterThan(0);
  const expected = expectedStates[fixture.scenario];
  expect(expected, `fixture ${file}: scenario "${fixture.scenario}" has no expected outcomes; look at the recording and add them`).toBeDefined();
  const outcomes: ExpectedOutcome[] = [];
  for (const { event, payload } of fixture.signals) {
    const outcome = outcomeOf(adapter, event, payload);
    if (mappedEvents === undefined) {
      outcomes.push(outcome);
      continue;
    }
    expect(outcome === null, `${file}: ${event} is ${mappedEvents.has(event) ? '' : 'not '}one of the mapped events, yet derive ${outcome === null ? 'ignores' : 'maps'} it`).toBe(!mappedEvents.has(event));
    if (outcome !== null) outcomes.push(outcome);
  }
  expect(outcomes, fixture.signals.map((signal) => signal.nativeEvent).join(' → ')).toEqual(expected);
}
