import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';

/**
 * `$AO_HOME/config.json`: one JSON object, each top-level key owned by one part of ao (the
 * notifications own `notifications`). Updates change one key and keep every other as it was,
 * under a lock file so two writers do not lose each other's change, and land whole (written
 * aside, then renamed), mode 0600.
 */
export function configFilePath(home: string): string {
  return join(home, 'config.json');
}

/** The decoded document; {} when there is no file. Not a JSON object: `malformed_file`. */
export function readConfigDocument(home: string): Record<string, unknown> {
  const path = configFilePath(home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    throw malformed(path, 'it is not JSON');
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw malformed(path, 'it is not a JSON object');
  return decoded as Record<string, unknown>;
}

/** Reads the document, replaces the value of `key` with what `update` returns, writes it back. */
export function updateConfigKey<T>(home: string, key: string, update: (current: unknown) => T): T {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return withConfigLock(home, () => {
    const document = readConfigDocument(home);
    const value = update(document[key]);
    writeWhole(configFilePath(home), `${JSON.stringify({ ...document, [key]: value }, null, 2)}\n`);
    return value;
  });
}

function malformed(path: string, why: string): CliError {
  return new CliError('malformed_file', `${path} cannot be read: ${why}. Fix it or move it aside; ao writes a new one with defaults`);
}

function writeWhole(path: string, text: string): void {
  const aside = `${path}.tmp-${process.pid}`;
  const fd = openSync(aside, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(aside, path);
}

const LOCK_WAIT_MS = 3000;
/** A lock older than this was left by a writer that died (a write takes milliseconds). */
const LOCK_STALE_MS = 10_000;

function withConfigLock<T>(home: string, work: () => T): T {
  const lock = `${configFilePath(home)}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new CliError('config_busy', `${lock} is held by another ao process; try again, or remove it if no ao is writing the config`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20); // a short synchronous wait: config writes are rare and quick
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false; // gone meanwhile: the next attempt takes it
  }
}
