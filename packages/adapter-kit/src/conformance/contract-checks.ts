import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import semverLte from 'semver/functions/lte.js';
import semverValid from 'semver/functions/valid.js';
import { expect } from 'vitest';
import { ADAPTER_SPECIFICATION_VERSION, AdapterRegistry, type HarnessAdapter } from '@ao/registry';
import { inTestedRange } from '../harness-version.js';

/** Where the e2e suite pins each harness's npm package: `{ "<npm package>": "<exact version>" }`. */
export const HARNESS_PINS_FILE = join('e2e', 'harness-versions.json');

/** The registry takes the adapter: it declares this contract's version and names that do not clash. */
export function checkSpecificationVersion(adapter: HarnessAdapter): void {
  expect(adapter.specificationVersion, 'specificationVersion').toBe(ADAPTER_SPECIFICATION_VERSION);
  expect(() => new AdapterRegistry([adapter])).not.toThrow();
}

/**
 * The adapter names its binary once: a launch given no `binaryPath` runs `binary` (the demo agent
 * runs the Node that runs ao, whose file is still named `node`).
 */
export function checkLaunchRunsBinary(adapter: HarnessAdapter): void {
  const launch = adapter.buildLaunch({ cwd: '/project', aoCommand: '/opt/ao/bin/ao', aoHome: '/ao-home', sessionId: 'conformance-1', launchDir: '/ao-home/launches/conformance-1' });
  expect(basename(launch.command), `the launch runs ${launch.command}, not the adapter's binary "${adapter.binary}"`).toBe(adapter.binary);
}

/** The nearest `e2e/harness-versions.json` above `from` (the adapter's fixtures), if any. */
export function findHarnessPins(from: string): { path: string; pins: Record<string, string> } | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const path = join(dir, HARNESS_PINS_FILE);
    if (existsSync(path)) return { path, pins: JSON.parse(readFileSync(path, 'utf8')) as Record<string, string> };
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The tested range is a real range of semver versions, it holds the version the e2e suite pins for
 * the harness's npm package (a pin moved past it means the adapter was not re-tested), and the
 * adapter reads a version from a recorded `--version` output.
 */
export function checkTestedVersions(adapter: HarnessAdapter, fixturesDir: string, versionOutput?: string): void {
  const versions = adapter.versions;
  if (versions === null) return;
  const { min, max } = versions.tested;
  expect(semverValid(min), `tested.min "${min}" is not a semver version`).not.toBeNull();
  expect(semverValid(max), `tested.max "${max}" is not a semver version`).not.toBeNull();
  expect(semverLte(min, max), `tested range ${min} to ${max} is empty`).toBe(true);
  const found = findHarnessPins(fixturesDir);
  expect(found, `no ${HARNESS_PINS_FILE} above ${fixturesDir}`).toBeDefined();
  const pin = found!.pins[versions.npmPackage];
  expect(pin, `${found!.path} pins no version of ${versions.npmPackage}: add it, the e2e suite tests that version`).toBeDefined();
  expect(inTestedRange(pin!, versions.tested), `${versions.npmPackage} is pinned to ${pin} in ${found!.path}, outside the tested range ${min} to ${max}: re-test and widen the range`).toBe(true);
  if (versionOutput !== undefined) {
    const read = versions.parseVersionOutput(versionOutput);
    expect(read, `no version read from ${JSON.stringify(versionOutput)}`).not.toBeNull();
    expect(semverValid(read), `"${read}" is not a semver version`).not.toBeNull();
  }
  expect(versions.parseVersionOutput(''), 'a version read from empty output').toBeNull();
}

/**
 * What the adapter adds to `ao doctor` and `ao status` is well formed: its checks never throw on an
 * environment with nothing set up (no HOME, a HOME that does not exist), each has a name, a known
 * status and a sentence; each status note is a sentence.
 */
export function checkDoctorAndNotes(adapter: HarnessAdapter): void {
  for (const env of [{}, { HOME: '/nonexistent/ao-conformance-home' }] as NodeJS.ProcessEnv[]) {
    const checks = adapter.doctorChecks?.(env) ?? [];
    for (const check of checks) {
      expect(check.name, 'a doctor check without a name').toMatch(/\S/);
      expect(['ok', 'warn', 'fail'], `doctor check ${check.name}`).toContain(check.status);
      expect(check.message, `doctor check ${check.name} has no message`).toMatch(/\S/);
    }
  }
  for (const note of adapter.statusNotes ?? []) {
    expect(note, 'a status note is one sentence, starting with a capital and without a line break').toMatch(/^[A-Z][^\n]*[.)]$/);
  }
}
