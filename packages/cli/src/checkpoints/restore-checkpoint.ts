import { CliError } from '../cli-error.js';
import type { RestoreResult } from './checkpoint.js';
import { checkCheckpointNumber, checkpointRef, checkSessionId } from './checkpoint-ref.js';
import { ChangesSinceCheckpointError } from './changes-since-checkpoint.js';
import { applyRestorePlan } from './apply-restore.js';
import { displayPath } from './display-path.js';
import { recordCheckpoint } from './record-checkpoint.js';
import { findRepository, git, tryGit } from './repository.js';
import { findRestoreObstacles } from './restore-obstacles.js';
import { parseTreeChanges, plannedChanges, planRestore } from './restore-plan.js';
import { withScratchDir } from './scratch-dir.js';
import { snapshotWorkTree } from './work-tree-snapshot.js';

export interface RestoreOptions {
  /** Restore even though the work tree changed since the checkpoint, after saving it as a new checkpoint. */
  force?: boolean;
}

/**
 * Puts the work tree back as it was at checkpoint n: files in the checkpoint are written (content
 * and mode), files present now but absent from it are deleted, ignored files are never touched,
 * and HEAD, the index and the branch stay as they are. A work tree that differs from the
 * checkpoint is refused (changes_since_checkpoint) unless `force`; a forced restore first saves
 * the current state as a checkpoint of its own, so it loses nothing. docs/checkpoints.md.
 */
export function restoreCheckpoint(cwd: string, sessionId: string, n: number, options: RestoreOptions = {}): RestoreResult {
  checkSessionId(sessionId);
  checkCheckpointNumber(n);
  const repo = findRepository(cwd);
  const checkpointTree = tryGit(repo, ['rev-parse', '--quiet', '--verify', `${checkpointRef(sessionId, n)}^{tree}`]);
  if (checkpointTree?.status !== 0) throw new CliError('not_found', `session ${sessionId} has no checkpoint ${n} in ${repo.root}`);
  const target = checkpointTree.stdout.trim();

  return withScratchDir((scratchDir) => {
    const current = snapshotWorkTree(repo, scratchDir);
    const plan = planRestore(parseTreeChanges(git(repo, ['diff-tree', '-r', '-z', '--no-renames', current.tree, target])));
    const changed = plannedChanges(plan);
    // Nothing differs, or only nested repositories do (which a restore leaves alone): nothing to do.
    if (changed.length === 0) return { n, restored: false, changed: [], savedAs: null };
    if (!options.force) throw new ChangesSinceCheckpointError(n, changed);

    const obstacles = findRestoreObstacles(repo.root, plan);
    if (obstacles.length > 0) {
      throw new CliError(
        'not_supported',
        `checkpoint ${n} has files where ignored files are now (${obstacles.map(displayPath).join(', ')}), and a restore never touches ignored files; move them away and restore again`,
      );
    }
    const savedAs = recordCheckpoint(repo, sessionId, current, { reason: `saved before restoring checkpoint ${n}` });
    try {
      applyRestorePlan(repo, target, plan, scratchDir);
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new Error(`restoring checkpoint ${n} stopped part way (${cause}); the work tree as it was before is checkpoint ${savedAs.n}`, { cause: error });
    }
    return { n, restored: true, changed, savedAs };
  });
}
