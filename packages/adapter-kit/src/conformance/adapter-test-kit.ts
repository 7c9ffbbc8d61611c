import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Helpers the adapter packages' own tests share (temp dirs removed after each test, real git
 * repositories, a fake `ao` that records how hooks call it). Test-only, like the whole subpath.
 */

// Git must answer the same whatever the machine's global config says (a global excludesFile
// could already ignore the files under test). The installer's own git calls inherit this.
process.env.GIT_CONFIG_GLOBAL = '/dev/null';
process.env.GIT_CONFIG_NOSYSTEM = '1';

const cleanups: string[] = [];
afterEach(() => {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ao-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(dir);
  return dir;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A real repository with one commit, so `git status` starts clean. */
export function gitRepo(): string {
  const dir = join(tempDir(), 'project');
  mkdirSync(dir);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'test');
  writeFileSync(join(dir, 'README.md'), '# project\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

export const gitStatus = (dir: string) => git(dir, 'status', '--porcelain', '--untracked-files=all');

/**
 * A stand-in `ao` that records its argv and stdin, in a directory whose name holds a space, both
 * quote characters and `$`: the hook command must reach it intact through every layer of quoting.
 */
export function fakeAo(): { aoCommand: string; log: string; calls: () => Array<{ argv: string[]; stdin: string }> } {
  const dir = join(tempDir(), `bin dir 'single' "double" $HOME x`);
  mkdirSync(dir, { recursive: true });
  const aoCommand = join(dir, 'ao');
  const log = join(tempDir(), 'calls.jsonl');
  writeFileSync(
    aoCommand,
    `#!/usr/bin/env node
const fs = require('fs');
let stdin = '';
try { stdin = fs.readFileSync(0, 'utf8'); } catch {}
fs.appendFileSync(process.env.AO_FAKE_LOG, JSON.stringify({ argv: process.argv.slice(2), stdin }) + '\\n');
`,
  );
  chmodSync(aoCommand, 0o755);
  const calls = () => {
    try {
      return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    } catch {
      return [];
    }
  };
  return { aoCommand, log, calls };
}

/** Runs a hook command the way the harness does: `bash -c <command>` with the payload on stdin. */
export function runUnderBash(command: string, log: string, stdin = '{}'): void {
  const result = spawnSync('bash', ['-c', command], { input: stdin, env: { ...process.env, AO_FAKE_LOG: log }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bash -c failed (${result.status}): ${result.stderr}`);
}
