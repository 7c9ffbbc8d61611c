import { GitError } from '@ao/adapter-kit';
import type { Checkpoint } from './checkpoint.js';
import { checkpointMessage, normalizeReason } from './checkpoint-message.js';
import { checkpointNumber, checkpointRef, sessionCheckpointRefs } from './checkpoint-ref.js';
import { git, headCommit, tryGit, type Repository } from './repository.js';
import type { WorkTreeSnapshot } from './work-tree-snapshot.js';

/**
 * Who checkpoint commits are by: fixed, so taking one works where the user has no git identity
 * configured, and `git log` says plainly that ao made it.
 */
const AO_IDENTITY = {
  GIT_AUTHOR_NAME: 'ao',
  GIT_AUTHOR_EMAIL: 'ao@checkpoints.invalid',
  GIT_COMMITTER_NAME: 'ao',
  GIT_COMMITTER_EMAIL: 'ao@checkpoints.invalid',
} as const;

/**
 * How many numbers a taker tries before giving up. Each failed attempt means another taker got
 * that number first (or left a stale lock on it); only a repository where refs cannot be written
 * at all runs out.
 */
const MAX_ATTEMPTS = 32;

export interface RecordOptions {
  reason?: string | null;
  /** The checkpoint's time in ms (default: now); git keeps whole seconds. */
  now?: number;
}

/**
 * Commits `snapshot` (parent: HEAD, if any) and points the session's next checkpoint ref at it.
 * The ref is created with `update-ref <ref> <commit> ""` (fails if the ref exists), so two takers
 * that picked the same n cannot overwrite each other: the loser moves on to n + 1.
 */
export function recordCheckpoint(repo: Repository, sessionId: string, snapshot: WorkTreeSnapshot, options: RecordOptions = {}): Checkpoint {
  const parent = headCommit(repo);
  const reason = normalizeReason(options.reason);
  const seconds = Math.floor((options.now ?? Date.now()) / 1000);
  const gitDate = `@${seconds} +0000`;
  const env = { ...AO_IDENTITY, GIT_AUTHOR_DATE: gitDate, GIT_COMMITTER_DATE: gitDate };
  let n = nextCheckpointNumber(repo, sessionId);
  let lastError: GitError | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, n++) {
    const message = checkpointMessage({ n, sessionId, reason, files: snapshot.files });
    // --no-gpg-sign: a checkpoint must never wait on a passphrase prompt (commit-tree ignores commit.gpgSign today; this keeps it so).
    const commit = git(repo, ['commit-tree', '--no-gpg-sign', ...(parent ? ['-p', parent] : []), '-F', '-', snapshot.tree], { env, input: message });
    const ref = checkpointRef(sessionId, n);
    const args = ['update-ref', '-m', `ao checkpoint ${n}`, ref, commit, ''];
    const created = tryGit(repo, args);
    if (created?.status === 0) {
      return { n, ref, commit, parent, takenAt: new Date(seconds * 1000).toISOString(), reason, files: snapshot.files };
    }
    lastError = new GitError(repo.root, args, created);
  }
  throw lastError!;
}

/** One more than the highest n the session has in this repository (1 for its first). */
function nextCheckpointNumber(repo: Repository, sessionId: string): number {
  const refs = git(repo, ['for-each-ref', '--format=%(refname)', sessionCheckpointRefs(sessionId)]);
  let highest = 0;
  for (const ref of refs.split('\n')) highest = Math.max(highest, checkpointNumber(ref, sessionId) ?? 0);
  return highest + 1;
}
