import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtures } from '@ao/adapter-kit/conformance';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './scenarios.js';

/**
 * The demo's recordings are replayed by the conformance suite (conformance.test.ts). What is the
 * demo's own: a recording of an older agent proves nothing, so each must be of this version and
 * hold exactly the hooks its scenario fires today (`npm run record-fixtures` re-records them).
 */
const dir = join(import.meta.dirname, '..', 'fixtures');
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('demo fixtures recorded from the real agent', () => {
  it('exist, one per scenario', () => {
    expect(readdirSync(dir).filter((name) => name.endsWith('.json')).sort()).toEqual(SCENARIOS.map((scenario) => `${scenario.name}.json`).sort());
  });

  it.each(loadFixtures(dir).map(({ file, fixture }) => [file, fixture] as const))('%s matches what the agent fires today', (_, fixture) => {
    expect(fixture.harnessVersion).toBe(version);
    const scenario = SCENARIOS.find((s) => s.name === fixture.scenario);
    expect(fixture.signals.map((s) => s.event), 'stale fixture: run npm run record-fixtures').toEqual(scenario?.events);
  });
});
