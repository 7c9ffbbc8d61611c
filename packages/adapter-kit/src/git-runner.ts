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

export interface GitRunOptions {
  /** Variables set for this git only, on top of process.env (GIT_INDEX_FILE, an identity, a date). */
  env?: Readonly<Record<string, string>>;
  /** Written to git's stdin (paths for `--stdin -z`); without it stdin is closed. */
  input?: string;
}

/**
 * Room for what git prints about a whole tree (a listing, a diff of every path): spawnSync's
 * default of 1 MiB would make a large repository look like "git could not be run".
 */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** Runs `git args` in `cwd`; undefined when git cannot be run at all (not installed, cwd gone). */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): GitResult | undefined {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
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
export function gitOutput(cwd: string, args: readonly string[], options: GitRunOptions = {}): string {
  const result = runGit(cwd, args, options);
  if (!result || result.status !== 0) throw new GitError(cwd, args, result);
  return result.stdout.trim();
}
