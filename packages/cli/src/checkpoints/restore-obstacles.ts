import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { RestorePlan } from './restore-plan.js';

/**
 * Paths where writing the checkpoint would replace something git ignores: an ignored file at a
 * path the checkpoint has a file at, an ignored file or symlink where the checkpoint needs a
 * directory, a directory still holding ignored files where the checkpoint has a file. git's own
 * checkout treats ignored files as expendable; a restore never touches them, so it refuses instead.
 * Checked before anything is changed.
 */
export function findRestoreObstacles(root: string, plan: RestorePlan): string[] {
  const deleting = new Set(plan.delete);
  const creating = new Set(plan.create);
  const obstacles = new Set<string>();
  for (const path of plan.write) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const ancestor = parts.slice(0, depth).join('/');
      const stats = lstatIfPresent(join(root, ancestor));
      if (!stats) break;
      if (stats.isDirectory()) continue;
      if (!deleting.has(ancestor)) obstacles.add(ancestor);
      break;
    }
    const stats = lstatIfPresent(join(root, path));
    if (!stats) continue;
    if (stats.isDirectory()) {
      if (!holdsOnly(root, path, deleting)) obstacles.add(path);
    } else if (creating.has(path)) {
      obstacles.add(path);
    }
  }
  return [...obstacles].sort();
}

/** Whether every file under `dir` is one the restore deletes (so the emptied directory can go). */
function holdsOnly(root: string, dir: string, deleting: ReadonlySet<string>): boolean {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() ? !holdsOnly(root, path, deleting) : !deleting.has(path)) return false;
  }
  return true;
}

function lstatIfPresent(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
