import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deriver } from '@ao/activity-dispatch';
import { commandHookFacts, deriveFromTable, type DerivationTable } from '@ao/adapter-kit';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { aoPaths } from '../src/ao-paths.js';
import { sessionView } from '../src/session-view.js';
import { markDead } from '../src/reaper/reaper.js';

/**
 * Open requests through the real path: spool records of Claude-shaped payloads, derived with the
 * registry's command-hook facts, reduced, stored in the SQLite file and read back as the session
 * object.
 */
const table: DerivationTable = {
  'user-prompt-submit': { event: 'user-prompt-submit', state: 'active' },
  'pre-tool-use': { event: 'pre-tool-use', state: 'active' },
  'post-tool-use': { event: 'post-tool-use', state: 'active' },
  'permission-request': { event: 'permission-request', state: 'blocked' },
  notification: { event: 'notification', facts: (p) => ({ notification: (p as { message?: unknown }).message }) },
  stop: { event: 'stop', state: 'idle' },
};
const claudeShaped: Deriver = { id: 'claude-shaped', derive: (event, payload) => deriveFromTable(table, event, payload, commandHookFacts) };

let home: string;
let store: Store;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-open-request-'));
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

let ns = 1_763_000_000_000_000_000n;
function capture(sessionId: string, event: string, payload: object): number {
  ns += 1_000_000n;
  writeSpoolRecord(aoPaths(home).spool, { harness: claudeShaped.id, event, sessionId, launchId: null, capturedAt: ns.toString() }, JSON.stringify(payload));
  return Number(ns / 1_000_000n);
}
const ingest = () => ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver: () => claudeShaped });
const view = (id: string) => sessionView(store.getSession(id)!, { now: Date.now() });

const TOUCH = { command: 'touch mock_tool_ran.txt', description: 'Mock tool call' };

describe('open requests in the store', () => {
  it("a permission dialog's request carries the real command, survives reopening the store, and is gone once answered", () => {
    const id = createSession(store, { harness: claudeShaped.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
    capture(id, 'user-prompt-submit', { prompt: 'go' });
    capture(id, 'pre-tool-use', { tool_name: 'Bash', tool_input: TOUCH, tool_use_id: 'toolu_1' });
    const askedAt = capture(id, 'permission-request', { tool_name: 'Bash', tool_input: TOUCH });
    capture(id, 'notification', { message: 'Claude needs your permission', notification_type: 'permission_prompt' });
    ingest();
    const expected = { id: `${id}.r1`, kind: 'permission', tool: 'Bash', detail: 'touch mock_tool_ran.txt', askedAt: new Date(askedAt).toISOString() };
    expect(view(id)).toMatchObject({ status: 'needs_input', needsInputReason: 'permission', openRequest: expected });

    store.close();
    store = Store.open(aoPaths(home).database);
    expect(view(id).openRequest).toEqual(expected);
    expect(store.getSession(id)!.requestsOpened).toBe(1);

    capture(id, 'post-tool-use', { tool_name: 'Bash', tool_input: TOUCH, tool_use_id: 'toolu_1' });
    capture(id, 'pre-tool-use', { tool_name: 'Bash', tool_input: { command: 'rm -rf build' }, tool_use_id: 'toolu_2' });
    capture(id, 'permission-request', { tool_name: 'Bash', tool_input: { command: 'rm -rf build' } });
    ingest();
    expect(view(id).openRequest).toMatchObject({ id: `${id}.r2`, detail: 'rm -rf build' });
    capture(id, 'stop', {});
    ingest();
    expect(view(id)).toMatchObject({ status: 'idle', openRequest: null });
    expect(store.getSession(id)).toMatchObject({ openRequest: null, requestsOpened: 2 });
  });

  it('termination clears the request', () => {
    const id = createSession(store, { harness: claudeShaped.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
    capture(id, 'permission-request', { tool_name: 'Bash', tool_input: TOUCH });
    ingest();
    expect(view(id).openRequest).not.toBeNull();
    store.transaction(() => markDead(store, store.getSession(id)!, Date.now(), 'killed'));
    expect(store.getSession(id)!.openRequest).toBeNull();
    expect(view(id)).toMatchObject({ status: 'terminated', openRequest: null });
  });

  it('the session object shows a request only while the session waits for it (a stored one that disagrees is hidden)', () => {
    const id = createSession(store, { harness: claudeShaped.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
    const request = { id: `${id}.r1`, kind: 'permission' as const, tool: 'Bash', detail: 'ls', askedAt: 1_763_000_000_000 };
    const session = store.getSession(id)!;
    const show = (overrides: object) => sessionView({ ...session, openRequest: request, ...overrides }, { now: Date.now() }).openRequest;
    expect(show({ activityState: 'blocked' })).toEqual({ ...request, askedAt: '2025-11-13T02:13:20.000Z' });
    expect(show({ activityState: 'idle' })).toBeNull();
    expect(show({ activityState: 'waiting_input' })).toBeNull();
    expect(show({ activityState: 'blocked', terminated: true })).toBeNull();
  });
});
