import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
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
  inSandbox,
} from '../src/conformance/index.js';

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
  id: 'toy',
  displayName: 'Toy',
  aliases: [],
  binary: 'toy',
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
