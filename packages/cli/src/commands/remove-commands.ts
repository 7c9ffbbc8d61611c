import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { printJson } from '../output.js';
import { findSessionOrThrow } from '../operations/session-reads.js';
import { pruneSessions as prune, removeSessionRecord, type RemoveResult } from '../operations/remove-session.js';

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
  const results = ids.map((id) => removeSessionRecord(context, findSessionOrThrow(context, id), options.force === true));
  const refused = results.filter((result) => !result.removed);
  if (refused.length > 0 && ids.length === 1) throw new CliError('not_removable', `cannot remove ${refused[0]!.id}: ${refused[0]!.reason}`);
  report(results, options.json);
  if (refused.length > 0) process.exitCode = 1;
}

/** `ao prune`: removes every terminated session (worktrees with uncommitted work are kept unless --force). */
export async function pruneSessions(context: CliContext, options: { force?: boolean; json?: boolean }): Promise<void> {
  report(await prune(context, { force: options.force === true }), options.json);
}
