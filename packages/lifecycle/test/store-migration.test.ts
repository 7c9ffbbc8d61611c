import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/store/migrations.js';
import { Store } from '../src/store/store.js';
import { sessionView } from '../src/session-view.js';

/** A store as an ao of schema version 2 left it, with sessions in every situation that matters. */
function versionTwoStore(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ao-migration-')), 'ao.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  for (const step of MIGRATIONS.slice(0, 2)) db.exec(step);
  db.pragma('user_version = 2');
  const insert = db.prepare(
    `INSERT INTO sessions (id, harness, name, cwd, activity_state, terminated, blocked_tool, facts, created_at, last_signal_at, last_transition_at, updated_at)
     VALUES (@id, 'claude-code', @id, '/p', @state, @terminated, @blocked, @facts, 1000, 5000, @transition, 6000)`,
  );
  const row = { terminated: 0, blocked: null, facts: '{}', transition: 4000 };
  insert.run({ ...row, id: 'blocked1', state: 'blocked', blocked: '{"id":"toolu_1","name":"Bash"}', facts: '{"lastNotification":"Claude needs your permission to use Bash"}' });
  insert.run({ ...row, id: 'question1', state: 'waiting_input', facts: '{"lastNotification":"Which branch?"}' });
  insert.run({ ...row, id: 'idle1', state: 'idle', facts: '{"lastNotification":"old"}' });
  insert.run({ ...row, id: 'dead1', state: 'blocked', terminated: 1, blocked: '{"name":"Bash"}' });
  insert.run({ ...row, id: 'garbled1', state: 'blocked', blocked: '{not json', facts: 'nor this', transition: null });
  db.prepare("INSERT INTO idempotency_keys (key, response, created_at) VALUES ('k', '{}', 1)").run();
  db.close();
  return path;
}

describe('migration step 3', () => {
  it('gives a session blocked or waiting across the upgrade its open request, so it can still be answered', () => {
    const store = Store.open(versionTwoStore());
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const session = (id: string) => store.getSession(id)!;
      expect(session('blocked1')).toMatchObject({
        requestsOpened: 1,
        openRequest: { id: 'blocked1.r1', kind: 'permission', tool: 'Bash', detail: 'Claude needs your permission to use Bash', askedAt: 4000 },
        lastExternalEvent: null,
      });
      expect(session('question1')).toMatchObject({ requestsOpened: 1, openRequest: { id: 'question1.r1', kind: 'question', tool: null, detail: 'Which branch?', askedAt: 4000 } });
      expect(session('idle1')).toMatchObject({ requestsOpened: 0, openRequest: null });
      expect(session('dead1')).toMatchObject({ requestsOpened: 0, openRequest: null });
      // Malformed JSON columns cost the tool and the detail, not the upgrade; no transition time: the last signal's.
      expect(session('garbled1').openRequest).toEqual({ id: 'garbled1.r1', kind: 'permission', tool: null, detail: null, askedAt: 5000 });
      expect(sessionView(session('blocked1'), { now: 10_000 }).openRequest).toEqual({
        id: 'blocked1.r1',
        kind: 'permission',
        tool: 'Bash',
        detail: 'Claude needs your permission to use Bash',
        askedAt: new Date(4000).toISOString(),
      });
      // The unused keys table is replaced by the one the idempotency keys need.
      const columns = (store.db.prepare('PRAGMA table_info(idempotency_keys)').all() as { name: string }[]).map((column) => column.name);
      expect(columns).toEqual(['scope', 'key', 'fingerprint', 'status', 'response', 'created_at', 'completed_at']);
      expect(store.db.prepare('SELECT count(*) FROM idempotency_keys').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });

  it('a new store has every step, and a damaged open_request column reads as none', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ao-migration-')), 'ao.db');
    const store = Store.open(path);
    try {
      store.db
        .prepare("INSERT INTO sessions (id, harness, name, cwd, activity_state, open_request, created_at, updated_at) VALUES ('s', 'demo', 's', '/p', 'blocked', ?, 1, 1)")
        .run('{"id":"s.r1","kind":"permission","askedAt":1e300}');
      expect(store.getSession('s')!.openRequest).toBeNull();
      store.db.prepare("UPDATE sessions SET open_request = '[oops' WHERE id = 's'").run();
      expect(store.getSession('s')!.openRequest).toBeNull();
    } finally {
      store.close();
    }
  });
});
