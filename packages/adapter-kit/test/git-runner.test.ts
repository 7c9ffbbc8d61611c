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

  it('runs git with extra environment on top of the caller\'s, and feeds it input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ao-git-'));
    gitOutput(dir, ['init', '--quiet']);
    // GIT_AUTHOR_NAME reaches git; PATH (from process.env) still does too, or git would not run at all.
    const ident = gitOutput(dir, ['var', 'GIT_AUTHOR_IDENT'], { env: { GIT_AUTHOR_NAME: 'Checkpoint Taker', GIT_AUTHOR_EMAIL: 'ck@example.invalid' } });
    expect(ident).toMatch(/^Checkpoint Taker <ck@example\.invalid> /);
    expect(process.env.GIT_AUTHOR_NAME).toBeUndefined();
    const blob = gitOutput(dir, ['hash-object', '--stdin'], { input: 'hello\n' });
    expect(blob).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('output larger than a mebibyte is read whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ao-git-'));
    gitOutput(dir, ['init', '--quiet']);
    const big = 'x'.repeat(3 * 1024 * 1024);
    const blob = gitOutput(dir, ['hash-object', '-w', '--stdin'], { input: big });
    expect(gitOutput(dir, ['cat-file', 'blob', blob]).length).toBe(big.length);
  });
});
