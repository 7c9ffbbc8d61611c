import { describe, expect, it } from 'vitest';
import type { HarnessAdapter } from '@ao/registry';
import { checkEventAliases, checkMalformedPayloads, checkUnknownEvents } from './derivation-checks.js';
import { checkDialogDetails } from './dialog-details.js';
import { type ExpectedOutcome, checkFixtureReplay, loadFixtures } from './fixture-replay.js';
import { checkFootprintIgnored, checkInstallTwice, checkUserFilesKept } from './install-checks.js';
import { checkLaunch } from './launch-checks.js';
import { checkDoctorAndNotes, checkLaunchRunsBinary, checkSpecificationVersion, checkTestedVersions } from './contract-checks.js';
import { inSandbox } from './sandbox.js';

/**
 * The adapter conformance suite: one set of checks every adapter package runs against its own
 * adapter (as a storage library runs one driver suite over every driver). Imported from
 * `@ao/adapter-kit/conformance` by tests only: the runtime index never loads vitest.
 */
export interface ConformanceOptions {
  /** The recordings of the real harness: fixtures/<scenario>.json. */
  fixturesDir: string;
  /** Per scenario, the outcome of each recorded signal, written by a person who read the recording. */
  expectedStates: Record<string, ExpectedOutcome[]>;
  /**
   * For recordings that hold every (chatty) native event: the events derive maps. Only their
   * outcomes are listed in expectedStates; every other event must derive to null.
   */
  mappedEvents?: Iterable<string>;
  /**
   * Files a user already has in the project (path → content), to install over: their JSON keys
   * and list entries (their own hooks) must survive install, and uninstall must give them back.
   */
  userFiles?: Record<string, string>;
  /** How the prompt appears on the harness's command line (default: as one word, unchanged). */
  promptArgument?: (prompt: string) => string;
  /** A recorded output of `<binary> --version`: the adapter must read a version from it. */
  versionOutput?: string;
}

export function describeAdapterConformance(adapter: HarnessAdapter, options: ConformanceOptions): void {
  const fixtures = loadFixtures(options.fixturesDir);
  const mapped = options.mappedEvents === undefined ? undefined : new Set(options.mappedEvents);

  describe(`${adapter.displayName} (${adapter.id}) conforms to the adapter contract`, () => {
    describe('contract', () => {
      it('declares the adapter specification version this ao implements, and registers', () => checkSpecificationVersion(adapter));

      it('was tested with the harness version the e2e suite pins, and reads the installed one', () =>
        checkTestedVersions(adapter, options.fixturesDir, options.versionOutput));

      it('adds well-formed doctor checks and status notes, and its checks never throw', () => checkDoctorAndNotes(adapter));
    });

    describe('derivation', () => {
      it('has recordings to replay (an empty fixtures directory means nothing was checked)', () => {
        expect(fixtures.length, `no fixtures in ${options.fixturesDir}`).toBeGreaterThan(0);
      });

      it.each(fixtures.map(({ file, fixture }) => [file, fixture] as const))('%s replays to the expected states', (file, fixture) => {
        checkFixtureReplay(adapter, file, fixture, options.expectedStates, mapped);
      });

      it('knows nothing of events outside its table', () => checkUnknownEvents(adapter));

      it("takes the harness's own event names as aliases of events it derives", () => checkEventAliases(adapter, fixtures.map(({ fixture }) => fixture)));

      it('says what each recorded dialog is about (a toolDetail or a notification)', () => checkDialogDetails(adapter, fixtures));

      it('never throws on a malformed payload, and what it derives stays well formed', () => {
        checkMalformedPayloads(adapter, fixtures.map(({ fixture }) => fixture));
      });
    });

    describe('hook installer', () => {
      it('installing twice is installing once: no change reported, the same bytes', () => inSandbox((sandbox) => checkInstallTwice(adapter, sandbox)));

      it('leaves git status clean in a clean repository, after install and after uninstall', () =>
        inSandbox((sandbox) => checkFootprintIgnored(adapter, sandbox)));

      it("keeps the user's own files, hooks and keys, and gives them back byte for byte on uninstall", () =>
        inSandbox((sandbox) => checkUserFilesKept(adapter, sandbox, options.userFiles ?? { 'notes.txt': 'my notes\n' })));
    });

    describe('launch', () => {
      it("runs the adapter's binary when ao gives no path (the binary is named once)", () => checkLaunchRunsBinary(adapter));

      it('passes the prompt and extra arguments as single words, writes under launchDir only, leaves the project alone', () =>
        inSandbox((sandbox) => checkLaunch(adapter, sandbox, options.promptArgument)));
    });

    describe('input prompt', () => {
      it('its pattern reaches the session host whole (the launch spec carries the source, not the flags)', () => {
        if (adapter.inputReadyPattern === undefined) return;
        expect(adapter.inputReadyPattern.flags, 'flags are lost on the way to the session host').toBe('');
      });
    });

    describe('permission dialog', () => {
      it('declares the keys that answer it (or null: no dialog ao can answer)', () => {
        const keys = adapter.permissionKeys;
        if (keys === null) return;
        expect(keys.approve, 'approve keys').toMatch(/^[\s\S]+$/);
        expect(keys.deny, 'deny keys').toMatch(/^[\s\S]+$/);
        expect(keys.approve, 'approve and deny are the same keys').not.toBe(keys.deny);
      });
    });
  });
}

export { checkFixtureReplay, loadFixtures, outcomeOf, type ExpectedOutcome, type Fixture } from './fixture-replay.js';
export { checkEventAliases, checkMalformedPayloads, checkUnknownEvents } from './derivation-checks.js';
export { checkDialogDetails, dialogDetails, type DialogDetail } from './dialog-details.js';
export { checkFootprintIgnored, checkInstallTwice, checkUserFilesKept, hookContext } from './install-checks.js';
export { AWKWARD_ARGS, AWKWARD_PROMPT, checkLaunch } from './launch-checks.js';
export { HARNESS_PINS_FILE, checkDoctorAndNotes, checkLaunchRunsBinary, checkSpecificationVersion, checkTestedVersions, findHarnessPins } from './contract-checks.js';
export { Sandbox, inSandbox, snapshotTree } from './sandbox.js';
export { fakeAo, git, gitRepo, gitStatus, runUnderBash, tempDir } from './adapter-test-kit.js';
