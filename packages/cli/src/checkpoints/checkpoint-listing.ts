import type { Checkpoint } from './checkpoint.js';
import { parseCheckpointMessage } from './checkpoint-message.js';
import { checkpointNumber } from './checkpoint-ref.js';

/**
 * One for-each-ref call lists a session's checkpoints with everything a Checkpoint holds. Fields are
 * NUL-separated (a commit message cannot hold a NUL) and each record ends with NUL and the newline
 * for-each-ref adds, so messages spanning lines parse unambiguously.
 */
export const CHECKPOINT_LISTING_FORMAT = '%(refname)%00%(objectname)%00%(parent)%00%(committerdate:raw)%00%(contents)%00';

const RECORD_END = '\0\n';

/** Parses for-each-ref output in CHECKPOINT_LISTING_FORMAT; refs that are not ao checkpoints are left out. Sorted by n. */
export function parseCheckpointListing(output: string, sessionId: string): Checkpoint[] {
  const checkpoints: Checkpoint[] = [];
  for (const record of output.split(RECORD_END)) {
    const [ref, commit, parents, committerDate, contents] = record.split('\0');
    if (ref === undefined || commit === undefined || parents === undefined || committerDate === undefined || contents === undefined) continue;
    const n = checkpointNumber(ref, sessionId);
    const message = parseCheckpointMessage(contents);
    const seconds = Number(committerDate.split(' ')[0]);
    if (n === undefined || !message || !Number.isFinite(seconds)) continue;
    checkpoints.push({
      n,
      ref,
      commit,
      parent: parents.split(' ')[0] || null,
      takenAt: new Date(seconds * 1000).toISOString(),
      reason: message.reason,
      files: message.files,
    });
  }
  return checkpoints.sort((a, b) => a.n - b.n);
}
