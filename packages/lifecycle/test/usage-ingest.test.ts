import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { field, type SessionUsage } from '@ao/activity-dispatch';
import type { UsageSource } from '@ao/registry';
import { Store } from '../src/store/store.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { aoPaths } from '../src/ao-paths.js';
import { sessionView } from '../src/session-view.js';
import type { UsageReader } from '../src/usage-refresh.js';
import { testDeriver } from './test-deriver.js';

let home: string;
let store: Store;
const findDeriver = (harness: string) => (harness === testDeriver.id ? testDeriver : undefined);

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-usage-'));
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

let ns = 1_763_000_000_000_000_000n;
function capture(sessionId: string, event: string, payload: unknown): void {
  ns += 1_000_000n;
  writeSpoolRecord(aoPaths(home).spool, { harness: testDeriver.id, event, sessionId, launchId: null, capturedAt: ns.toString() }, JSON.stringify(payload));
}

const newSession = () => createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;

/** A harness that reports its totals in the payload (as OpenCode's plugin does), and counts its reads in the checkpoint. */
const sources: UsageSource[] = [];
const payloadReader: UsageReader = (source) => {
  sources.push(source);
  const usage = field(source.payload, 'usage') as SessionUsage | undefined;
  if (usage === undefined) return null;
  const reads = typeof source.checkpoint?.reads === 'number' ? source.checkpoint.reads : 0;
  return { ...usage, checkpoint: { reads: reads + 1 } };
};
const ingest = (reader: UsageReader | undefined = payloadReader) =>
  ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver, findUsageReader: () => reader, logger: { info: () => {}, warn: () => {} } });

const usage = (inputTokens: number): SessionUsage => ({ model: 'm1', inputTokens, outputTokens: 2, cacheReadTokens: 3 });

describe('usage at ingestion', () => {
  beforeEach(() => {
    sources.length = 0;
  });

  it('is read when a turn ends, not on the signals inside it, and shows on the session object', () => {
    const id = newSession();
    capture(id, 'user-prompt-submit', { usage: usage(1) });
    capture(id, 'pre-tool-use', { tool_name: 'Bash', usage: usage(2) });
    ingest();
    expect(sources).toEqual([]);
    expect(sessionView(store.getSession(id)!, { now: Date.now() }).usage).toBeNull();

    capture(id, 'stop', { usage: { ...usage(10), costUsd: 0.25, contextPercent: 12.5 } });
    ingest();
    expect(sources).toHaveLength(1);
    expect(sessionView(store.getSession(id)!, { now: Date.now() }).usage).toEqual({ ...usage(10), costUsd: 0.25, contextPercent: 12.5 });
  });

  it('hands the reader its previous checkpoint, and keeps usage and checkpoint across a reopened store', () => {
    const id = newSession();
    capture(id, 'stop', { usage: usage(1) });
    ingest();
    capture(id, 'user-prompt-submit', {});
    capture(id, 'stop', { usage: usage(5) });
    store.close();
    store = Store.open(aoPaths(home).database);
    ingest();
    expect(sources.map((source) => source.checkpoint)).toEqual([null, { reads: 1 }]);
    expect(store.getSession(id)).toMatchObject({ usage: usage(5), usageCheckpoint: { reads: 2 } });
  });

  it('keeps what it knew when the reader cannot tell, fails, or answers something that is not a usage', () => {
    const id = newSession();
    capture(id, 'stop', { usage: usage(7) });
    ingest();
    capture(id, 'user-prompt-submit', {});
    capture(id, 'stop', {});
    ingest();
    expect(store.getSession(id)?.usage).toEqual(usage(7));

    capture(id, 'user-prompt-submit', {});
    capture(id, 'stop', {});
    const stats = ingest(() => {
      throw new Error('boom');
    });
    expect(stats).toMatchObject({ applied: 2, dropped: 0 });
    expect(store.getSession(id)).toMatchObject({ usage: usage(7), activityState: 'idle' });

    capture(id, 'user-prompt-submit', {});
    capture(id, 'stop', { usage: { model: 3, inputTokens: -1 } });
    ingest();
    expect(store.getSession(id)?.usage).toEqual(usage(7));
  });

  it('is not touched by saving the session (the reducer and the reaper write sessions too)', () => {
    const id = newSession();
    capture(id, 'stop', { usage: usage(9) });
    ingest();
    const stale = { ...store.getSession(id)!, usage: null, usageCheckpoint: null, name: 'renamed' };
    store.saveSession(stale);
    expect(store.getSession(id)).toMatchObject({ name: 'renamed', usage: usage(9), usageCheckpoint: { reads: 1 } });
  });
});

describe('migration step 5', () => {
  it('opens a store of the previous schema with its sessions intact and no usage yet', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ao-migration-')), 'ao.db');
    const db = new Database(path);
    for (const step of MIGRATIONS.slice(0, 4)) db.exec(step);
    db.pragma('user_version = 4');
    db.prepare(
      "INSERT INTO sessions (id, harness, name, cwd, activity_state, facts, created_at, updated_at) VALUES ('old1', 'claude-code', 'old', '/p', 'idle', '{\"model\":\"x\"}', 1000, 2000)",
    ).run();
    db.close();
    const upgraded = Store.open(path);
    try {
      expect(upgraded.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(upgraded.getSession('old1')).toMatchObject({ activityState: 'idle', facts: { model: 'x' }, usage: null, usageCheckpoint: null });
    } finally {
      upgraded.close();
    }
  });

  it('reads a damaged usage column as none rather than failing the session', () => {
    const id = newSession();
    store.db.prepare("UPDATE sessions SET usage = '{not json', usage_checkpoint = '[1]' WHERE id = ?").run(id);
    expect(store.getSession(id)).toMatchObject({ usage: null, usageCheckpoint: null });
    store.db.prepare('UPDATE sessions SET usage = ? WHERE id = ?').run(JSON.stringify({ model: null, inputTokens: 1.5, outputTokens: 0, cacheReadTokens: 0 }), id);
    expect(store.getSession(id)?.usage).toBeNull();
  });
});
