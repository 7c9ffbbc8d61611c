import { lstatSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, type Repository } from './repository.js';
import type { RestorePlan } from './restore-plan.js';

/**
 * Carries out a restore plan: deletes first (so a directory the checkpoint has a file at is gone
 * before that file is written), then removes directories the deletes left empty, then has git
 * write the checkpoint's files (content, executable bit, symlinks) with checkout-index from a
 * temporary index holding the checkpoint's tree. Only the planned paths are touched: unchanged
 * files keep their inode and mtime, and the repository's index is never read or written.
 */
export function applyRestorePlan(repo: Repository, checkpointTree: string, plan: RestorePlan, scratchDir: string): void {
  for (const path of plan.delete) deleteFile(join(repo.root, path));
  for (const path of plan.delete) removeEmptyParents(repo.root, path);
  if (plan.write.length === 0) return;
  const options = { env: { GIT_INDEX_FILE: join(scratchDir, 'restore-index') } };
  git(repo, ['read-tree', checkpointTree], options);
  git(repo, ['checkout-index', '--force', '-z', '--stdin'], { ...options, input: plan.write.map((path) => `${path}\0`).join('') });
}

function deleteFile(path: string): void {
  try {
    // A directory here means the disk changed since the plan was made: leave it.
    if (!lstatSync(path).isDirectory()) unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes the directories above `path` that are now empty, up to (not including) the work tree's top. */
function removeEmptyParents(root: string, path: string): void {
  for (let dir = dirname(path); dir !== '.' && dir !== '/' && dir !== ''; dir = dirname(dir)) {
    try {
      rmdirSync(join(root, dir));
    } catch {
      return;
    }
  }
}
