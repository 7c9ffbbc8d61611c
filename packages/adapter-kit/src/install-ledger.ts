import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeFile, sha256, writeAtomic } from './managed-file.js';

/**
 * What ao remembers about one file it wrote into a user's directory, so that uninstall can give the
 * user back exactly what they had. Kept under `$AO_HOME/installs/`, one record per file.
 */
export interface LedgerEntry {
  version: 1;
  /** Absolute path of the file. */
  path: string;
  /** The adapter that wrote it. */
  owner: string;
  existedBefore: boolean;
  /** Base64 of the bytes before ao's first write (only when existedBefore). */
  original?: string;
  originalMode?: number;
  /**
   * Whether uninstall may put the original bytes back when the file is still exactly what ao
   * wrote. False when the original already held ao entries, or ao rewrote the file after the user
   * edited it (restoring then would lose their edit): uninstall then removes ao's entries only.
   */
  restorable: boolean;
  /** sha256 of the bytes ao last wrote. */
  writtenSha256: string;
  /** Directories ao created for this file, deepest first. */
  createdDirs: string[];
  /** Adapter-specific facts about the original (e.g. whether ao introduced a key). */
  meta?: Record<string, unknown>;
}

export function ledgerPath(aoHome: string, file: string): string {
  return join(aoHome, 'installs', `${sha256(resolve(file)).slice(0, 40)}.json`);
}

/** The record for a file, or undefined when there is none (or it is unreadable: treated as none). */
export function readLedger(aoHome: string, file: string): LedgerEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(ledgerPath(aoHome, file), 'utf8')) as LedgerEntry;
    if (entry?.version !== 1 || entry.path !== resolve(file) || typeof entry.writtenSha256 !== 'string') return undefined;
    if (!Array.isArray(entry.createdDirs)) entry.createdDirs = [];
    return entry;
  } catch {
    return undefined;
  }
}

export function writeLedger(aoHome: string, entry: LedgerEntry): void {
  mkdirSync(join(aoHome, 'installs'), { recursive: true, mode: 0o700 });
  // 0600: the record holds a copy of the user's original file.
  writeAtomic(ledgerPath(aoHome, entry.path), `${JSON.stringify(entry, null, 2)}\n`, 0o600);
}

export function deleteLedger(aoHome: string, file: string): void {
  removeFile(ledgerPath(aoHome, file));
}

export function originalBytes(entry: LedgerEntry): Buffer | undefined {
  return entry.existedBefore && typeof entry.original === 'string' ? Buffer.from(entry.original, 'base64') : undefined;
}
