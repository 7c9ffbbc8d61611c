import { dirname } from 'node:path';
import { deleteLedger, type LedgerEntry, originalBytes, readLedger, writeLedger } from './install-ledger.js';
import { fileMode, mkdirTracked, readBytes, removeFile, sha256, writeAtomic } from './managed-file.js';

export interface ManagedWriteOptions {
  aoHome: string;
  /** Adapter id, recorded in the ledger. */
  owner: string;
  /**
   * Whether the bytes found before ao's first write may be put back verbatim on uninstall. Say no
   * when they already hold ao entries (from an older install without a record): restoring them
   * would bring those entries back.
   */
  originalRestorable?: (original: Buffer) => boolean;
  /** Recorded with the first write only: facts about the user's original. */
  meta?: Record<string, unknown>;
}

/**
 * Writes a file ao manages inside a user's directory, recording in the ledger what was there
 * before. Returns false (and writes nothing, not even the ledger) when the file already holds
 * exactly `content`: install twice = install once.
 */
export function writeManagedFile(path: string, content: string, options: ManagedWriteOptions): boolean {
  const current = readBytes(path);
  if (current !== undefined && current.equals(Buffer.from(content))) return false;
  let entry = readLedger(options.aoHome, path);
  // A record for a file that is gone is stale: the user deleted it, start afresh.
  if (entry && current === undefined) entry = undefined;
  if (!entry) {
    const createdDirs = mkdirTracked(dirname(path));
    entry = {
      version: 1,
      path,
      owner: options.owner,
      existedBefore: current !== undefined,
      restorable: current === undefined || (options.originalRestorable?.(current) ?? true),
      writtenSha256: '',
      createdDirs,
      ...(options.meta ? { meta: options.meta } : {}),
    };
    if (current !== undefined) {
      entry.original = current.toString('base64');
      const mode = fileMode(path);
      if (mode !== undefined) entry.originalMode = mode;
    }
  } else if (sha256(current ?? '') !== entry.writtenSha256) {
    // The user edited the file since ao wrote it; putting the original back later would lose that.
    entry.restorable = false;
  }
  // Record the intent before writing: a crash between the two leaves a record that still
  // describes the original, never a written file with no record.
  entry.writtenSha256 = sha256(content);
  writeLedger(options.aoHome, entry);
  writeAtomic(path, content);
  return true;
}

export type SemanticRemoval = { kind: 'keep' } | { kind: 'write'; content: string } | { kind: 'delete' };

export interface ManagedReleaseOptions {
  aoHome: string;
  /**
   * Removes only ao's part from a file the user changed since ao wrote it (or ao has no record
   * of). May throw (e.g. the file no longer parses): nothing is touched then. `entry` is ao's
   * record of the file, if any (`existedBefore` false: ao created it; `meta`: the adapter's notes).
   */
  semanticRemove: (current: Buffer, entry: LedgerEntry | undefined) => SemanticRemoval;
}

export interface ManagedReleaseResult {
  changed: boolean;
  action: 'restored' | 'deleted' | 'edited' | 'none';
  /** Directories ao created for the file; the caller removes them once it has removed the rest. */
  createdDirs: string[];
}

/**
 * Gives a file back to its user: the original bytes when the file is still exactly what ao wrote
 * (or no file, if there was none), else the user's current file with only ao's part removed.
 */
export function releaseManagedFile(path: string, options: ManagedReleaseOptions): ManagedReleaseResult {
  const entry: LedgerEntry | undefined = readLedger(options.aoHome, path);
  const createdDirs = entry?.createdDirs ?? [];
  const current = readBytes(path);
  if (current === undefined) {
    deleteLedger(options.aoHome, path);
    return { changed: false, action: 'none', createdDirs };
  }
  if (entry?.restorable && sha256(current) === entry.writtenSha256) {
    const original = originalBytes(entry);
    if (original !== undefined) writeAtomic(path, original, entry.originalMode);
    else removeFile(path);
    deleteLedger(options.aoHome, path);
    return { changed: true, action: original !== undefined ? 'restored' : 'deleted', createdDirs };
  }
  const removal = options.semanticRemove(current, entry);
  if (removal.kind === 'write') writeAtomic(path, removal.content);
  else if (removal.kind === 'delete') removeFile(path);
  deleteLedger(options.aoHome, path);
  const action = removal.kind === 'write' ? 'edited' : removal.kind === 'delete' ? 'deleted' : 'none';
  return { changed: removal.kind !== 'keep', action, createdDirs };
}
