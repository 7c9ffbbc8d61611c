/**
 * What a restore does, decided from `git diff-tree -r -z --no-renames <now> <checkpoint>` alone:
 * pure, so every case is testable without a repository. The diff's raw format is its name-status
 * plus the modes, which tell a nested repository (mode 160000) from a file.
 */

/** A, D, M, T: added in, deleted from, modified in, or changed type (file ↔ symlink) in the checkpoint. */
export type TreeChangeStatus = 'A' | 'D' | 'M' | 'T';

export interface TreeChange {
  status: TreeChangeStatus;
  /** Repository-relative, as git prints it with -z (unquoted). */
  path: string;
  /** Mode now ("000000" when absent now). */
  modeNow: string;
  /** Mode in the checkpoint ("000000" when absent from it). */
  modeInCheckpoint: string;
}

export interface RestorePlan {
  /** Paths to write from the checkpoint (content, and mode: executable bit, symlink). */
  write: string[];
  /** Those of `write` that the work tree has no file at now, as far as git sees it (so anything on disk there is ignored). */
  create: string[];
  /** Paths to delete: in the work tree now, absent from the checkpoint. */
  delete: string[];
  /**
   * Nested repositories that differ: left alone, since a checkpoint records only which commit
   * they were at, not their files.
   */
  skipped: string[];
}

const GITLINK_MODE = '160000';
const STATUSES: ReadonlySet<string> = new Set<TreeChangeStatus>(['A', 'D', 'M', 'T']);

/** Parses `diff-tree -r -z --no-renames` raw output: `:<mode> <mode> <oid> <oid> <status>\0<path>\0` per change. */
export function parseTreeChanges(output: string): TreeChange[] {
  const fields = output.split('\0');
  const changes: TreeChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const header = fields[i]!;
    const path = fields[i + 1]!;
    const match = /^:([0-7]{6}) ([0-7]{6}) [0-9a-f]+ [0-9a-f]+ ([A-Z])$/.exec(header);
    if (!match || !STATUSES.has(match[3]!) || path === '') throw new Error(`unexpected git diff-tree output near ${JSON.stringify(header)}`);
    changes.push({ status: match[3] as TreeChangeStatus, path, modeNow: match[1]!, modeInCheckpoint: match[2]! });
  }
  return changes;
}

export function planRestore(changes: readonly TreeChange[]): RestorePlan {
  const plan: RestorePlan = { write: [], create: [], delete: [], skipped: [] };
  for (const change of changes) {
    if (change.modeNow === GITLINK_MODE || change.modeInCheckpoint === GITLINK_MODE) plan.skipped.push(change.path);
    else if (change.status === 'D') plan.delete.push(change.path);
    else {
      plan.write.push(change.path);
      if (change.status === 'A') plan.create.push(change.path);
    }
  }
  for (const paths of Object.values(plan)) paths.sort(byCodeUnit);
  return plan;
}

/** The paths a restore following the plan writes or deletes, sorted. */
export function plannedChanges(plan: RestorePlan): string[] {
  return [...plan.write, ...plan.delete].sort(byCodeUnit);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
