// `npm run test:e2e -- --latest` (e2e/run.mjs): what one scenario saw on the newest harness release,
// kept in $AO_E2E_DRIFT_DIR/<harness>/<scenario>.json for the drift report (e2e/lib/drift.mjs),
// whether the scenario passed or not, and never in the committed fixtures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './ao.js';
import { fixtureOf, rolloutRecords } from './fixtures.js';
import type { Scenario, ScenarioOptions } from './scenario.js';

/** One scenario's record, as e2e/lib/drift.mjs reads it. */
export interface DriftRecord {
  harness: string;
  scenario: string;
  /** The committed fixture it compares with (`e2e-<fixture>.json`), or null when the scenario keeps none. */
  fixture: string | null;
  passed: boolean;
  /** The failed assertion (without the diagnostics), or null. */
  failure: string | null;
  /** The `to` of every transition ao recorded, or null when there is no session to ask. */
  states: string[] | null;
  signals: Array<{ nativeEvent: string; event: string; payload: unknown }>;
  /** Codex: the session's rollout records. */
  rollout: unknown[] | null;
  /** Signals ao ingested before the tap read them (missing from `signals`). */
  missed: string[];
}

export async function recordForDrift(s: Scenario, options: ScenarioOptions, failure: string | null): Promise<void> {
  const dir = process.env.AO_E2E_DRIFT_DIR;
  if (!dir) return;
  // Let hooks still in flight (SessionEnd after a kill…) land before reading.
  await sleep(300);
  s.tap.sweep();
  const states = s.id ? await s.states().catch(() => null) : null;
  const fixture = fixtureOf(s, options.fixture ?? s.name, options.description, states);
  const rollout = options.rollout && s.id ? await rolloutRecords(s).catch(() => null) : null;
  const record: DriftRecord = {
    harness: s.harness,
    scenario: s.name,
    fixture: options.fixture ?? null,
    passed: failure === null,
    failure,
    states,
    signals: fixture.signals,
    rollout,
    missed: s.tap.missed(),
  };
  mkdirSync(join(dir, s.harness), { recursive: true });
  writeFileSync(join(dir, s.harness, `${s.name}.json`), `${JSON.stringify({ harnessVersion: fixture.harnessVersion, ...record }, null, 2)}\n`);
}
