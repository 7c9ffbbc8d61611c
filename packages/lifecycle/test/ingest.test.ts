import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { aoPaths } from '../src/ao-paths.js';
import { testDeriver } from './test-deriver.js';

let home: string;
let store: Store;
const findDeriver = (harness: string) => (harness === testDeriver.id ? testDeriver : undefined);

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-ingest-'));
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

let ns = 1_763_000_000_000_000_000n;
function capture(sessionId: string, event: string, payload: string, launchId: string | null = null): string {
  ns += 1_000_000n;
  return writeSpoolRecord(aoPaths(home).spool, { harness: testDeriver.id, event, sessionId, launchId, capturedAt: ns.toString() }, payload);
}

function newSession(): string {
  return createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
}

describe('ingestSpool', () => {
  it("records a launch's end and exit code when its process exits", () => {
    const id = createSession(store, { harness: testDeriver.id, cwd: home, launchId: 'launch1', expectsStartupSignal: true, now: Date.now() }).id;
    store.insertLaunch({ id: 'launch1', sessionId: id, command: ['agent'], startedAt: Date.now() });
    capture(id, 'user-prompt-submit', '{}', 'launch1');
    expect(store.launchEnd('launch1')).toEqual({ endedAt: null, exitCode: null });
    const exitedAt = capture(id, 'process-exited', '{"exitCode":3,"signal":null}', 'launch1');
    ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver });
    expect(store.launchEnd('launch1')).toEqual({ endedAt: Number(BigInt(exitedAt.split('-')[0]!) / 1_000_000n), exitCode: 3 });
    expect(store.getSession(id)?.activityState).toBe('exited');
  });

  it('applies records in capture order, logs transitions and empties the spool', () => {
    const id = newSession();
    capture(id, 'user-prompt-submit', '{}');
    capture(id, 'pre-tool-use', '{"tool_name":"Bash","tool_use_id":"t1"}');
    capture(id, 'permission-request', '{"tool_name":"Bash"}');
    capture(id, 'post-tool-use', '{"tool_name":"Bash","tool_use_id":"t1"}');
    capture(id, 'stop', '{}');
    const stats = ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver });
    expect(stats).toMatchObject({ consumed: 5, applied: 5, dropped: 0, duplicates: 0 });
    const transitions = store.listEvents({ sessionId: id }).filter((event) => event.type === 'transition');
    expect(transitions.map((event) => [event.from, event.to])).toEqual([
      [null, 'active'],
      ['active', 'blocked'],
      ['blocked', 'active'],
      ['active', 'idle'],
    ]);
    expect(readdirSync(aoPaths(home).spool).filter((name) => !name.startsWith('.'))).toEqual([]);
  });

  it('drops and logs records for unknown sessions, unknown events and unreadable files without stopping', () => {
    const id = newSession();
    const warnings: string[] = [];
    capture('nosuchsession', 'stop', '{}');
    capture(id, 'no-such-event', '{}');
    writeFileSync(join(aoPaths(home).spool, '1700000000000000000-1.sig'), 'garbage without newline');
    capture(id, 'user-prompt-submit', 'not json at all');
    const stats = ingestSpool({
      store,
      spoolDir: aoPaths(home).spool,
      findDeriver,
      logger: { info: () => {}, warn: (_data, message) => warnings.push(message) },
    });
    expect(stats).toMatchObject({ consumed: 4, applied: 1, dropped: 3 });
    expect(warnings).toHaveLength(4); // three drops, one malformed-payload note
    expect(store.getSession(id)?.activityState).toBe('active');
  });

  it('a crash between commit and spool delete applies each record once', () => {
    const id = newSession();
    capture(id, 'user-prompt-submit', '{"n":"1"}');
    capture(id, 'stop', '{}');
    // A real process, killed with SIGKILL right after its transaction commits.
    const script = join(home, 'crash.mjs');
    const lifecycle = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    writeFileSync(
      script,
      `import { Store, ingestSpool } from ${JSON.stringify(lifecycle)};
       const store = Store.open(${JSON.stringify(aoPaths(home).database)});
       const deriver = { id: 'test-harness', derive: (event) => event === 'stop' ? { event, state: 'idle', facts: {} } : { event, state: 'active', facts: {} } };
       ingestSpool({ store, spoolDir: ${JSON.stringify(aoPaths(home).spool)}, findDeriver: () => deriver, afterCommit: () => process.kill(process.pid, 'SIGKILL') });`,
    );
    const child = spawnSync(process.execPath, [script]);
    expect(child.signal).toBe('SIGKILL');
    expect(readdirSync(aoPaths(home).spool).filter((name) => name.endsWith('.sig'))).toHaveLength(2);

    const stats = ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver });
    expect(stats).toMatchObject({ consumed: 0, applied: 0, duplicates: 2 });
    expect(readdirSync(aoPaths(home).spool).filter((name) => name.endsWith('.sig'))).toEqual([]);
    const events = store.listEvents({ sessionId: id }).filter((event) => event.type !== 'lifecycle');
    expect(events.map((event) => event.event)).toEqual(['user-prompt-submit', 'stop']);
  });

  it('a crash before the commit leaves the records to the next ingester', () => {
    const id = newSession();
    capture(id, 'user-prompt-submit', '{}');
    expect(() =>
      ingestSpool({
        store,
        spoolDir: aoPaths(home).spool,
        findDeriver: () => {
          throw new Error('boom');
        },
      }),
    ).toThrow('boom');
    expect(store.getSession(id)?.activityState).toBeNull();
    ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver });
    expect(store.getSession(id)?.activityState).toBe('active');
  });

  it('ignores temp files of a capture that was killed mid-write', () => {
    const id = newSession();
    mkdirSync(aoPaths(home).spool, { recursive: true });
    writeFileSync(join(aoPaths(home).spool, '.tmp-1763000000000000000-5.sig'), '{"v":1,"harn');
    capture(id, 'stop', '{}');
    expect(ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver }).consumed).toBe(1);
  });
});
