import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_A_REPOSITORY_RECHECK_MS, branchOfHead, gitBranchOf } from '../src/git-branch.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, stdio: 'pipe' }).toString();

function repoOn(branch: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'branch-'));
  git(dir, 'init', '-q', '-b', branch);
  writeFileSync(join(dir, 'README.md'), 'hi\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'first');
  return dir;
}

describe('the branch checked out where a session works (read from HEAD, cached by its mtime)', () => {
  it('names the branch of the repository, from any directory inside it, and follows a checkout', () => {
    const repo = repoOn('main');
    mkdirSync(join(repo, 'src', 'deep'), { recursive: true });
    expect(gitBranchOf(repo)).toBe('main');
    expect(gitBranchOf(join(repo, 'src', 'deep'))).toBe('main');
    git(repo, 'checkout', '-q', '-b', 'feature/login');
    expect(gitBranchOf(repo)).toBe('feature/login');
    expect(gitBranchOf(join(repo, 'src', 'deep'))).toBe('feature/login');
    // Detached: no branch.
    git(repo, 'checkout', '-q', '--detach');
    expect(gitBranchOf(repo)).toBeNull();
  });

  it("a linked worktree has its own branch (its .git is a file naming the worktree's HEAD)", () => {
    const repo = repoOn('main');
    const tree = join(mkdtempSync(join(tmpdir(), 'wt-')), 'tree');
    git(repo, 'worktree', 'add', '-q', '-b', 'ao/abc123', tree);
    expect(gitBranchOf(tree)).toBe('ao/abc123');
    expect(gitBranchOf(repo)).toBe('main');
  });

  it('outside a work tree: null, looked at again after a while (a git init shows then)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-'));
    const now = Date.now();
    expect(gitBranchOf(dir, now)).toBeNull();
    git(dir, 'init', '-q', '-b', 'trunk');
    expect(gitBranchOf(dir, now + 1)).toBeNull(); // within the recheck interval: the cached answer
    expect(gitBranchOf(dir, now + NOT_A_REPOSITORY_RECHECK_MS + 1)).toBe('trunk');
    expect(gitBranchOf(join(dir, 'no', 'such', 'dir'), now)).toBe('trunk');
  });

  it('a directory it cannot look into is no repository, never an error (EACCES, ENOTDIR)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plain-')), 'a-file');
    writeFileSync(file, 'not a directory\n');
    expect(gitBranchOf(join(file, 'sub'))).toBeNull(); // stat(<file>/sub/.git) fails with ENOTDIR
  });

  it('reads HEAD content: a symbolic ref names a branch, anything else none', () => {
    expect(branchOfHead('ref: refs/heads/main\n')).toBe('main');
    expect(branchOfHead('ref: refs/heads/a/b-c\n')).toBe('a/b-c');
    expect(branchOfHead('3f2a9c0e5b1d4f6a7b8c9d0e1f2a3b4c5d6e7f80\n')).toBeNull();
    expect(branchOfHead('ref: refs/remotes/origin/main')).toBeNull();
    expect(branchOfHead(null)).toBeNull();
  });
});
