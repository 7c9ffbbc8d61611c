import { isAbsolute, relative, resolve } from 'node:path';
import { runGit as git } from './git-runner.js';

/**
 * The few git questions an installer asks. Synchronous (the installer contract is), and tolerant:
 * no git, or not a repository, is an answer (undefined), never an exception.
 */

/** The top level of the working tree holding `dir`, or undefined outside a git repository. */
export function gitTopLevel(dir: string): string | undefined {
  const result = git(dir, ['rev-parse', '--show-toplevel']);
  if (!result || result.status !== 0) return undefined;
  const top = result.stdout.trim();
  return top ? resolve(top) : undefined;
}

/** Whether git ignores `path` (tracked files are never "ignored": their changes always show). */
export function isGitIgnored(topLevel: string, path: string): boolean {
  const result = git(topLevel, ['check-ignore', '-q', '--', toGitPath(topLevel, path)]);
  return result?.status === 0;
}

export function isGitTracked(topLevel: string, path: string): boolean {
  const result = git(topLevel, ['ls-files', '--error-unmatch', '--', toGitPath(topLevel, path)]);
  return result?.status === 0;
}

/** `$GIT_DIR/info/exclude` of the repository holding `dir` (shared by all its worktrees). */
export function gitInfoExcludePath(dir: string): string | undefined {
  const result = git(dir, ['rev-parse', '--git-path', 'info/exclude']);
  if (!result || result.status !== 0) return undefined;
  const path = result.stdout.trim();
  if (!path) return undefined;
  return isAbsolute(path) ? path : resolve(dir, path);
}

function toGitPath(topLevel: string, path: string): string {
  return relative(topLevel, resolve(path)).split('\\').join('/');
}
