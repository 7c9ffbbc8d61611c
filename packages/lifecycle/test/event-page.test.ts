import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { aoPaths } from '../src/ao-paths.js';
import { eventPage } from '../src/store/event-page.js';
import { appendExternalEvent } from '../src/store/external-events.js';
import { testDeriver } from './test-deriver.js';

/** Cursor pages of the event log, and the cheap "anything new?" a stream asks. */
let home: string;
let store: Store;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-event-page-'));
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

const newSession = () => createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: 1_000 }).id;
const external = (sessionId: string, n: number) => appendExternalEvent(store, { sessionId, sourceKind: 'ci', sourceId: 'run', eventType: `e${n}`, payload: n, at: 2_000 + n }).seq;

/** Every event, page after page, following nextCursor; and the page sizes seen. */
function walk(query: { sessionId?: string; limit: number }) {
  const seqs: number[] = [];
  const sizes: number[] = [];
  let after: number | undefined;
  for (;;) {
    const page = eventPage(store, { ...query, ...(after !== undefined && { after }) });
    seqs.push(...page.events.map((event) => event.seq));
    sizes.push(page.events.length);
    if (page.nextCursor === null) return { seqs, sizes };
    expect(page.nextCursor).toBe(page.events.at(-1)!.seq);
    after = page.nextCursor;
  }
}

describe('eventPage', () => {
  it('walks the whole log in order with no gap, no repeat and no empty last page', () => {
    const a = newSession();
    const b = newSession();
    for (let n = 0; n < 6; n++) external(n % 2 === 0 ? a : b, n);
    const all = store.listEvents().map((event) => event.seq);
    expect(all).toHaveLength(8); // two `registered` entries, six external ones
    expect(walk({ limit: 3 })).toEqual({ seqs: all, sizes: [3, 3, 2] });
    // a page that ends exactly at the end of the log says so: no cursor to an empty page
    expect(walk({ limit: 4 })).toEqual({ seqs: all, sizes: [4, 4] });
    expect(walk({ limit: 100 })).toEqual({ seqs: all, sizes: [8] });
  });

  it("pages one session's events only", () => {
    const a = newSession();
    const b = newSession();
    for (let n = 0; n < 5; n++) external(n < 3 ? a : b, n);
    const ofA = store.listEvents({ sessionId: a }).map((event) => event.seq);
    expect(walk({ sessionId: a, limit: 2 })).toEqual({ seqs: ofA, sizes: [2, 2] });
    expect(eventPage(store, { sessionId: 'nosuchsess', limit: 5 })).toEqual({ events: [], nextCursor: null });
  });

  it('a cursor at the end gives an empty page, and the events appended after it next time', () => {
    const a = newSession();
    const first = eventPage(store, { limit: 10 });
    const end = first.events.at(-1)!.seq;
    expect(eventPage(store, { after: end, limit: 10 })).toEqual({ events: [], nextCursor: null });
    const seq = external(a, 1);
    expect(eventPage(store, { after: end, limit: 10 }).events.map((event) => event.seq)).toEqual([seq]);
  });

  it('refuses a limit or cursor that is not an integer', () => {
    for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => eventPage(store, { limit }), String(limit)).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    }
    expect(() => eventPage(store, { limit: 1, after: 0.5 })).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
  });
});

describe('maxEventSeq', () => {
  it('is 0 for an empty log, then the newest seq, also when another connection to the file wrote it', () => {
    expect(store.maxEventSeq()).toBe(0);
    const a = newSession();
    expect(store.maxEventSeq()).toBe(store.listEvents().at(-1)!.seq);
    const other = Store.open(aoPaths(home).database);
    try {
      const seq = appendExternalEvent(other, { sessionId: a, sourceKind: 'ci', sourceId: 'run', eventType: 'ci.failed', payload: null, at: 5_000 }).seq;
      expect(store.maxEventSeq()).toBe(seq);
    } finally {
      other.close();
    }
  });
});
