import { describe, expect, it } from 'vitest';
import { AoClient } from '../src/index.js';
import { tempDir } from '../../cli/test/ao-harness.js';
import { startApiDaemon } from '../../cli/test/api-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach } from '../../cli/test/runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

describe('sessions.spawn with an idempotency key', () => {
  it('two concurrent spawns with one key start one session, and both answer its id', async () => {
    const aoHome = newHome();
    await startApiDaemon(aoHome, DEMO_ENV);
    const client = new AoClient({ aoHome });
    const input = { agent: 'demo', cwd: tempDir('ao-cwd-') };
    const [a, b] = await Promise.all([
      client.sessions.spawn(input, { idempotencyKey: 'spawn-once' }),
      client.sessions.spawn(input, { idempotencyKey: 'spawn-once' }),
    ]);
    expect(b.id).toBe(a.id);
    expect((await client.sessions.list({ all: true })).map((s) => s.id)).toEqual([a.id]);
    // Another key is another request: a second session.
    const c = await client.sessions.spawn(input, { idempotencyKey: 'spawn-twice' });
    expect(c.id).not.toBe(a.id);
    expect((await client.sessions.list({ all: true })).map((s) => s.id).sort()).toEqual([a.id, c.id].sort());
  });
});
