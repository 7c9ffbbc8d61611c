import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface FixtureSignal {
  nativeEvent: string;
  event: string;
  payload: unknown;
}
export interface Fixture {
  harness: string;
  harnessVersion: string;
  scenario: string;
  signals: FixtureSignal[];
}

/** A payload fixture recorded from the real harness binary (see e2e/record). */
export function loadFixture(harness: string, scenario: string): Fixture {
  const dir = fileURLToPath(new URL(`../../adapters/${harness}/fixtures/`, import.meta.url));
  return JSON.parse(readFileSync(join(dir, `${scenario}.json`), 'utf8')) as Fixture;
}

export function fixtureNames(harness: string): string[] {
  const dir = fileURLToPath(new URL(`../../adapters/${harness}/fixtures/`, import.meta.url));
  return readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
}
