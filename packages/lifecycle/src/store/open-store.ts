import { existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 finds its addon through the `bindings` package, which walks a stack trace and
 * probes a dozen paths on every start; naming the built addon directly saves every command that.
 */
function builtAddon(): string | undefined {
  try {
    const path = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
import { MIGRATIONS } from './migrations.js';
import { StoreError, storeDamaged, storeErrorFrom, storeMarkerPath, storeMissing } from './store-errors.js';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the SQLite store: WAL so readers never block the writer, a busy
 * timeout so concurrent ao processes queue instead of failing, then pending migrations.
 *
 * A store is created only where none ever was: once one has been created and migrated, a marker
 * next to it says so, and a missing, empty or unrecognisable file is refused with a StoreError
 * saying how to recover, never replaced by an empty store (see docs/store.md). Every failure
 * SQLite reports while opening comes out as a StoreError when it is one (damaged, disk full).
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  const marker = storeMarkerPath(path);
  const shouldExist = existsSync(marker);
  if (shouldExist) refuseMissingOrEmpty(path);
  let db: Db | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const nativeBinding = builtAddon();
    db = new Database(path, { fileMustExist: shouldExist, ...(nativeBinding && { nativeBinding }) });
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode keeps every commit across a killed process; only power loss can drop the tail.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    if (shouldExist && db.pragma('user_version', { simple: true }) === 0) throw storeDamaged(path, 'it holds no ao tables');
    if (!options.readonly) migrate(db);
    if (!shouldExist && (db.pragma('user_version', { simple: true }) as number) > 0) markStoreCreated(marker);
    return db;
  } catch (error) {
    db?.close();
    throw storeErrorFrom(error, path) ?? error;
  }
}

function refuseMissingOrEmpty(path: string): void {
  let size: number;
  try {
    size = lstatSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw storeMissing(path);
    throw error;
  }
  // SQLite writes its header when the store is created (WAL mode is recorded there): an empty
  // file is what is left of a store, not a store being born.
  if (size === 0) throw storeDamaged(path, 'the file is empty');
}

/** Written once; also for stores created before markers existed, the first time they open. */
function markStoreCreated(marker: string): void {
  try {
    writeFileSync(
      marker,
      `${JSON.stringify({ createdAt: new Date().toISOString(), note: 'ao created its store ao.db here. While this file exists, ao refuses to replace a missing, empty or damaged ao.db with an empty store; remove it to start afresh.' })}\n`,
      { flag: 'wx', mode: 0o600 },
    );
  } catch {
    // Already there (another process wrote it), or not writable: the store opens all the same.
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError('store_too_new', `the store at ${db.name} has schema version ${current}, newer than this ao (${MIGRATIONS.length}); upgrade ao`);
  }
  if (current === MIGRATIONS.length) return;
  const apply = db.transaction(() => {
    // Re-read inside the write transaction: another process may have migrated meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let step = version; step < MIGRATIONS.length; step++) {
      db.exec(MIGRATIONS[step] as string);
      db.pragma(`user_version = ${step + 1}`);
    }
  });
  apply.immediate();
}
