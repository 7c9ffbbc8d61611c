import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isRegularFile, OPEN_WITHOUT_BLOCKING } from './regular-file.js';

/**
 * Folding a harness's JSONL transcript into a running value, reading each byte once over the
 * session's life: the fold state and the offset it reached are kept (as a usage checkpoint,
 * docs/store.md "Usage") and the next read starts there, so a turn end costs what the turn wrote,
 * not what the whole transcript holds. The file is opened as every transcript is
 * (regular-file.ts: lstat, no blocking open, fstat), and one read takes at most `maxBytes`; what
 * is left is read on the next time.
 */
export interface JsonlFoldCheckpoint<S> {
  /** The file the offset belongs to (device and inode): another file, or a shorter one, is read from the start. */
  file: string;
  /** Bytes already folded: always the end of a complete line. */
  offset: number;
  state: S;
}

export interface JsonlFoldOptions<S> {
  path: string;
  previous: JsonlFoldCheckpoint<S> | null;
  initial: () => S;
  /** Folds one parsed line (any JSON value) into the state. */
  fold: (state: S, record: unknown) => S;
  /** Only lines containing one of these texts are parsed (the rest cannot matter): JSON.parse is the cost. */
  mustContain?: readonly string[];
  maxBytes?: number;
}

/** 16 MiB a read: a first read of an adopted session's long transcript is spread over turns. */
export const JSONL_FOLD_MAX_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** The checkpoint after reading on from `previous`; null when the path is not a readable regular file. */
export function foldJsonl<S>(options: JsonlFoldOptions<S>): JsonlFoldCheckpoint<S> | null {
  const { path, fold, mustContain } = options;
  const maxBytes = options.maxBytes ?? JSONL_FOLD_MAX_BYTES;
  if (!isRegularFile(path)) return null;
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_WITHOUT_BLOCKING);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const file = `${stat.dev}:${stat.ino}`;
    const previous = options.previous;
    const resume = previous !== null && previous.file === file && previous.offset <= stat.size;
    let state = resume ? previous.state : options.initial();
    let offset = resume ? previous.offset : 0;
    const end = Math.min(stat.size, offset + maxBytes);
    let carry: Buffer = Buffer.alloc(0);
    let position = offset;
    while (position < end) {
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, end - position));
      const n = readSync(fd, chunk, 0, chunk.length, position);
      if (n === 0) break;
      position += n;
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let newline = bytes.indexOf(10, start); newline !== -1; newline = bytes.indexOf(10, start)) {
        state = foldLine(state, bytes.toString('utf8', start, newline), fold, mustContain);
        start = newline + 1;
      }
      offset += start;
      carry = Buffer.from(bytes.subarray(start));
      // A single line longer than a whole read cannot be parsed within the bound: skip past it.
      if (carry.length >= maxBytes) {
        offset += carry.length;
        carry = Buffer.alloc(0);
      }
    }
    // A last line without its newline may still be being written: it is read next time, whole.
    return { file, offset, state };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function foldLine<S>(state: S, line: string, fold: (state: S, record: unknown) => S, mustContain: readonly string[] | undefined): S {
  if (mustContain !== undefined && !mustContain.some((text) => line.includes(text))) return state;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return state; // a damaged line is no usage
  }
  return fold(state, record);
}

/** A checkpoint handed back by ao as stored (JSON): its own shape, else none. */
export function asJsonlFoldCheckpoint<S>(value: unknown, isState: (state: unknown) => state is S): JsonlFoldCheckpoint<S> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { file, offset, state } = value as Record<string, unknown>;
  if (typeof file !== 'string' || typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return null;
  return isState(state) ? { file, offset, state } : null;
}
