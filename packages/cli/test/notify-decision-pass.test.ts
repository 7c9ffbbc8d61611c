import { join } from 'node:path';
import { Store, createSession, type SessionRecord } from '@ao/lifecycle';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './ao-harness.js';
import { ensureNotifyCursor, runDecisionPass, type PassContext } from '../src/notify/decision-pass.js';
import { readNotifyCursor, NOTIFY_CURSOR_META } from '../src/notify/notification-store.js';
import type { Sink } from '../src/notify/sink.js';

/**
 * The decision pass against a real SQLite store: decisions and the cursor land in one transaction,
 * and a key decided once is never decided again (docs/notifications.md, "Exactly once").
 */

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

function openStore(): Store {
  const store = Store.open(join(tempDir('ao-notify-pass-'), 'ao.db'));
  stores.push(store);
  return store;
}

const sink = (id: Sink['id'], minPriority: Sink['minPriority']): Sink => ({ id, target: id, minPriority, send: async () => ({ ok: true }) });

function passContext(store: Store, overrides: Partial<PassContext> = {}): PassContext {
  return {
    store,
    settings: { turnDone: false },
    sinks: [sink('webhook:all', 'low'), sink('webhook:urgent', 'urgent'), sink('webhook:high', 'high')],
    apiUrl: 'http://127.0.0.1:1',
    display: (now) => ({ now }),
    now: Date.now,
    ...overrides,
  };
}

/** Puts a session into a permission dialog (request r<n>) the way ingestion records it: the transition and the session in one transaction. */
function openDialog(store: Store, session: SessionRecord, n: number): void {
  const at = Date.now();
  store.transaction(() => {
    store.appendEvent({ sessionId: session.id, type: 'transition', event: 'permission-request', from: 'active', to: 'blocked', at, launchId: null });
    store.saveSession({ ...store.getSession(session.id)!, activityState: 'blocked', requestsOpened: n, openRequest: { id: `${session.id}.r${n}`, kind: 'permission', tool: 'Bash', detail: 'ls', askedAt: at } });
  });
}

const rows = (store: Store, table: string) => store.db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as any[];

describe('the decision pass', () => {
  it('a first start places the cursor at the end of the log: nothing before it is notified', () => {
    const store = openStore();
    const session = createSession(store, { harness: 'demo', cwd: '/p', expectsStartupSignal: true, now: Date.now() });
    openDialog(store, session, 1);
    expect(ensureNotifyCursor(store)).toBe(store.maxEventSeq());
    expect(runDecisionPass(passContext(store)).added).toBe(0);
    expect(rows(store, 'notifications')).toEqual([]);
    // A second start keeps the cursor where it is.
    openDialog(store, session, 2);
    expect(ensureNotifyCursor(store)).toBe(store.maxEventSeq() - 1);
  });

  it('records each notification once with a pending delivery per sink loud enough, and moves the cursor with it', () => {
    const store = openStore();
    ensureNotifyCursor(store);
    const session = createSession(store, { harness: 'demo', cwd: '/p', expectsStartupSignal: true, now: Date.now() });
    openDialog(store, session, 1);
    expect(runDecisionPass(passContext(store)).added).toBe(1);
    expect(readNotifyCursor(store)).toBe(store.maxEventSeq());
    expect(rows(store, 'notifications')).toMatchObject([{ key: `needs-input:${session.id}.r1`, kind: 'needs-input', priority: 'urgent', session_id: session.id, request_id: `${session.id}.r1` }]);
    expect(rows(store, 'notification_deliveries').map((row) => [row.sink, row.status, row.attempts])).toEqual([
      ['webhook:all', 'pending', 0],
      ['webhook:high', 'pending', 0],
      ['webhook:urgent', 'pending', 0],
    ]);
    const payload = JSON.parse(rows(store, 'notifications')[0].payload);
    expect(payload).toMatchObject({ link: `http://127.0.0.1:1/#/sessions/${session.id}`, session: { id: session.id, status: 'needs_input' } });

    // The same entries read again (as after a crash between the send and anything else): nothing new.
    store.setMeta(NOTIFY_CURSOR_META, '0');
    expect(runDecisionPass(passContext(store)).added).toBe(0);
    expect(rows(store, 'notifications')).toHaveLength(1);
    expect(rows(store, 'notification_deliveries')).toHaveLength(3);
  });

  it('a pass that fails half-way leaves neither decisions nor a moved cursor: the next one decides the same, once', () => {
    const store = openStore();
    ensureNotifyCursor(store);
    const before = readNotifyCursor(store);
    const one = createSession(store, { harness: 'demo', cwd: '/p', expectsStartupSignal: true, now: Date.now() });
    const two = createSession(store, { harness: 'demo', cwd: '/p', expectsStartupSignal: true, now: Date.now() });
    openDialog(store, one, 1);
    openDialog(store, two, 1);
    let views = 0;
    const failing = passContext(store, {
      display: (now) => {
        if (++views === 1) throw new Error('the machine died here');
        return { now };
      },
    });
    expect(() => runDecisionPass(failing)).toThrow('the machine died here');
    expect(readNotifyCursor(store)).toBe(before);
    expect(rows(store, 'notifications')).toEqual([]);
    expect(runDecisionPass(failing).added).toBe(2);
    expect(rows(store, 'notifications').map((row) => row.key).sort()).toEqual([`needs-input:${one.id}.r1`, `needs-input:${two.id}.r1`].sort());
  });

  it('works through a backlog larger than one batch', () => {
    const store = openStore();
    ensureNotifyCursor(store);
    const session = createSession(store, { harness: 'demo', cwd: '/p', expectsStartupSignal: true, now: Date.now() });
    store.transaction(() => {
      for (let i = 0; i < 1200; i++) store.appendEvent({ sessionId: session.id, type: 'signal', event: 'pre-tool-use', at: Date.now(), launchId: null });
    });
    openDialog(store, session, 1);
    // One batch at a time, as the daemon runs it: the cursor moves by a batch and says more is left.
    expect(runDecisionPass(passContext(store), 1)).toEqual({ added: 0, more: true });
    expect(readNotifyCursor(store)).toBe(500); // from 0: the first 500 entries
    expect(runDecisionPass(passContext(store))).toEqual({ added: 1, more: false });
    expect(readNotifyCursor(store)).toBe(store.maxEventSeq());
  });
});
