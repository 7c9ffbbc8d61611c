import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/**
 * Reading a file whose path ao did not choose: a hook payload's `transcript_path`, kept as a
 * session fact. Anything able to run a hook can name any path there, and opening a FIFO blocks
 * until a writer appears (every `ao` read and the daemon with it), a device may never end, a
 * directory is no transcript. So: only an absolute path whose last component is a regular file
 * (lstat, no symlink), opened without blocking (O_NONBLOCK, O_NOFOLLOW against a swap between the
 * check and the open, O_NOCTTY), checked again on the open descriptor (fstat), read in bounded bytes.
 */

/** True when `path` is absolute and names a regular file itself (not a symlink, FIFO, socket, device or directory). */
export function isRegularFile(path: string): boolean {
  if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0')) return false;
  try {
    // No exception for a missing file: reads check many paths that are gone, and throwing is slow.
    return lstatSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

/**
 * How ao opens a file it must never block on: read-only, without blocking (a FIFO opens at once),
 * without following a symbolic link swapped in since the lstat, without taking a terminal. Also
 * what the spool reader uses (lifecycle spool-entry.ts).
 */
export const OPEN_WITHOUT_BLOCKING = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW | (constants.O_NOCTTY ?? 0);

/**
 * The last `maxBytes` of a regular file (all of it when smaller) and the file's size; null when
 * the path is not a regular file or cannot be read. Never blocks on the open, never throws.
 */
export function readRegularFileTail(path: string, maxBytes: number): { bytes: Buffer; size: number } | null {
  if (!isRegularFile(path)) return null;
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_WITHOUT_BLOCKING);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const size = stat.size;
    const length = Math.max(0, Math.min(size, maxBytes));
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, size - length + read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
