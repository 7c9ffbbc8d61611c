import { rmSync } from 'node:fs';
import type { SessionRecord } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { sessionFiles } from '../host/launch-spec.js';
import { printJson } from '../output.js';
import { removeWorktree, worktreeIsDirty } from '../spawn/worktree.js';
import { readWorktreeRecord } from '../spawn/worktree-record.js';
import { findSessionOrThrow } from './session-commands.js';

export interface RemoveResult {
  id: string;
  removed: boolean;
  worktreeRemoved?: boolean;
  branchKept?: boolean;
  reason?: string;
}

/** Removes one terminated session: its record, its files, its worktree (never one holding uncommitted work unless forced). */
function removeSession(context: CliContext, session: SessionRecord, force: boolean): RemoveResult {
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

function report(results: RemoveResult[], json: boolean | undefined): void {
  if (json) return printJson(results);
  if (results.length === 0) process.stdout.write('Nothing to remove.\n');
  for (const result of results) {
    if (result.removed) {
      const branch = result.branchKept ? ` (branch ao/${result.id} kept: it has commits)` : '';
      process.stdout.write(`removed ${result.id}${result.worktreeRemoved ? ' and its worktree' : ''}${branch}\n`);
    } else process.stdout.write(`kept ${result.id}: ${result.reason}\n`);
  }
}

/** `ao rm <id…>` */
export async function removeSessions(context: CliContext, ids: string[], options: { force?: boolean; json?: boolean }): Promise<void> {
  await context.ingest();
  const results = ids.map((id) => removeSession(context, findSessionOrThrow(context, id), options.force === true));
  const refused = results.filter((result) => !result.removed);
  if (refused.length > 0 && ids.length === 1) throw new CliError('not_removable', `cannot remove ${refused[0]!.id}: ${refused[0]!.reason}`);
  report(results, options.json);
  if (refused.length > 0) process.exitCode = 1;
}

/** `ao prune`: removes every terminated session (worktrees with uncommitted work are kept unless --force). */
export async function pruneSessions(context: CliContext, options: { force?: boolean; json?: boolean }): Promise<void> {
  await context.ingest();
  const terminated = context.store.listSessions({ all: true }).filter((session) => session.terminated);
  report(terminated.map((session) => removeSession(context, session, options.force === true)), options.json);
}
