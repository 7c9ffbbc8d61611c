import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { field, pickFacts, type Derivation } from '@ao/activity-dispatch';
import { describe, expect, it } from 'vitest';
import type { HarnessAdapter, HookInstallResult, HookInstaller } from '@ao/registry';
import {
  type Fixture,
  checkFixtureReplay,
  checkFootprintIgnored,
  checkInstallTwice,
  checkLaunch,
  checkMalformedPayloads,
  checkUnknownEvents,
  checkUserFilesKept,
  checkDoctorAndNotes,
  checkLaunchRunsBinary,
  checkSpecificationVersion,
  checkTestedVersions,
  inSandbox,
} from '../src/conformance/index.js';
import { firstVersionIn } from '../src/harness-version.js';

/**
 * The conformance checks must catch what they claim to catch: each one passes on a well-behaved
 * toy adapter and fails on a toy that breaks exactly its rule.
 */

function result(dir: string, changed: boolean, files: string[]): HookInstallResult {
  return { harness: 'toy', dir, changed, files, notes: [] };
}

/** Writes `.toy/ao.json`, git-ignored by a `.toy/.gitignore`; removes both on uninstall. */
function toyInstaller(options: { content?: () => string; ignore?: boolean } = {}): HookInstaller {
  const paths = (dir: string) => ({ file: join(dir, '.toy', 'ao.json'), ignore: join(dir, '.toy', '.gitignore') });
  return {
    install(dir, context) {
      const { file, ignore } = paths(dir);
      const content = options.content?.() ?? JSON.stringify({ ao: context.aoCommand });
      if (existsSync(file) && readFileSync(file, 'utf8') === content) return result(dir, false, []);
      mkdirSync(join(dir, '.toy'), { recursive: true });
      writeFileSync(file, content);
      if (options.ignore !== false) writeFileSync(ignore, 'ao.json\n.gitignore\n');
      return result(dir, true, [file, ignore]);
    },
    uninstall(dir) {
      const { file, ignore } = paths(dir);
      rmSync(file, { force: true });
      rmSync(ignore, { force: true });
      if (existsSync(join(dir, '.toy')) && readdirSync(join(dir, '.toy')).length === 0) rmdirSync(join(dir, '.toy'));
      return result(dir, true, [file]);
    },
    status(dir) {
      return { harness: 'toy', dir, installed: existsSync(paths(dir).file), files: [], problems: [] };
    },
  };
}

const toy: HarnessAdapter = {
  specificationVersion: 'v1',
  id: 'toy',
  displayName: 'Toy',
  aliases: [],
  binary: 'toy',
  versions: { npmPackage: 'toy-cli', tested: { min: '1.2.0', max: '1.4.0' }, parseVersionOutput: firstVersionIn },
  hookCapable: true,
  signalsAtStartup: true,
  permissionKeys: { approve: 'y', deny: 'n' },
  derive: (event, payload): Derivation | null => (event === 'stop' ? { event: 'stop', state: 'idle', facts: pickFacts({ prompt: field(payload, 'prompt') }) } : null),
  hooks: toyInstaller(),
  buildLaunch: (options) => ({
    command: options.binaryPath ?? 'toy',
    args: [...(options.extraArgs ?? []), ...(options.prompt ? ['--', options.prompt] : [])],
    env: {},
    files: [{ path: join(options.launchDir, 'toy.json'), content: '{}\n' }],
  }),
};

/** A repository holding `e2e/harness-versions.json` that pins toy-cli; returns its adapter's fixtures dir. */
function toyRepository(pin: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ao-toy-repo-'));
  mkdirSync(join(root, 'e2e'));
  writeFileSync(join(root, 'e2e', 'harness-versions.json'), JSON.stringify({ 'toy-cli': pin }));
  mkdirSync(join(root, 'packages', 'toy', 'fixtures'), { recursive: true });
  return join(root, 'packages', 'toy', 'fixtures');
}

const fixture: Fixture = { harness: 'toy', scenario: 'one', signals: [{ nativeEvent: 'Stop', event: 'stop', payload: { prompt: 'hi', extra: { a: 1 } } }] };

describe('conformance checks', () => {
  it('pass on a well-behaved adapter', () => {
    checkFixtureReplay(toy, 'one.json', fixture, { one: ['idle'] });
    checkUnknownEvents(toy);
    checkMalformedPayloads(toy, [fixture]);
    inSandbox((sandbox) => checkInstallTwice(toy, sandbox));
    inSandbox((sandbox) => checkFootprintIgnored(toy, sandbox));
    inSandbox((sandbox) => checkUserFilesKept(toy, sandbox, { 'settings.json': '{"hooks":{"mine":[1]}}\n' }));
    inSandbox((sandbox) => checkLaunch(toy, sandbox));
    checkSpecificationVersion(toy);
    checkLaunchRunsBinary(toy);
    checkTestedVersions(toy, toyRepository('1.3.0'), 'toy-cli 1.3.0');
    checkDoctorAndNotes({ ...toy, doctorChecks: () => [{ name: 'toy settings', status: 'warn', message: 'odd' }], statusNotes: ['Toy fires no hook on Tuesdays.'] });
  });

  it('catch an adapter written against another contract version', () => {
    expect(() => checkSpecificationVersion({ ...toy, specificationVersion: 'v0' as 'v1' })).toThrow();
  });

  it('catch a launch that names the binary a second time, differently', () => {
    const renamed = { ...toy, buildLaunch: (o: Parameters<HarnessAdapter['buildLaunch']>[0]) => ({ ...toy.buildLaunch(o), command: o.binaryPath ?? 'toy-cli' }) };
    expect(() => checkLaunchRunsBinary(renamed)).toThrow(/not the adapter's binary "toy"/);
  });

  it('catch a tested range that excludes the e2e pin, a package with no pin, and an unreadable --version', () => {
    expect(() => checkTestedVersions(toy, toyRepository('1.5.0'))).toThrow(/pinned to 1.5.0 .* outside the tested range 1.2.0 to 1.4.0/);
    expect(() => checkTestedVersions({ ...toy, versions: { ...toy.versions!, npmPackage: 'other-cli' } }, toyRepository('1.3.0'))).toThrow(/pins no version of other-cli/);
    expect(() => checkTestedVersions(toy, toyRepository('1.3.0'), 'toy (dev build)')).toThrow(/no version read/);
    expect(() => checkTestedVersions({ ...toy, versions: { ...toy.versions!, tested: { min: '1.4.0', max: '1.2' } } }, toyRepository('1.3.0'))).toThrow(/not a semver version/);
  });

  it('catch a doctor check that throws without a HOME, and a status note that is not a sentence', () => {
    const throwing = { ...toy, doctorChecks: (env: NodeJS.ProcessEnv) => [{ name: 'toy', status: 'ok' as const, message: env.HOME!.trim() }] };
    expect(() => checkDoctorAndNotes(throwing)).toThrow();
    expect(() => checkDoctorAndNotes({ ...toy, statusNotes: ['no capital, no stop'] })).toThrow(/one sentence/);
  });

  it('catch a replay that no longer matches what a person expected, and a recording nobody looked at', () => {
    expect(() => checkFixtureReplay(toy, 'one.json', fixture, { one: ['active'] })).toThrow();
    expect(() => checkFixtureReplay(toy, 'one.json', fixture, {})).toThrow(/no expected outcomes/);
    expect(() => checkFixtureReplay(toy, 'one.json', fixture, { one: [] }, new Set(['go']))).toThrow(/not one of the mapped events/);
  });

  it('catch a lookup table that maps "constructor" and friends', () => {
    const table: Record<string, string> = { stop: 'idle' };
    const sloppy = { ...toy, derive: (event: string) => (table[event] ? ({ event: 'stop', state: 'idle', facts: {} }) as Derivation : null) };
    expect(() => checkUnknownEvents(sloppy)).toThrow(/constructor/);
  });

  it('catch a derive that throws on a malformed payload, or lets control characters into facts', () => {
    const throwing = { ...toy, derive: (event: string, payload: unknown) => ({ event: 'stop', facts: { prompt: (payload as { prompt: string }).prompt.trim() } }) as Derivation };
    expect(() => checkMalformedPayloads(throwing, [fixture])).toThrow();
    const dirty = { ...toy, derive: (_: string, payload: unknown) => ({ event: 'stop', facts: { prompt: String(field(payload, 'prompt')) } }) as Derivation };
    expect(() => checkMalformedPayloads(dirty, [fixture])).toThrow(/control characters|not capped/);
  });

  it('catch an installer that rewrites its file on every run', () => {
    let run = 0;
    const restless = { ...toy, hooks: toyInstaller({ content: () => JSON.stringify({ run: ++run }) }) };
    expect(() => inSandbox((sandbox) => checkInstallTwice(restless, sandbox))).toThrow();
  });

  it('catch an installer whose files show in git status', () => {
    const loud = { ...toy, hooks: toyInstaller({ ignore: false }) };
    expect(() => inSandbox((sandbox) => checkFootprintIgnored(loud, sandbox))).toThrow(/git status after install/);
  });

  it("catch an installer that overwrites the user's file, or drops one of their hooks", () => {
    const clobbering: HookInstaller = {
      ...toyInstaller(),
      install(dir) {
        writeFileSync(join(dir, 'settings.json'), JSON.stringify({ hooks: { ao: ['ao hooks'] } }));
        return result(dir, true, [join(dir, 'settings.json')]);
      },
    };
    const user = { 'settings.json': '{"hooks":{"mine":[1]},"theme":"dark"}\n' };
    expect(() => inSandbox((sandbox) => checkUserFilesKept({ ...toy, hooks: clobbering }, sandbox, user))).toThrow(/dropped/);
  });

  it('catch a launch that splits the prompt into words, or writes into the project', () => {
    const splitting = { ...toy, buildLaunch: (o: Parameters<HarnessAdapter['buildLaunch']>[0]) => ({ ...toy.buildLaunch(o), args: [...(o.extraArgs ?? []), ...(o.prompt ?? '').split(' ')] }) };
    expect(() => inSandbox((sandbox) => checkLaunch(splitting, sandbox))).toThrow(/prompt is not one word/);
    const littering = {
      ...toy,
      buildLaunch: (o: Parameters<HarnessAdapter['buildLaunch']>[0]) => ({ ...toy.buildLaunch(o), files: [{ path: join(o.cwd, '.toy-launch.json'), content: '{}' }] }),
    };
    expect(() => inSandbox((sandbox) => checkLaunch(littering, sandbox))).toThrow(/not under launchDir/);
  });
});
