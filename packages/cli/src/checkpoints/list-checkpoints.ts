import { GitError } from '@ao/adapter-kit';
import type { Checkpoint } from './checkpoint.js';
import { CHECKPOINT_LISTING_FORMAT, parseCheckpointListing } from './checkpoint-listing.js';
import { checkSessionId, sessionCheckpointRefs } from './checkpoint-ref.js';
import { findRepository, tryGit } from './repository.js';

/** The session's checkpoints in the repository holding `cwd`, oldest (n = 1) first. */
export function listCheckpoints(cwd: string, sessionId: string): Checkpoint[] {
  checkSessionId(sessionId);
  const repo = findRepository(cwd);
  const args = ['for-each-ref', `--format=${CHECKPOINT_LISTING_FORMAT}`, sessionCheckpointRefs(sessionId)];
  const result = tryGit(repo, args);
  if (result?.status !== 0) throw new GitError(repo.root, args, result);
  return parseCheckpointListing(result.stdout, sessionId);
}
