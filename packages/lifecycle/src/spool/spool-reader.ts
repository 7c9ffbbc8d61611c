import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { SPOOL_NAME_PATTERN } from './spool-format.js';

/** Spool record names in capture order (the names sort lexically by capture time). */
export function listSpool(spoolDir: string, limit = Infinity): string[] {
  let names: string[];
  try {
    names = readdirSync(spoolDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records = names.filter((name) => SPOOL_NAME_PATTERN.test(name)).sort();
  return records.length > limit ? records.slice(0, limit) : records;
}

/** Deleting is idempotent: a record already gone is fine. */
export function deleteSpoolRecord(spoolDir: string, name: string): void {
  try {
    unlinkSync(join(spoolDir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Temp files left by a capture killed mid-write; they never became records, so they are garbage. */
export function removeAbandonedTempFiles(spoolDir: string, olderThanMs: number, now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(spoolDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith('.tmp-')) continue;
    const path = join(spoolDir, name);
    try {
      if (now - statSync(path).mtimeMs > olderThanMs) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      // Renamed or removed meanwhile: nothing to do.
    }
  }
  return removed;
}
