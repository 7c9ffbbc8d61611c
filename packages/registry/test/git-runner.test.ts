import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError, gitOutput, runGit } from '../src/git-runner.js';

describe('the git runner', () => {
  it('answers with git output, and a failure is a GitError carrying what git said', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ao-git-'));
    expect(runGit(dir, ['rev-parse', '--show-toplevel'])?.status).not.toBe(0);
    expect(() => gitOutput(dir, ['rev-parse', '--show-toplevel'])).toThrow(GitError);
    expect(() => gitOutput(dir, ['rev-parse', '--show-toplevel'])).toThrow(/^git rev-parse --show-toplevel failed: fatal: not a git repository/);
    gitOutput(dir, ['init', '--quiet']);
    expect(gitOutput(dir, ['rev-parse', '--is-inside-work-tree'])).toBe('true');
  });

  it('a missing working directory is "could not be run", not a crash', () => {
    expect(runGit('/nonexistent/ao-dir', ['status'])).toBeUndefined();
    expect(() => gitOutput('/nonexistent/ao-dir', ['status'])).toThrow('git status could not be run in /nonexistent/ao-dir (is git installed, does the directory exist?)');
  });
});
