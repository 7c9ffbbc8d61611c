import { isAbsolute, resolve } from 'node:path';
import { gitOutput, runGit, type GitResult, type GitRunOptions } from '@ao/adapter-kit';
import { CliError } from '../cli-error.js';
import { asUser } from '../private-umask.js';

/**
 * The repository a checkpoint is taken in: the work tree holding cwd, and its git directory.
 * Every git call names both (GIT_DIR, GIT_WORK_TREE), so it acts on that repository whatever the
 * current directory or a core.worktree setting would make git discover.
 */
export interface Repository {
  /** The top of the work tree (git rev-parse --show-toplevel). */
  root: string;
  /** Its git directory (.git, or .git/worktrees/<name> for a linked worktree). */
  gitDir: string;
  /** The repository's own index file (per worktree; an inherited GIT_INDEX_FILE is honoured). */
  indexFile: string;
}

export function findRepository(cwd: string): Repository {
  const result = runGit(cwd, ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-path', 'index']);
  const [root, gitDir, indexFile] = result?.status === 0 ? result.stdout.split('\n') : [];
  if (!root || !gitDir || !indexFile) {
    throw new CliError('not_a_git_repository', `checkpoints need a git work tree, and ${cwd} is not inside one`, 2);
  }
  // --git-path answers relative to cwd.
  return { root: resolve(root), gitDir: resolve(gitDir), indexFile: isAbsolute(indexFile) ? indexFile : resolve(cwd, indexFile) };
}

function repositoryOptions(repo: Repository, options: GitRunOptions): GitRunOptions {
  return { ...options, env: { ...options.env, GIT_DIR: repo.gitDir, GIT_WORK_TREE: repo.root } };
}

/**
 * Runs git in the repository; throws GitError when it fails. Git's writes there (objects, refs,
 * restored files) are the user's: made under the user's umask, as for `ao spawn --worktree`.
 */
export function git(repo: Repository, args: readonly string[], options: GitRunOptions = {}): string {
  return asUser(() => gitOutput(repo.root, args, repositoryOptions(repo, options)));
}

/** As git(), but a failure is an answer (its status), not an exception; output untrimmed. */
export function tryGit(repo: Repository, args: readonly string[], options: GitRunOptions = {}): GitResult | undefined {
  return asUser(() => runGit(repo.root, args, repositoryOptions(repo, options)));
}

/** The commit HEAD names; null before the first commit. */
export function headCommit(repo: Repository): string | null {
  const result = tryGit(repo, ['rev-parse', '--quiet', '--verify', 'HEAD^{commit}']);
  return result?.status === 0 ? result.stdout.trim() || null : null;
}
