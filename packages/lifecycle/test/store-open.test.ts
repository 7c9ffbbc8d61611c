import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { storeMarkerPath, type StoreError } from '../src/store/store-errors.js';
import { aoPaths } from '../src/ao-paths.js';
import { testDeriver } from './test-deriver.js';

/** Opening the store: a store that existed is never silently replaced by an empty one. */
let home: string;
let database: string;
let spool: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-store-open-'));
  database = aoPaths(home).database;
  spool = aoPaths(home).spool;
});

function openError(): StoreError {
  try {
    Store.open(database).close();
  } catch (error) {
    return error as StoreError;
  }
  throw new Error('the store opened');
}

/** A store with one session and a pending signal for it, closed (so its WAL is checkpointed away). */
function storeWithPendingSignal(): string {
  const store = Store.open(database);
  const id = createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
  store.close();
  writeSpoolRecord(spool, { harness: testDeriver.id, event: 'user-prompt-submit', sessionId: id, launchId: null, capturedAt: '1763000000000000000' }, '{}');
  return id;
}

const spoolRecords = () => readdirSync(spool).filter((name) => name.endsWith('.sig'));

describe('opening the store', () => {
  it('marks a new store once it is created, and an existing unmarked one the first time it opens', () => {
    Store.open(database).close();
    expect(existsSync(storeMarkerPath(database))).toBe(true);
    rmSync(storeMarkerPath(database));
    Store.open(database).close();
    expect(existsSync(storeMarkerPath(database))).toBe(true);
  });

  it('refuses a zero-length ao.db where a store was, and keeps the pending signals', () => {
    storeWithPendingSignal();
    truncateSync(database, 0);
    const error = openError();
    expect(error.code).toBe('store_damaged');
    expect(error.message).toContain(`ao's store ${database} is damaged (the file is empty)`);
    expect(error.message).toContain(`remove ${storeMarkerPath(database)} to let ao start an empty store`);
    expect(spoolRecords()).toHaveLength(1);
    // Still empty: nothing was written into it.
    expect(readdirSync(home).filter((name) => name.startsWith('ao.db'))).toEqual(['ao.db', 'ao.db-created']);
  });

  it('refuses a missing ao.db where a store was, saying how to recover', () => {
    storeWithPendingSignal();
    rmSync(database);
    const error = openError();
    expect(error.code).toBe('store_missing');
    expect(error.message).toContain(`ao's store ${database} is missing, though ${storeMarkerPath(database)} records that ao created one there`);
    expect(existsSync(database)).toBe(false);
    expect(spoolRecords()).toHaveLength(1);
  });

  it('starts an empty store again once the user removes the marker', () => {
    storeWithPendingSignal();
    rmSync(database);
    rmSync(storeMarkerPath(database));
    const store = Store.open(database);
    expect(store.listSessions({ all: true })).toEqual([]);
    store.close();
  });

  it('refuses a file that is not a database', () => {
    writeFileSync(database, 'this is not SQLite, but some text a user saved here by mistake\n'.repeat(100));
    const error = openError();
    expect(error.code).toBe('store_damaged');
    expect(error.message).toMatch(/is damaged \(SQLite says: file is not a database\)/);
  });

  it('turns SQLite corruption found by a query into store_damaged', () => {
    storeWithPendingSignal();
    const fd = openSync(database, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 8192);
    closeSync(fd);
    let error: StoreError | undefined;
    try {
      const store = Store.open(database);
      try {
        ingestSpool({ store, spoolDir: spool, findDeriver: () => testDeriver });
        store.listSessions({ all: true });
      } finally {
        store.close();
      }
    } catch (caught) {
      error = caught as StoreError;
    }
    expect(error?.code).toBe('store_damaged');
    expect(spoolRecords()).toHaveLength(1);
  });
});

describe('other store failures have codes of their own', () => {
  it('a store written by a newer ao: store_too_new', () => {
    const store = Store.open(database);
    store.db.pragma('user_version = 99');
    store.close();
    expect(openError()).toMatchObject({ code: 'store_too_new', message: expect.stringContaining('upgrade ao') });
  });

  it('the write lock held by another process past the busy timeout: store_busy', () => {
    const holder = Store.open(database);
    const waiter = Store.open(database);
    waiter.db.pragma('busy_timeout = 50');
    holder.db.exec('BEGIN IMMEDIATE');
    try {
      expect(() => waiter.transaction(() => waiter.setMeta('k', 'v'))).toThrow(expect.objectContaining({ code: 'store_busy', message: expect.stringContaining('run the command again') }));
    } finally {
      holder.db.exec('ROLLBACK');
      holder.close();
      waiter.close();
    }
  });
});

describe('a full disk', () => {
  it('fails ingestion with disk_full, keeps every signal in the spool, and applies them once there is space', () => {
    const id = storeWithPendingSignal();
    writeSpoolRecord(spool, { harness: testDeriver.id, event: 'stop', sessionId: id, launchId: null, capturedAt: '1763000000000000001' }, '{}');
    const store = Store.open(database);
    // SQLite's own way to make a store full: it may not grow past the pages it has. Fill those.
    store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
    for (let filled = false; !filled; ) {
      try {
        store.appendEvent({ sessionId: 'filler', type: 'signal', event: 'filler', at: 0 });
      } catch (caught) {
        if ((caught as { code?: string }).code !== 'SQLITE_FULL') throw caught;
        filled = true;
      }
    }
    let error: StoreError | undefined;
    try {
      ingestSpool({ store, spoolDir: spool, findDeriver: () => testDeriver });
    } catch (caught) {
      error = caught as StoreError;
    }
    expect(error?.code).toBe('disk_full');
    expect(error?.message).toContain(`the disk holding ${home} is full`);
    expect(error?.message).toContain(`the hook signals captured so far stay in ${spool} and are applied once there is space`);
    expect(spoolRecords()).toHaveLength(2);
    expect(store.getSession(id)?.activityState).toBeNull();

    store.db.pragma('max_page_count = 1073741823');
    expect(ingestSpool({ store, spoolDir: spool, findDeriver: () => testDeriver })).toMatchObject({ applied: 2 });
    expect(store.getSession(id)?.activityState).toBe('idle');
    store.close();
  });
});
