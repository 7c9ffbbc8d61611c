import type { Checkpoint } from './checkpoint.js';
import { checkSessionId } from './checkpoint-ref.js';
import { recordCheckpoint } from './record-checkpoint.js';
import { findRepository } from './repository.js';
import { withScratchDir } from './scratch-dir.js';
import { snapshotWorkTree } from './work-tree-snapshot.js';

export interface TakeCheckpointOptions {
  /** Why (the tool call about to run, say); kept as the commit message's body. */
  reason?: string;
  /** The checkpoint's time in ms (default: now). */
  now?: number;
}

/**
 * Records the whole work tree of the repository holding `cwd` (tracked and untracked files, not
 * ignored ones; deleted tracked files stay deleted) as checkpoint n of the session, leaving HEAD,
 * the index, the branch and every file as they were. docs/checkpoints.md.
 */
export function takeCheckpoint(cwd: string, sessionId: string, options: TakeCheckpointOptions = {}): Checkpoint {
  checkSessionId(sessionId);
  const repo = findRepository(cwd);
  const snapshot = withScratchDir((dir) => snapshotWorkTree(repo, dir));
  return recordCheckpoint(repo, sessionId, snapshot, options);
}
