import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventObjectSchema, sessionObjectSchema } from '@ao/protocol';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { aoPaths } from '../src/ao-paths.js';
import { eventView, sessionView } from '../src/session-view.js';
import { appendExternalEvent, EXTERNAL_PAYLOAD_MAX_BYTES, type NewExternalEvent } from '../src/store/external-events.js';
import { testDeriver } from './test-deriver.js';

/** External events: something outside the agent attached to a session, in the real SQLite file. */
let home: string;
let store: Store;
let id: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-external-'));
  store = Store.open(aoPaths(home).database);
  id = createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: 1_000 }).id;
});
afterEach(() => store.close());

let ns = 1_763_000_000_000_000_000n;
function ingestSignal(event: string, payload: object): void {
  ns += 1_000_000n;
  writeSpoolRecord(aoPaths(home).spool, { harness: testDeriver.id, event, sessionId: id, launchId: null, capturedAt: ns.toString() }, JSON.stringify(payload));
  ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver: () => testDeriver });
}

const CI_FAILED: Omit<NewExternalEvent, 'sessionId'> = {
  sourceKind: 'github',
  sourceId: 'check-run/42',
  eventType: 'ci.failed',
  payload: { job: 'test', url: 'https://ci.example/42' },
  at: 1_763_000_100_000,
};
const view = () => sessionView(store.getSession(id)!, { now: 1_763_000_200_000 });

describe('appendExternalEvent', () => {
  it('logs an external entry and shows it as the session object’s lastExternalEvent, without moving the activity state', () => {
    ingestSignal('permission-request', { tool_name: 'Bash' });
    const before = store.getSession(id)!;
    expect(before.activityState).toBe('blocked');

    const record = appendExternalEvent(store, { sessionId: id, ...CI_FAILED });
    const data = { sourceKind: 'github', sourceId: 'check-run/42', eventType: 'ci.failed', payload: CI_FAILED.payload };
    expect(record).toEqual({ seq: expect.any(Number), sessionId: id, type: 'external', event: 'ci.failed', from: null, to: null, at: CI_FAILED.at, launchId: null, data });
    expect(store.listEvents({ sessionId: id }).at(-1)).toEqual(record);

    const after = store.getSession(id)!;
    expect(after).toMatchObject({ activityState: 'blocked', openRequest: before.openRequest, lastSignalAt: before.lastSignalAt, lastTransitionAt: before.lastTransitionAt });
    expect(view()).toMatchObject({
      status: 'needs_input',
      lastExternalEvent: { seq: record.seq, sourceKind: 'github', sourceId: 'check-run/42', eventType: 'ci.failed', payload: CI_FAILED.payload, at: '2025-11-13T02:15:00.000Z' },
    });
    expect(eventView(record)).toEqual({ seq: record.seq, sessionId: id, type: 'external', event: 'ci.failed', at: '2025-11-13T02:15:00.000Z', data });
  });

  it('the session and event objects fit the published contract', () => {
    expect(sessionObjectSchema.safeParse(view()).success).toBe(true);
    ingestSignal('permission-request', { tool_name: 'Bash' });
    const record = appendExternalEvent(store, { sessionId: id, ...CI_FAILED });
    const parsed = sessionObjectSchema.safeParse(view());
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.openRequest?.kind).toBe('permission');
    expect(parsed.data?.lastExternalEvent?.seq).toBe(record.seq);
    for (const event of store.listEvents({ sessionId: id })) expect(eventObjectSchema.safeParse(eventView(event)).error).toBeUndefined();
  });

  it('the latest one is shown; every one stays in the log', () => {
    appendExternalEvent(store, { sessionId: id, ...CI_FAILED });
    const second = appendExternalEvent(store, { sessionId: id, ...CI_FAILED, eventType: 'review.commented', payload: 'LGTM' });
    expect(view().lastExternalEvent).toMatchObject({ seq: second.seq, eventType: 'review.commented', payload: 'LGTM' });
    expect(store.listEvents({ sessionId: id }).filter((event) => event.type === 'external').map((event) => event.event)).toEqual(['ci.failed', 'review.commented']);
  });

  it('a session saved from a read made before the append keeps the event (ingestion, the session host)', () => {
    const stale = store.getSession(id)!;
    const record = appendExternalEvent(store, { sessionId: id, ...CI_FAILED });
    store.saveSession({ ...stale, pid: 123, updatedAt: 2_000 });
    ingestSignal('user-prompt-submit', {});
    expect(store.getSession(id)).toMatchObject({ pid: 123, activityState: 'active', lastExternalEvent: { seq: record.seq } });
  });

  it('keeps a payload up to 64 KiB of JSON; a bigger one is replaced by its size, in the log and on the session', () => {
    // JSON of a string is its text plus two quotes; 'é' is two bytes in UTF-8.
    const fits = 'x'.repeat(EXTERNAL_PAYLOAD_MAX_BYTES - 2);
    appendExternalEvent(store, { sessionId: id, ...CI_FAILED, payload: fits });
    expect(view().lastExternalEvent?.payload).toBe(fits);
    const tooBig = { log: 'é'.repeat(EXTERNAL_PAYLOAD_MAX_BYTES / 2) };
    const bytes = Buffer.byteLength(JSON.stringify(tooBig));
    const record = appendExternalEvent(store, { sessionId: id, ...CI_FAILED, payload: tooBig });
    expect(record.data?.payload).toEqual({ truncated: true, bytes });
    expect(store.listEvents({ sessionId: id }).at(-1)?.data?.payload).toEqual({ truncated: true, bytes });
    expect(view().lastExternalEvent?.payload).toEqual({ truncated: true, bytes });
  });

  it('refuses an unknown session and bad input with a code, writing nothing', () => {
    const seq = store.listEvents().at(-1)!.seq;
    const refusal = (input: NewExternalEvent) => {
      try {
        appendExternalEvent(store, input);
      } catch (error) {
        return { code: (error as { code?: string }).code, message: (error as Error).message };
      }
      return null;
    };
    expect(refusal({ sessionId: 'nosuchsess', ...CI_FAILED })).toEqual({ code: 'not_found', message: 'no session nosuchsess' });
    expect(refusal({ sessionId: id, ...CI_FAILED, at: Number.NaN })?.code).toBe('invalid_argument');
    expect(refusal({ sessionId: id, ...CI_FAILED, eventType: '' })?.code).toBe('invalid_argument');
    expect(refusal({ sessionId: id, ...CI_FAILED, payload: { n: 1n } })?.code).toBe('invalid_argument');
    expect(store.listEvents().at(-1)!.seq).toBe(seq);
    expect(store.getSession(id)!.lastExternalEvent).toBeNull();
  });
});
