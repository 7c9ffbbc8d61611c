import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool, type IngestOptions } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { SPOOL_RECORD_CAP_BYTES } from '../src/spool/spool-limits.js';
import { aoPaths } from '../src/ao-paths.js';
import { testDeriver } from './test-deriver.js';

/**
 * What ingestion does with spool entries it cannot apply: entries that are not records are set
 * aside (spool/rejected), records of unknown sessions are kept (spool/unclaimed); neither stops
 * the records after them. (FIFOs and unreadable records are tested through the real `ao` in
 * packages/cli/test/spool-bad-entries.test.ts: a FIFO would block this very test process.)
 */
let home: string;
let spool: string;
let store: Store;
const findDeriver = (harness: string) => (harness === testDeriver.id ? testDeriver : undefined);

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-spool-entries-'));
  spool = aoPaths(home).spool;
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

let ns = 1_763_000_000_000_000_000n;
function nextName(): string {
  ns += 1_000_000n;
  return `${ns}-1.sig`;
}
function capture(sessionId: string, event: string, payload: string): string {
  ns += 1_000_000n;
  return writeSpoolRecord(spool, { harness: testDeriver.id, event, sessionId, launchId: null, capturedAt: ns.toString() }, payload);
}
function newSession(): string {
  return createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
}
function ingest(extra: Partial<IngestOptions> = {}) {
  const warnings: { data: object; message: string }[] = [];
  const stats = ingestSpool({ store, spoolDir: spool, findDeriver, logger: { info() {}, warn: (data, message) => warnings.push({ data, message }) }, ...extra });
  return { stats, warnings };
}
const eventsOf = (id: string) => store.listEvents({ sessionId: id }).filter((event) => event.type !== 'lifecycle').map((event) => `${event.type}:${event.event}`);
const records = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.sig')) : []);

describe('spool entries that are not records', () => {
  const kinds: [string, (path: string) => void][] = [
    ['a directory', (path) => mkdirSync(path)],
    ['a symlink to a valid record', (path) => symlinkSync(join(spool, records(spool)[0]!), path)],
    ['a file bigger than any record', (path) => writeFileSync(path, Buffer.alloc(SPOOL_RECORD_CAP_BYTES + 1, 0x7b))],
  ];

  it.each(kinds)('%s is set aside in spool/rejected; the records around it apply in order', (_kind, make) => {
    const id = newSession();
    capture(id, 'user-prompt-submit', '{}');
    const bad = nextName();
    make(join(spool, bad));
    capture(id, 'permission-request', '{"tool_name":"Bash"}');
    capture(id, 'stop', '{}');

    const { stats, warnings } = ingest();
    expect(stats).toMatchObject({ consumed: 3, applied: 3, rejected: 1 });
    expect(eventsOf(id)).toEqual(['transition:user-prompt-submit', 'transition:permission-request', 'transition:stop']);
    expect(records(spool)).toEqual([]);
    expect(lstatSync(join(spool, 'rejected', bad))).toBeTruthy();
    expect(warnings).toContainEqual({ data: expect.objectContaining({ spoolId: bad }), message: expect.stringMatching(/^spool entry set aside in spool\/rejected: it is/) });
    // Set aside once: the next ingestion has nothing to say about it.
    expect(ingest().stats.rejected).toBe(0);
  });

  it('an entry that cannot be moved aside is skipped on every pass, logged once, and never blocks the rest', () => {
    const id = newSession();
    mkdirSync(spool, { recursive: true });
    writeFileSync(join(spool, 'rejected'), 'not a directory');
    const bad = nextName();
    mkdirSync(join(spool, bad));
    capture(id, 'user-prompt-submit', '{}');

    const first = ingest();
    expect(first.stats).toMatchObject({ applied: 1, rejected: 1 });
    expect(first.warnings.find((warning) => (warning.data as { spoolId?: string }).spoolId === bad)?.message).toMatch(/cannot be set aside: cannot move it into .*rejected \((EEXIST|ENOTDIR)\)/);
    capture(id, 'stop', '{}');
    const second = ingest();
    expect(second.stats).toMatchObject({ applied: 1, rejected: 1 });
    expect(second.warnings.filter((warning) => (warning.data as { spoolId?: string }).spoolId === bad)).toEqual([]);
    expect(eventsOf(id)).toEqual(['transition:user-prompt-submit', 'transition:stop']);
    expect(lstatSync(join(spool, bad)).isDirectory()).toBe(true);
  });

  it('a batch is bounded by bytes: a backlog of big records is read a few at a time', () => {
    const id = newSession();
    const big = JSON.stringify({ tool_name: 'Read', out: 'x'.repeat(3 * 1024 * 1024) });
    for (let i = 0; i < 6; i++) capture(id, 'post-tool-use', big);
    capture(id, 'stop', '{}');
    let batches = 0;
    const { stats } = ingest({ batchBytes: 7 * 1024 * 1024, afterCommit: () => batches++ });
    expect(stats).toMatchObject({ consumed: 7, applied: 7 });
    // 3 MiB records, 7 MiB a batch: three records a batch (the third passes the bound), then the rest.
    expect(batches).toBe(3);
    expect(store.getSession(id)?.activityState).toBe('idle');
  });
});

describe('records for a session the store does not know', () => {
  it('are kept in spool/unclaimed, not deleted, and apply once moved back for a store that knows the session', () => {
    const id = newSession();
    capture(id, 'user-prompt-submit', '{}');
    const orphan = capture('sessionfromanotherstore', 'permission-request', '{"tool_name":"Bash"}');
    capture(id, 'stop', '{}');

    const { stats, warnings } = ingest();
    expect(stats).toMatchObject({ consumed: 3, applied: 2, dropped: 1, unclaimed: 1 });
    expect(records(spool)).toEqual([]);
    expect(records(join(spool, 'unclaimed'))).toEqual([orphan]);
    expect(warnings.map((warning) => warning.message)).toContain('signal kept in spool/unclaimed: no such session');

    // The store that knows the session comes back (restored from a backup): moving the record back applies it.
    createSession(store, { id: 'sessionfromanotherstore', harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: Date.now() });
    renameSync(join(spool, 'unclaimed', orphan), join(spool, orphan));
    expect(ingest().stats).toMatchObject({ applied: 1, unclaimed: 0 });
    expect(store.getSession('sessionfromanotherstore')?.activityState).toBe('blocked');
  });

  it('are pruned 7 days after they were set aside, not before', () => {
    const unclaimed = join(spool, 'unclaimed');
    mkdirSync(unclaimed, { recursive: true });
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const old = nextName();
    const recent = nextName();
    writeFileSync(join(unclaimed, old), 'x');
    writeFileSync(join(unclaimed, recent), 'x');
    utimesSync(join(unclaimed, old), new Date(now - 8 * day), new Date(now - 8 * day));
    utimesSync(join(unclaimed, recent), new Date(now - 6 * day), new Date(now - 6 * day));
    capture(newSession(), 'stop', '{}');
    ingest({ now: () => now });
    expect(records(unclaimed)).toEqual([recent]);
  });
});
