import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/store/migrations.js';
import { Store } from '../src/store/store.js';

describe('migration step 4 (notifications)', () => {
  it('upgrades a version 3 store in place: its sessions and log stay, the notification tables arrive empty, deliveries go with their notification', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ao-migration-')), 'ao.db');
    const db = new Database(path);
    for (const step of MIGRATIONS.slice(0, 3)) db.exec(step);
    db.pragma('user_version = 3');
    db.prepare("INSERT INTO sessions (id, harness, name, cwd, created_at, updated_at) VALUES ('s1', 'demo', 'demo-1', '/p', 1, 1)").run();
    db.prepare("INSERT INTO events (session_id, type, event, at) VALUES ('s1', 'lifecycle', 'spawned', 1)").run();
    db.close();

    const store = Store.open(path);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(store.getSession('s1')?.name).toBe('demo-1');
      expect(store.maxEventSeq()).toBe(1);
      expect(store.db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(0);
      store.db.prepare("INSERT INTO notifications (key, kind, priority, created_at, payload) VALUES ('k', 'test', 'low', 1, '{}')").run();
      store.db.prepare("INSERT INTO notification_deliveries (key, sink, status, next_attempt_at) VALUES ('k', 'desktop', 'pending', 1)").run();
      expect(() => store.db.prepare("INSERT INTO notification_deliveries (key, sink, status, next_attempt_at) VALUES ('k', 'desktop', 'pending', 1)").run()).toThrow(/UNIQUE/);
      store.db.prepare("DELETE FROM notifications WHERE key = 'k'").run();
      expect(store.db.prepare('SELECT count(*) FROM notification_deliveries').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
