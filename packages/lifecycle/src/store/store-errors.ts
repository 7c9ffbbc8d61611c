import { statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The store's own failures, each with a stable code and a sentence saying what to do. The CLI
 * prints any error carrying a string `code` as `{"error":{"code","message"}}`, so these reach the
 * user as they are; SQLite's and the OS's codes (SQLITE_CORRUPT, ENOSPC…) never do. See
 * docs/store.md.
 */
export const STORE_ERROR_CODES = [
  /** The file is not a database, is empty though a store existed, or SQLite found it corrupt. */
  'store_damaged',
  /** The file is gone though a store existed (its marker says so). */
  'store_missing',
  /** Written by a newer ao: its schema is unknown to this one. */
  'store_too_new',
  /** No space left on the disk holding the store. */
  'disk_full',
  /** Another process held the write lock longer than the busy timeout. */
  'store_busy',
] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/**
 * Records that a store was created in this directory. While it exists, a missing, empty or
 * unrecognisable `ao.db` is refused instead of silently replaced by a new, empty store (which
 * would then drop every pending signal as "no such session").
 */
export function storeMarkerPath(databasePath: string): string {
  return `${databasePath}-created`;
}

function where(databasePath: string) {
  const home = dirname(databasePath);
  return { home, spool: join(home, 'spool'), marker: storeMarkerPath(databasePath) };
}

export function storeDamaged(databasePath: string, detail: string, cause?: unknown): StoreError {
  const { home, spool, marker } = where(databasePath);
  return new StoreError(
    'store_damaged',
    `ao's store ${databasePath} is damaged (${detail}): ao can neither read nor record sessions until it is replaced. ` +
      `Stop any ao daemon, move ${databasePath} and any ${databasePath}-wal and ${databasePath}-shm next to it aside (e.g. into ${join(home, 'damaged')}), ` +
      `then put a backup of ao.db in its place, or remove ${marker} to let ao start an empty store. ` +
      `Hook signals wait in ${spool} meanwhile; none is lost.`,
    { cause },
  );
}

export function storeMissing(databasePath: string): StoreError {
  const { spool, marker } = where(databasePath);
  return new StoreError(
    'store_missing',
    `ao's store ${databasePath} is missing, though ${marker} records that ao created one there: ` +
      `restore ao.db from a backup, or remove ${marker} to let ao start an empty store (the sessions it held are then forgotten). ` +
      `Hook signals wait in ${spool} meanwhile; none is lost.`,
  );
}

export function diskFull(databasePath: string, cause?: unknown): StoreError {
  const { home, spool } = where(databasePath);
  return new StoreError(
    'disk_full',
    `the disk holding ${home} is full: ao could not write to its store ${databasePath}. ` +
      `Nothing already recorded is lost, and the hook signals captured so far stay in ${spool} and are applied once there is space; ` +
      `free some space on that disk and run the command again.`,
    { cause },
  );
}

const CORRUPT = /^SQLITE_(CORRUPT|NOTADB)/;

/**
 * The store failure behind `error`, if it is one: SQLite's corruption and full-disk codes, an
 * I/O error on a disk that has no space left, ENOSPC, the busy timeout. Undefined otherwise.
 */
export function storeErrorFrom(error: unknown, databasePath: string): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (CORRUPT.test(code)) return storeDamaged(databasePath, `SQLite says: ${message}`, error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return diskFull(databasePath, error);
  // SQLite reports some writes that fail for want of space as plain I/O errors.
  if (code.startsWith('SQLITE_IOERR') && diskHasNoSpace(dirname(databasePath))) return diskFull(databasePath, error);
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) {
    return new StoreError(
      'store_busy',
      `another ao process kept the store ${databasePath} locked for longer than ao waits (10 s): run the command again; if this keeps happening, look for a stuck ao process (ps) and stop it`,
      { cause: error },
    );
  }
  return undefined;
}

/** True when the filesystem holding `dir` has (almost) no block left for this user. */
function diskHasNoSpace(dir: string): boolean {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize < 64 * 1024;
  } catch {
    return false;
  }
}
