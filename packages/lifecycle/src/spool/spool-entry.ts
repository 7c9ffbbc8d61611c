import { closeSync, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { OPEN_WITHOUT_BLOCKING } from '@ao/adapter-kit';
import { join } from 'node:path';
import { SPOOL_RECORD_CAP_BYTES } from './spool-limits.js';

/**
 * Why an entry named like a spool record cannot be read as one. A directory, FIFO, socket or device
 * is never a record (opening a FIFO to read would block until someone writes to it); a symbolic
 * link is not followed (the spool is written only by renaming regular files); a file bigger than
 * any record is not one; `unreadable` is a record ao may not open, e.g. one written by root after an
 * agent ran under sudo with the user's AO_HOME.
 */
export type SpoolEntryProblem = 'directory' | 'fifo' | 'symlink' | 'socket' | 'device' | 'too_large' | 'unreadable';

export type SpoolEntryRead =
  | { kind: 'record'; bytes: Buffer }
  /** Consumed (and deleted or moved) by another ingester since it was listed. */
  | { kind: 'gone' }
  | { kind: 'bad'; problem: SpoolEntryProblem; detail: string };

/** What an entry is, from its lstat (or fstat) alone; null for a regular file of a record's size. */
export function classifySpoolEntry(stats: Stats): SpoolEntryProblem | null {
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  if (!stats.isFile()) return 'device';
  if (stats.size > SPOOL_RECORD_CAP_BYTES) return 'too_large';
  return null;
}

/** The problem in words, for the log and for `ao doctor`. */
export function describeSpoolEntryProblem(problem: SpoolEntryProblem): string {
  switch (problem) {
    case 'directory':
      return 'it is a directory, not a record';
    case 'fifo':
      return 'it is a FIFO (named pipe), not a record';
    case 'symlink':
      return 'it is a symbolic link, not a record (ao never follows links in its spool)';
    case 'socket':
      return 'it is a socket, not a record';
    case 'device':
      return 'it is a device file, not a record';
    case 'too_large':
      return `it is bigger than any record can be (${SPOOL_RECORD_CAP_BYTES} bytes)`;
    case 'unreadable':
      return 'ao cannot read it (it belongs to another user, e.g. root after an agent ran under sudo)';
  }
}

// Errors that say "this entry cannot be read as a record"; any other error (EMFILE, ENOMEM…) is
// about this process, not the entry, and is thrown so the entry is tried again later.
const ENTRY_ERRORS: Record<string, SpoolEntryProblem> = {
  EACCES: 'unreadable',
  EPERM: 'unreadable',
  EIO: 'unreadable',
  ELOOP: 'symlink',
  EISDIR: 'directory',
  ENXIO: 'socket',
  ENODEV: 'device',
  EFBIG: 'too_large',
  EOVERFLOW: 'too_large',
};


/** Hands out a buffer of `size` bytes to read a record into (see RecordArena in spool-batch.ts). */
export type BufferSource = (size: number) => Buffer;

/**
 * Reads one spool record without ever blocking or reading more than a record can hold: lstat
 * first, open without following links and without blocking, fstat the descriptor (the entry may
 * have changed since the lstat), then read at most the record cap plus one byte.
 */
export function readSpoolEntry(spoolDir: string, name: string, allocate: BufferSource = Buffer.allocUnsafe): SpoolEntryRead {
  const path = join(spoolDir, name);
  try {
    const problem = classifySpoolEntry(lstatSync(path));
    if (problem) return bad(problem, 'lstat');
  } catch (error) {
    return fromError(error);
  }
  let fd: number;
  try {
    // An entry that became a FIFO since the lstat opens at once; a link swapped in fails with ELOOP.
    fd = openSync(path, OPEN_WITHOUT_BLOCKING);
  } catch (error) {
    return fromError(error);
  }
  try {
    const stats = fstatSync(fd);
    const problem = classifySpoolEntry(stats);
    if (problem) return bad(problem, 'fstat');
    const bytes = readBounded(fd, stats.size, SPOOL_RECORD_CAP_BYTES, allocate);
    return bytes === null ? bad('too_large', 'read') : { kind: 'record', bytes };
  } catch (error) {
    return fromError(error);
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, or null when it holds more than `cap` (it grew past its fstat size). */
function readBounded(fd: number, expected: number, cap: number, allocate: BufferSource): Buffer | null {
  // One byte more than expected, so a file that grew since fstat is noticed rather than cut.
  let buffer = allocate(Math.min(expected, cap) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (buffer.length > cap) return null;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap + 1));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  return total > cap ? null : buffer.subarray(0, total);
}

function bad(problem: SpoolEntryProblem, detail: string): SpoolEntryRead {
  return { kind: 'bad', problem, detail };
}

function fromError(error: unknown): SpoolEntryRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { kind: 'gone' };
  const problem = code === undefined ? undefined : ENTRY_ERRORS[code];
  if (problem === undefined) throw error;
  return bad(problem, code as string);
}
