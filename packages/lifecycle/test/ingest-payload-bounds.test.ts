import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { createSession } from '../src/session-create.js';
import { ingestSpool } from '../src/ingest.js';
import { writeSpoolRecord } from '../src/spool/spool-writer.js';
import { PAYLOAD_CAP_BYTES } from '../src/spool/spool-format.js';
import { aoPaths } from '../src/ao-paths.js';
import { testDeriver } from './test-deriver.js';

/**
 * Payloads too deep or too big to parse whole cheaply: the state and the facts come out as from
 * a small payload, and the log says what was dropped.
 */
let home: string;
let store: Store;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-payload-bounds-'));
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

let ns = 1_763_000_000_000_000_000n;
function capture(sessionId: string, event: string, payload: string): void {
  ns += 1_000_000n;
  writeSpoolRecord(aoPaths(home).spool, { harness: testDeriver.id, event, sessionId, launchId: null, capturedAt: ns.toString() }, payload);
}

describe('ingesting payloads too deep or too big to keep whole', () => {
  it.each([
    ['a million nested arrays', `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, ['depth']],
    ['a string filling the payload cap', `"${'x'.repeat(PAYLOAD_CAP_BYTES - 200)}"`, ['string_length']],
  ])('%s next to tool_name: the state and facts are derived, and the log says what was dropped', (_name, bulk, trimmed) => {
    const id = createSession(store, { harness: testDeriver.id, cwd: home, expectsStartupSignal: true, now: Date.now() }).id;
    capture(id, 'permission-request', `{"tool_name":"Bash","tool_input":${bulk},"tool_use_id":"toolu_1"}`);
    const warnings: { data: object; message: string }[] = [];
    const stats = ingestSpool({ store, spoolDir: aoPaths(home).spool, findDeriver: () => testDeriver, logger: { info() {}, warn: (data, message) => warnings.push({ data, message }) } });
    expect(stats).toMatchObject({ applied: 1, dropped: 0 });
    expect(store.getSession(id)).toMatchObject({ activityState: 'blocked', blockedTool: { name: 'Bash', id: 'toolu_1' } });
    expect(warnings).toEqual([
      { data: expect.objectContaining({ spoolId: expect.any(String), trimmed }), message: 'signal payload too deep or too big to keep whole; derived from its top levels' },
    ]);
  });
});
