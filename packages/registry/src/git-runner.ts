import { spawnSync } from 'node:child_process';

/**
 * The one way ao runs git: synchronously (installers and `ao spawn --worktree` ask a question and
 * need the answer before going on), output captured, never on the terminal. Built on spawnSync,
 * not execa: this module is loaded with the adapters, on the path `ao ls` takes when it ingests,
 * and execa would add ~250 KB to that bundle chunk for what is one synchronous call.
 */
export interface GitResult {
  /** null when git was killed by a signal. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `git args` in `cwd`; undefined when git cannot be run at all (not installed, cwd gone). */
export function runGit(cwd: string, args: readonly string[]): GitResult | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return undefined;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** git could not be run, or answered with a failure status. */
export class GitError extends Error {
  constructor(
    readonly cwd: string,
    readonly args: readonly string[],
    readonly result: GitResult | undefined,
  ) {
    const command = `git ${args.join(' ')}`;
    super(result ? `${command} failed: ${result.stderr.trim() || `exit status ${result.status}`}` : `${command} could not be run in ${cwd} (is git installed, does the directory exist?)`);
    this.name = 'GitError';
  }
}

/** What `git args` printed, trimmed; throws GitError when it fails. */
export function gitOutput(cwd: string, args: readonly string[]): string {
  const result = runGit(cwd, args);
  if (!result || result.status !== 0) throw new GitError(cwd, args, result);
  return result.stdout.trim();
}
