import type { SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { listCheckpoints, restoreCheckpoint, takeCheckpoint, type Checkpoint, type RestoreResult } from '../checkpoints/index.js';
import { findSessionOrThrow } from './session-reads.js';

export type { Checkpoint, RestoreResult } from '../checkpoints/index.js';

/**
 * Checkpoints before risk (docs/checkpoints.md): the session's working tree recorded as a commit
 * under refs/ao/checkpoints/<session>/<n>, its HEAD, index, branch and files untouched.
 */
export function takeSessionCheckpoint(context: CliContext, session: SessionRecord, reason: string): Checkpoint {
  const checkpoint = takeCheckpoint(session.cwd, session.id, { reason, now: context.now() });
  // On the session's timeline too, so `ao events` shows what can be restored and when it was taken.
  context.store.appendEvent({ sessionId: session.id, type: 'lifecycle', event: 'checkpoint-taken', at: context.now(), data: { n: checkpoint.n, commit: checkpoint.commit, reason } });
  return checkpoint;
}

/** `checkpoints`: the session's checkpoints, oldest first. */
export async function sessionCheckpoints(context: CliContext, input: { id: string }): Promise<Checkpoint[]> {
  await context.ingest();
  const session = findSessionOrThrow(context, input.id);
  return listCheckpoints(session.cwd, session.id);
}

/** `restore`: the files put back as they were at checkpoint n (refused over changes since, unless force). */
export async function restoreSessionCheckpoint(context: CliContext, input: { id: string; n: number; force?: boolean }): Promise<RestoreResult> {
  await context.ingest();
  const session = findSessionOrThrow(context, input.id);
  const result = restoreCheckpoint(session.cwd, session.id, input.n, { force: input.force === true });
  if (result.restored) {
    context.store.appendEvent({ sessionId: session.id, type: 'lifecycle', event: 'checkpoint-restored', at: context.now(), data: { n: input.n, changed: result.changed.length, savedAs: result.savedAs?.n ?? null } });
  }
  return result;
}
