import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Where a reader of a RingLog (ring-log.ts) is: an offset in one file. The log is only ever
 * appended to, and rotated by renaming the current file to the previous one and starting a new
 * one, so (file, offset) names a byte for as long as either file holds it, across rotations and
 * across processes. A file is named by its inode and its birth time in ns (`<ino>.<btime>`): a
 * filesystem reuses a freed inode number for the next new file, often the very next rotation's.
 * `file` '0': nothing was read yet.
 */
export interface TailCursor {
  file: string;
  offset: number;
}

/** Bytes of one file, from `from`: a reader that keeps them is at `{file, offset: from + data.length}`. */
export interface TailSegment {
  file: string;
  from: number;
  data: Buffer;
}

export interface TailRead {
  /** The bytes after the cursor, oldest first (the previous file's, then the current one's). */
  segments: TailSegment[];
  /** Where the next read starts. */
  cursor: TailCursor;
  /** The cursor's bytes are gone (rotated out twice): `data` is all the log holds, after a gap. */
  reset: boolean;
}

interface OpenFile {
  fd: number;
  id: string;
  size: number;
}

function openIfPresent(path: string): OpenFile | null {
  try {
    const fd = openSync(path, 'r');
    const stat = fstatSync(fd, { bigint: true });
    return { fd, id: `${stat.ino}.${stat.birthtimeNs}`, size: Number(stat.size) };
  } catch {
    return null;
  }
}

function readRange(file: OpenFile | null, from: number): TailSegment[] {
  if (file === null || file.size <= from) return [];
  const buffer = Buffer.alloc(file.size - from);
  const read = readSync(file.fd, buffer, 0, buffer.length, from);
  return [{ file: file.id, from, data: buffer.subarray(0, read) }];
}

/**
 * What the log gained since `cursor` (null: everything it holds). Files are read through open
 * descriptors, so a rotation during the read loses nothing: a renamed file is the same inode.
 */
export function readRingLogAfter(path: string, previousPath: string, cursor: TailCursor | null): TailRead {
  // The previous file first: a rotation between the two opens then shows as the same inode twice.
  let previous = openIfPresent(previousPath);
  let current = openIfPresent(path);
  try {
    if (previous && current && previous.id === current.id) {
      // Rotated between the two opens: what was `current` is now `previous`; take the new one.
      closeSync(current.fd);
      current = openIfPresent(path);
    }
    // After the last byte read. Mid-rotation there is a moment with no current file: then the previous one's end.
    const last = current ?? previous;
    const end = (): TailCursor => (last ? { file: last.id, offset: last.size } : { file: '0', offset: 0 });
    if (cursor === null || cursor.file === '0') {
      return { segments: [...readRange(previous, 0), ...readRange(current, 0)], cursor: end(), reset: false };
    }
    if (current && cursor.file === current.id) {
      return { segments: readRange(current, cursor.offset), cursor: end(), reset: false };
    }
    if (previous && cursor.file === previous.id) {
      return { segments: [...readRange(previous, cursor.offset), ...readRange(current, 0)], cursor: end(), reset: false };
    }
    return { segments: [...readRange(previous, 0), ...readRange(current, 0)], cursor: end(), reset: true };
  } finally {
    if (previous) closeSync(previous.fd);
    if (current) closeSync(current.fd);
  }
}

/** `<inode>.<btime>:<offset>`, the SSE id of a cursor. */
export function formatTailCursor(cursor: TailCursor): string {
  return `${cursor.file}:${cursor.offset}`;
}

export function parseTailCursor(text: string | undefined): TailCursor | null {
  const match = /^(0|\d{1,20}\.\d{1,30}):(\d{1,15})$/.exec(text ?? '');
  return match ? { file: match[1]!, offset: Number(match[2]) } : null;
}
