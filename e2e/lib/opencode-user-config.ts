// What an OpenCode scenario must leave as it found it: the user's own OpenCode config dir (only
// their opencode.json in it) and the npm registry, which OpenCode must have tried once, not retried
// for a minute (docs/harnesses/opencode.md, "The npm install").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { opencodeUserConfigDir } from './sandbox.js';
import type { Scenario } from './scenario.js';

/**
 * The one file OpenCode 1.18.33 writes into every config dir it reads when it has none, started
 * by ao or not (its config loading, "ensureGitignore"): OpenCode's, not ao's.
 */
const OPENCODE_OWN_GITIGNORE = ['node_modules', 'package.json', 'package-lock.json', 'bun.lock', '.gitignore'].join('\n');

/** Every file and directory under `dir`, with the bytes of each file (base64). */
export function snapshotDir(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const key = relative(dir, full);
      if (statSync(full).isDirectory()) {
        entries[`${key}/`] = 'dir';
        walk(full);
      } else {
        entries[key] = readFileSync(full).toString('base64');
      }
    }
  };
  walk(dir);
  return entries;
}

export function userConfigSnapshot(s: Scenario): Record<string, string> {
  return snapshotDir(opencodeUserConfigDir(s.sb.home));
}

/** The user's config dir holds the same bytes as before the session, and nothing but OpenCode's own .gitignore besides. */
export function expectUserConfigUntouched(s: Scenario, before: Record<string, string>): void {
  const after = userConfigSnapshot(s);
  const expected = { ...before };
  if (!('.gitignore' in before)) expected['.gitignore'] = Buffer.from(OPENCODE_OWN_GITIGNORE).toString('base64');
  expect(after, `${opencodeUserConfigDir(s.sb.home)} after the session`).toEqual(expected);
}

/** OpenCode asked the (unreachable) registry for its plugin SDK once, for the one config dir it reads, and did not retry. */
export function expectNpmTriedOnce(s: Scenario): void {
  const npm = s.mock.requests.filter((request) => request.decision === 'npm-registry').map((request) => request.path);
  expect(npm, 'requests to the npm registry').toEqual(['/npm-registry/@opencode-ai%2fplugin']);
}
