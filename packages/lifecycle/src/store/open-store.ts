import { existsSync, mkdirSync } from 'node:fs';
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

export type Db = Database.Database;

export class StoreError extends Error {
  readonly code = 'store_error';
}

/**
 * Opens (creating if needed) the SQLite store: WAL so readers never block the writer, a busy
 * timeout so concurrent ao processes queue instead of failing, then pending migrations.
 */
export function openDatabase(path: string, options: { readonly?: boolean } = {}): Db {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const nativeBinding = builtAddon();
  const db = new Database(path, { fileMustExist: false, ...(nativeBinding && { nativeBinding }) });
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps every commit across a killed process; only power loss can drop the tail.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  if (!options.readonly) migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new StoreError(`the store at ${db.name} has schema version ${current}, newer than this ao (${MIGRATIONS.length}); upgrade ao`);
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
