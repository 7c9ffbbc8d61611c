// The harness cache on a real directory, with stand-in packages already in it (so npm is not asked):
// the bin directory it builds, what runs on the Node runtime, what `resolveHarnesses` accepts, and
// what `prune` removes and spares.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { install, packageDir, prune, readRuntime, resolveHarnesses } from '../harness-cache.mjs';
// @ts-expect-error plain ESM helper without types
import { PACKAGE_MARKER } from './harness-layout.mjs';

let root = '';
let env: Record<string, string> = {};
const quiet = () => {};

/** A finished install of `name@version` in the cache, as installPackage leaves it. */
function fakePackage(name: string, version: string, manifest: Record<string, unknown>, files: Record<string, string>, complete = true): string {
  const dir = packageDir(env, name, version);
  const pkg = join(dir, 'node_modules', name);
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version, ...manifest }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(pkg, file, '..'), { recursive: true });
    writeFileSync(join(pkg, file), text, { mode: 0o755 });
  }
  if (complete) writeFileSync(join(dir, PACKAGE_MARKER), '{}\n');
  return dir;
}

function pin(pins: Record<string, string>): void {
  writeFileSync(env.AO_HARNESS_PINS!, JSON.stringify(pins));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ao-harness-cache-'));
  env = { PATH: '/usr/bin:/bin', HOME: root, AO_HARNESS_CACHE: join(root, 'cache'), AO_HARNESS_PINS: join(root, 'pins.json') };
  const runtime = readRuntime();
  // The Node runtime stand-in says it ran, with what, and on which PATH.
  fakePackage(runtime.name, runtime.version, { bin: { node: 'bin/node' } }, { 'bin/node': '#!/bin/sh\nprintf "%s\\n" "runtime" "$@" "PATH=$PATH"\n' });
  fakePackage('needs-new-node', '1.0.0', { engines: { node: '>=99' }, bin: { newtool: 'cli.js' } }, { 'cli.js': '#!/usr/bin/env node\nconsole.log("on the PATH node")\n' });
  fakePackage('any-node', '2.0.0', { engines: { node: '>=16' }, bin: 'run.js' }, { 'run.js': '#!/usr/bin/env node\nconsole.log("any-node ran")\n' });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the bin directory of a pin set', () => {
  it('wraps the commands of a package that needs another Node, links the others, and puts no node on PATH', () => {
    pin({ 'needs-new-node': '1.0.0', 'any-node': '2.0.0' });
    const bin = install(env, quiet);
    expect(resolveHarnesses(env)).toEqual({ binDir: bin, pins: { 'needs-new-node': '1.0.0', 'any-node': '2.0.0' } });

    const script = join(packageDir(env, 'needs-new-node', '1.0.0'), 'node_modules', 'needs-new-node', 'cli.js');
    const out = execFileSync(join(bin, 'newtool'), ['--flag', 'two words'], { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(out.split('\n')).toEqual(['runtime', script, '--flag', 'two words', `PATH=${bin}:/usr/bin:/bin`, '']);

    expect(readlinkSync(join(bin, 'any-node'))).toBe(join(packageDir(env, 'any-node', '2.0.0'), 'node_modules', 'any-node', 'run.js'));
    expect(execFileSync(join(bin, 'any-node'), { encoding: 'utf8', env: { PATH: process.env.PATH! } })).toBe('any-node ran\n');
    expect(existsSync(join(bin, 'node'))).toBe(false);
  });

  it('needs no runtime when every package runs on this Node', () => {
    pin({ 'any-node': '2.0.0' });
    const bin = install(env, quiet);
    expect(JSON.parse(readFileSync(join(bin, '.ao-harness-bin.json'), 'utf8')).runtime).toBeNull();
  });

  it('gives another pin set its own bin directory and leaves the first one as it was', () => {
    pin({ 'any-node': '2.0.0' });
    const first = install(env, quiet);
    pin({ 'any-node': '2.0.0', 'needs-new-node': '1.0.0' });
    const second = install(env, quiet);
    expect(second).not.toBe(first);
    expect(readlinkSync(join(first, 'any-node'))).toBe(readlinkSync(join(second, 'any-node')));
    expect(existsSync(join(first, 'newtool'))).toBe(false);
  });

  it('does not accept an unfinished install of a pinned package', () => {
    pin({ 'any-node': '2.0.0' });
    install(env, quiet);
    rmSync(join(packageDir(env, 'any-node', '2.0.0'), PACKAGE_MARKER));
    const resolved = resolveHarnesses(env);
    expect(resolved.binDir).toBeNull();
    expect(resolved.problems.join('\n')).toMatch(/any-node@2\.0\.0 is an unfinished install/);
  });

  it('reports a pinned version the cache does not hold', () => {
    pin({ 'any-node': '3.0.0' });
    const resolved = resolveHarnesses(env);
    expect(resolved.binDir).toBeNull();
    expect(resolved.problems.join('\n')).toMatch(/any-node is not installed/);
  });
});

describe('prune', () => {
  const age = (dir: string, hours: number) => {
    const then = new Date(Date.now() - hours * 3_600_000);
    for (const marker of [PACKAGE_MARKER, '.ao-harness-bin.json']) {
      if (existsSync(join(dir, marker))) utimesSync(join(dir, marker), then, then);
    }
  };

  it('removes what the pins do not name once unused, and spares what a run used recently', () => {
    pin({ 'any-node': '2.0.0', 'needs-new-node': '1.0.0' });
    const oldBin = install(env, quiet);
    const stale = fakePackage('any-node', '1.0.0', { bin: 'run.js' }, { 'run.js': '' });
    const recent = fakePackage('any-node', '1.5.0', { bin: 'run.js' }, { 'run.js': '' });
    const unfinished = join(packageDir(env, 'any-node', '9.0.0'), '..', '.tmp-any-node@9.0.0-abc');
    mkdirSync(unfinished);
    utimesSync(unfinished, new Date(0), new Date(0));
    pin({ 'any-node': '2.0.0' });
    const bin = install(env, quiet);
    age(stale, 48);
    age(oldBin, 48);
    age(packageDir(env, 'needs-new-node', '1.0.0'), 48);
    age(packageDir(env, 'any-node', '2.0.0'), 48); // pinned: kept however old
    prune(env, { unusedHours: 24, log: quiet });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(oldBin)).toBe(false);
    expect(existsSync(packageDir(env, 'needs-new-node', '1.0.0'))).toBe(false);
    expect(existsSync(unfinished)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(packageDir(env, 'any-node', '2.0.0'))).toBe(true);
    expect(resolveHarnesses(env).binDir).toBe(bin);
  });

  it('removes the previous layout’s per-pin-set directories', () => {
    const legacy = join(env.AO_HARNESS_CACHE!, 'linux-x64-763681d9e38cead8');
    mkdirSync(join(legacy, 'node_modules'), { recursive: true });
    writeFileSync(join(legacy, '.ao-harnesses.json'), '{}');
    utimesSync(join(legacy, '.ao-harnesses.json'), new Date(0), new Date(0));
    pin({ 'any-node': '2.0.0' });
    prune(env, { unusedHours: 24, log: quiet });
    expect(existsSync(legacy)).toBe(false);
  });
});
