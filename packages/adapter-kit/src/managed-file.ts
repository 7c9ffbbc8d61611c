import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The file's bytes, or undefined when there is no such file. */
export function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function fileMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Writes through a temp file, fsync and rename (write-file-atomic), so a crash or a concurrent
 * reader never sees a half-written settings file. Keeps the existing file's mode unless told.
 */
export function writeAtomic(path: string, data: string | Buffer, mode?: number): void {
  writeFileAtomic.sync(path, data, mode === undefined ? {} : { mode });
}

export function removeFile(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Creates `dir` and its missing parents; returns the directories that did not exist, deepest
 * first, so that an uninstall can remove exactly those (and only while they are empty).
 */
export function mkdirTracked(dir: string): string[] {
  const missing: string[] = [];
  let cursor = resolve(dir);
  while (!existsSync(cursor)) {
    missing.push(cursor);
    const parent = dirname(cursor);
    if (parent === cursor) break;
    cursor = parent;
  }
  if (missing.length > 0) mkdirSync(dir, { recursive: true });
  return missing;
}

/** Removes each directory (deepest first) while it is empty; stops at the first non-empty one. */
export function removeEmptyDirs(dirs: readonly string[]): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    try {
      rmdirSync(dir);
      removed.push(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      break; // ENOTEMPTY or anything else: the user keeps it, and its parents too
    }
  }
  return removed;
}
