import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gitOutput } from '@ao/adapter-kit';
import { CliError } from '../cli-error.js';
import { asUser } from '../private-umask.js';
import type { Worktree } from './worktree-record.js';

export type { Worktree } from './worktree-record.js';

/** Git writes into the user's repository (refs, its worktree records, the index): under the user's umask. */
function git(cwd: string, args: string[]): string {
  return asUser(() => gitOutput(cwd, args));
}

/** The repository root of cwd, after checking ao may branch off it: a git work tree with nothing uncommitted. */
export function checkWorktreeSource(cwd: string): string {
  let root: string;
  try {
    root = git(cwd, ['rev-parse', '--show-toplevel']);
  } catch {
    throw new CliError('not_a_git_repository', `--worktree needs a git repository, and ${cwd} is not inside one`, 2);
  }
  const dirty = git(root, ['status', '--porcelain']);
  if (dirty !== '') {
    throw new CliError(
      'dirty_worktree',
      `--worktree branches off the last commit, and ${root} has uncommitted changes that the agent would not see; commit or stash them first`,
      2,
    );
  }
  try {
    git(root, ['rev-parse', '--verify', 'HEAD']);
  } catch {
    throw new CliError('no_commits', `--worktree needs at least one commit in ${root}`, 2);
  }
  return root;
}

/** `git worktree add -b ao/<id> $AO_HOME/worktrees/<id> HEAD`. */
export function createWorktree(repoRoot: string, aoHome: string, sessionId: string): Worktree {
  const path = join(aoHome, 'worktrees', sessionId);
  const branch = `ao/${sessionId}`;
  // The checkout is the user's work (their umask); the private parent keeps other users out of it.
  mkdirSync(join(aoHome, 'worktrees'), { recursive: true, mode: 0o700 });
  git(repoRoot, ['worktree', 'add', '--quiet', '-b', branch, path, 'HEAD']);
  return { path, branch, repoRoot };
}

/** True when the worktree holds changes (uncommitted, or commits not on any other branch are kept by the branch). */
export function worktreeIsDirty(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return git(path, ['status', '--porcelain']) !== '';
  } catch {
    return false;
  }
}

/**
 * Removes the worktree and, when it holds no commits of its own, its branch (commits the agent
 * made stay reachable on `ao/<id>`).
 */
export function removeWorktree(worktree: Worktree, options: { force?: boolean } = {}): { branchKept: boolean } {
  if (existsSync(worktree.path)) {
    git(worktree.repoRoot, ['worktree', 'remove', ...(options.force ? ['--force'] : []), worktree.path]);
  }
  git(worktree.repoRoot, ['worktree', 'prune']);
  try {
    // -d refuses to delete a branch with unmerged commits: the agent's work is kept.
    git(worktree.repoRoot, ['branch', '-d', worktree.branch]);
    return { branchKept: false };
  } catch {
    return { branchKept: true };
  }
}
