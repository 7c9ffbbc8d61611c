import { rmSync } from 'node:fs';
import type { SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { sessionFiles } from '../host/launch-spec.js';
import { removeWorktree, worktreeIsDirty } from '../spawn/worktree.js';
import { readWorktreeRecord } from '../spawn/worktree-record.js';
import { findSessionOrThrow } from './session-reads.js';

export interface RemoveResult {
  id: string;
  removed: boolean;
  worktreeRemoved?: boolean;
  branchKept?: boolean;
  reason?: string;
}

/** Removes one terminated session: its record, its files, its worktree (never one holding uncommitted work unless forced). */
export function removeSessionRecord(context: CliContext, session: SessionRecord, force: boolean): RemoveResult {
  if (!session.terminated) return { id: session.id, removed: false, reason: `still running: stop it first with ao kill ${session.id}` };
  const worktree = readWorktreeRecord(sessionFiles(context.paths.home, session.id).dir);
  let branchKept: boolean | undefined;
  if (worktree) {
    if (worktreeIsDirty(worktree.path) && !force) {
      return { id: session.id, removed: false, reason: `its worktree ${worktree.path} has uncommitted changes; commit them or pass --force` };
    }
    branchKept = removeWorktree(worktree, { force: true }).branchKept;
  }
  context.store.deleteSession(session.id);
  const files = sessionFiles(context.paths.home, session.id);
  rmSync(files.dir, { recursive: true, force: true });
  try {
    // A host killed with SIGKILL leaves its socket behind; outside AO_HOME nothing else would remove it.
    rmSync(files.socket, { force: true });
  } catch {
    // an unusable socket directory holds nothing of ours
  }
  return { id: session.id, removed: true, ...(worktree && { worktreeRemoved: true, branchKept }) };
}

/** `rm`: forgets one terminated session; refused (not_removable) while it runs or holds uncommitted work. */
export async function removeSession(context: CliContext, input: { id: string; force?: boolean }): Promise<RemoveResult> {
  await context.ingest();
  const result = removeSessionRecord(context, findSessionOrThrow(context, input.id), input.force === true);
  if (!result.removed) throw new CliError('not_removable', `cannot remove ${result.id}: ${result.reason}`);
  return result;
}

/** `prune`: removes every terminated session (worktrees with uncommitted work are kept unless forced). */
export async function pruneSessions(context: CliContext, input: { force?: boolean }): Promise<RemoveResult[]> {
  await context.ingest();
  const terminated = context.store.listSessions({ all: true }).filter((session) => session.terminated);
  return terminated.map((session) => removeSessionRecord(context, session, input.force === true));
}
