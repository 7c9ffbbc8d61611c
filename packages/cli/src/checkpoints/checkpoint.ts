/**
 * What a checkpoint is, as callers see it. A checkpoint is a commit of the whole work tree (tracked
 * and untracked files, not ignored ones) kept under `refs/ao/checkpoints/<session>/<n>` in the
 * user's repository; docs/checkpoints.md says how to inspect and delete them with plain git.
 */
export interface Checkpoint {
  /** 1, 2, 3… per session in this repository. */
  n: number;
  /** `refs/ao/checkpoints/<session>/<n>`. */
  ref: string;
  /** The checkpoint commit. */
  commit: string;
  /** HEAD when the checkpoint was taken; null in a repository with no commits yet. */
  parent: string | null;
  /** ISO 8601, whole seconds (git keeps commit dates in seconds). */
  takenAt: string;
  /** Why it was taken (the tool call about to run, a forced restore…); null when none was given. */
  reason: string | null;
  /** Entries (files, symlinks, nested repositories) in the checkpoint's tree. */
  files: number;
}

export interface RestoreResult {
  n: number;
  /** False when the work tree already matched the checkpoint and nothing was written or deleted. */
  restored: boolean;
  /** Repository-relative paths written or deleted, sorted. */
  changed: string[];
  /** The checkpoint a forced restore took of the state it replaced (null when nothing was replaced). */
  savedAs: Checkpoint | null;
}
