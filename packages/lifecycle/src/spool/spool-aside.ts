import { lstatSync, lutimesSync, mkdirSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { SPOOL_NAME_PATTERN } from './spool-format.js';

/**
 * Spool entries ingestion keeps instead of deleting, each kind in its own subdirectory of the
 * spool (never listed as records: listing reads only names matching SPOOL_NAME_PATTERN):
 * - `rejected`: entries named like records that cannot be read as one (see spool-entry.ts);
 * - `unclaimed`: records for a session the store does not know. They are kept rather than
 *   dropped because the store may be the wrong one (restored from an old backup, replaced):
 *   moving them back into the spool applies them.
 * Both are pruned after SPOOL_ASIDE_RETENTION_MS (see docs/signal-path.md).
 */
export type SpoolAsideKind = 'rejected' | 'unclaimed';

export const SPOOL_ASIDE_KINDS: readonly SpoolAsideKind[] = ['rejected', 'unclaimed'];

export const SPOOL_ASIDE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export function spoolAsideDir(spoolDir: string, kind: SpoolAsideKind): string {
  return join(spoolDir, kind);
}

export type SetAsideOutcome = { moved: true } | { moved: false; reason: string };

/**
 * Moves an entry into its aside directory (a rename: no byte is read, whatever the entry is). Its
 * modification time is set to now when ao may, so retention counts from the move. An entry
 * already gone counts as moved: another ingester dealt with it.
 */
export function setSpoolEntryAside(spoolDir: string, name: string, kind: SpoolAsideKind, now = Date.now()): SetAsideOutcome {
  const dir = spoolAsideDir(spoolDir, kind);
  const target = join(dir, name);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    renameSync(join(spoolDir, name), target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isDirectory(dir)) return { moved: true };
    return { moved: false, reason: `cannot move it into ${dir} (${code ?? (error as Error).message})` };
  }
  try {
    const seconds = now / 1000;
    lutimesSync(target, seconds, seconds);
  } catch {
    // Not ours to touch (root's): it is pruned by its own time, which is only sooner.
  }
  return { moved: true };
}

/** The entries set aside of one kind (names like records), oldest capture first. */
export function listSpoolAside(spoolDir: string, kind: SpoolAsideKind): string[] {
  try {
    return readdirSync(spoolAsideDir(spoolDir, kind))
      .filter((name) => SPOOL_NAME_PATTERN.test(name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Removes entries set aside before `olderThan` (ms since the epoch). Directories are left alone:
 * ao never deletes a tree it did not write; `ao doctor` names them.
 */
export function pruneSpoolAside(spoolDir: string, kind: SpoolAsideKind, olderThan: number): number {
  const dir = spoolAsideDir(spoolDir, kind);
  let removed = 0;
  for (const name of listSpoolAside(spoolDir, kind)) {
    const path = join(dir, name);
    try {
      const stats = lstatSync(path);
      if (stats.isDirectory() || stats.mtimeMs >= olderThan) continue;
      unlinkSync(path);
      removed++;
    } catch {
      // Gone meanwhile, or not ours to remove: doctor still counts it.
    }
  }
  return removed;
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
