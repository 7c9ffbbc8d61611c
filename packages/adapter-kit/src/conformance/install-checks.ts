import { join } from 'node:path';
import { expect } from 'vitest';
import type { HarnessAdapter, HookContext } from '@ao/registry';
import { type Sandbox, gitStatus, snapshotTree, writeFiles } from './sandbox.js';

/** An installer context as ao builds it: an absolute `ao` whose path needs quoting, a private AO_HOME. */
export function hookContext(sandbox: Sandbox): HookContext {
  return { aoCommand: sandbox.recorder('ao').path, aoHome: join(sandbox.dir(), 'ao-home'), sessionId: 'conformance-1' };
}

/** Install twice = install once: the second run reports no change and every byte stays the same. */
export function checkInstallTwice(adapter: HarnessAdapter, sandbox: Sandbox): void {
  const repo = sandbox.gitRepo();
  const context = hookContext(sandbox);
  adapter.hooks.install(repo, context);
  const once = { project: snapshotTree(repo), aoHome: snapshotTree(context.aoHome) };
  const again = adapter.hooks.install(repo, context);
  expect(again.changed, 'the second install reported a change').toBe(false);
  expect(again.files, 'the second install wrote files').toEqual([]);
  expect({ project: snapshotTree(repo), aoHome: snapshotTree(context.aoHome) }).toEqual(once);
}

/** What ao writes into a clean repository is git-ignored, and the status reports it as installed. */
export function checkFootprintIgnored(adapter: HarnessAdapter, sandbox: Sandbox): void {
  const repo = sandbox.gitRepo();
  const context = hookContext(sandbox);
  const result = adapter.hooks.install(repo, context);
  expect(gitStatus(repo), 'git status after install').toBe('');
  // Harnesses wired only through the launch write nothing; their status has nothing to find.
  if (result.files.length > 0) {
    const status = adapter.hooks.status(repo, context);
    expect(status.installed, `status after install: ${status.problems.join(' ')}`).toBe(true);
  }
  const removed = adapter.hooks.uninstall(repo, context);
  expect(gitStatus(repo), 'git status after uninstall').toBe('');
  if (removed.files.length > 0) expect(adapter.hooks.status(repo, context).installed, 'status after uninstall').toBe(false);
}

/**
 * Installing over the user's own files keeps everything of theirs: a JSON file ao merges into
 * still holds every key and every list entry of the user's (their own hooks too), any other file
 * is left byte for byte. Uninstalling gives the directory back exactly as it was, `.git/info/exclude`
 * included.
 */
export function checkUserFilesKept(adapter: HarnessAdapter, sandbox: Sandbox, userFiles: Record<string, string>): void {
  const repo = sandbox.gitRepo();
  writeFiles(repo, userFiles);
  const before = snapshotTree(repo);
  const context = hookContext(sandbox);
  adapter.hooks.install(repo, context);
  for (const [path, content] of Object.entries(userFiles)) {
    const now = snapshotTree(repo)[path];
    expect(now, `${path} was removed by install`).toBeTypeOf('string');
    const mine = parseJson(content);
    if (mine === undefined) expect(now, `${path} was changed by install`).toBe(content);
    else expectContains(parseJson(now as string), mine, path);
  }
  adapter.hooks.uninstall(repo, context);
  expect(snapshotTree(repo), "the user's directory after install and uninstall").toEqual(before);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `actual` holds all of `expected`: every key of an object, every entry of a list (anywhere in it). */
function expectContains(actual: unknown, expected: unknown, where: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${where} is no longer a list`).toBe(true);
    for (const [index, entry] of expected.entries()) {
      expect(
        (actual as unknown[]).some((candidate) => contains(candidate, entry)),
        `${where}[${index}] (${JSON.stringify(entry)}) was dropped`,
      ).toBe(true);
    }
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${where} is no longer an object`).toBe(true);
    for (const [key, value] of Object.entries(expected)) {
      expect(Object.hasOwn(actual as object, key), `${where}.${key} was dropped`).toBe(true);
      expectContains((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
    }
  } else {
    expect(actual, where).toEqual(expected);
  }
}

function contains(actual: unknown, expected: unknown): boolean {
  try {
    expectContains(actual, expected, '');
    return true;
  } catch {
    return false;
  }
}
