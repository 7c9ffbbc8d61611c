import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSpoolHeader, spoolFileName, type SpoolHeaderFields } from './spool-format.js';

/**
 * Makes one signal durable in the spool: written under a dot-prefixed temp name and renamed, so a
 * reader sees a whole record or none, whenever the writer is killed. No fsync: the guarantee is
 * against a killed process (the page cache survives it), and the sh path, which must match this
 * one, has no cheap fsync.
 */
export function writeSpoolRecord(spoolDir: string, header: SpoolHeaderFields, payload: Buffer | string): string {
  const name = spoolFileName(header.capturedAt, process.pid);
  const tempPath = join(spoolDir, `.tmp-${name}`);
  let fd: number;
  try {
    fd = openSync(tempPath, 'w', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
    fd = openSync(tempPath, 'w', 0o600);
  }
  try {
    writeSync(fd, `${encodeSpoolHeader(header)}\n`);
    writeSync(fd, typeof payload === "string" ? Buffer.from(payload) : payload);
  } finally {
    closeSync(fd);
  }
  renameSync(tempPath, join(spoolDir, name));
  return name;
}
