import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES } from '@ao/protocol';
import { describe, expect, it } from 'vitest';
import { AoApiError, AoClient } from '../src/index.js';
import { tempDir } from '../../cli/test/ao-harness.js';
import { startApiDaemon } from '../../cli/test/api-harness.js';
import { committedRepo } from '../../cli/test/git-fixture.js';
import { DEMO_ENV, aoHomesCleanedAfterEach } from '../../cli/test/runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

/** A git work tree with one commit: checkpoints need one. */
const gitRepo = () => committedRepo({ 'README.md': 'hello\n' });

/** The AoApiError a call rejects with (fails the test when it resolves or throws something else). */
async function apiError(call: Promise<unknown>): Promise<AoApiError> {
  const error = await call.then(
    (value) => new Error(`expected an AoApiError, got ${JSON.stringify(value)}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AoApiError);
  return error as AoApiError;
}

const WAIT = { timeoutMs: 30_000 };

describe('AoClient against a real daemon', () => {
  it('every method does what its route does; refusals are AoApiErrors with the status and the code', async () => {
    const aoHome = newHome();
    await startApiDaemon(aoHome, DEMO_ENV);
    const client = new AoClient({ aoHome });
    const cwd = gitRepo();

    expect(await client.health()).toEqual({ ok: true, version: expect.any(String) });
    const document = (await client.openapi()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([...new Set(ROUTES.map((route) => route.path))].sort());

    const plan = await client.sessions.plan({ agent: 'demo', cwd });
    expect(plan).toMatchObject({ dryRun: true, harness: 'demo', cwd });
    expect(await client.sessions.list({ all: true })).toEqual([]); // a plan spawns nothing

    const spawned = await client.sessions.spawn({ agent: 'demo', cwd, name: 'client-demo' });
    expect(spawned).toMatchObject({ name: 'client-demo', harness: 'demo', terminated: false });
    const id = spawned.id;
    expect((await client.sessions.list()).map((s) => s.id)).toEqual([id]);
    expect(await client.sessions.get('client-demo')).toMatchObject({ id });

    // A permission dialog: waitFor sees its open request; a stale id is refused with 409.
    expect(await client.sessions.send(id, { text: 'permission please' })).toMatchObject({ id, delivered: true, acknowledged: true });
    const blocked = await client.sessions.waitFor(id, (s) => s.openRequest !== null, WAIT);
    expect(blocked.openRequest).toMatchObject({ kind: 'permission', tool: 'Bash' });
    const first = blocked.openRequest!.id;
    const stale = await apiError(client.requests.approve(id, `not-${first}`));
    expect({ status: stale.status, code: stale.code }).toEqual({ status: 409, code: 'stale_request' });
    expect((await client.sessions.get(id)).openRequest?.id).toBe(first);

    // Approved with a checkpoint; restore puts the files back.
    const approved = await client.requests.approve(id, first, { checkpoint: true });
    expect(approved).toMatchObject({ id, requestId: first, answered: 'approve', checkpoint: { n: 1 } });
    expect((await client.checkpoints.list(id)).map((c) => c.n)).toEqual([1]);
    await client.sessions.waitFor(id, (s) => s.status === 'idle', WAIT);
    writeFileSync(join(cwd, 'README.md'), 'changed\n');
    const refused = await apiError(client.checkpoints.restore(id, 1));
    expect({ status: refused.status, code: refused.code }).toEqual({ status: 409, code: 'changes_since_checkpoint' });
    expect(await client.checkpoints.restore(id, 1, { force: true })).toMatchObject({ n: 1, restored: true });
    expect(readFileSync(join(cwd, 'README.md'), 'utf8')).toBe('hello\n');

    // The next dialog, denied.
    await client.sessions.send(id, { text: 'permission again' });
    const second = (await client.sessions.waitFor(id, (s) => s.openRequest !== null, WAIT)).openRequest!.id;
    expect(second).not.toBe(first);
    expect(await client.requests.deny(id, second)).toMatchObject({ id, requestId: second, answered: 'deny' });
    await client.sessions.waitFor(id, (s) => s.status === 'idle', WAIT);

    // An external event, once per idempotency key.
    const ci = { sourceKind: 'ci', sourceId: 'build-7', eventType: 'ci.failed', payload: { url: 'http://ci.local/7' } };
    const attached = await client.sessions.attachEvent(id, ci, { idempotencyKey: 'ci-7' });
    expect(attached).toMatchObject({ sessionId: id, sourceId: 'build-7', payload: ci.payload });
    expect(await client.sessions.attachEvent(id, ci, { idempotencyKey: 'ci-7' })).toEqual(attached);
    const reused = await apiError(client.sessions.attachEvent(id, { ...ci, sourceId: 'build-8' }, { idempotencyKey: 'ci-7' }));
    expect({ status: reused.status, code: reused.code }).toEqual({ status: 422, code: 'idempotency_key_reused' });

    // The log, paged with the cursor, is the whole log.
    const whole = await client.events.list({ session: id, limit: 10_000 });
    expect(whole.nextCursor).toBeNull();
    expect(whole.events.filter((e) => e.type === 'external').map((e) => e.seq)).toEqual([attached.seq]);
    const paged = [];
    for (let after = 0; ; ) {
      const page = await client.events.list({ session: id, after, limit: 4 });
      paged.push(...page.events);
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    expect(paged).toEqual(whole.events);

    expect(await client.reap()).toMatchObject({ probed: 1, alive: 1, reaped: [] });
    const stillRunning = await apiError(client.sessions.remove(id));
    expect({ status: stillRunning.status, code: stillRunning.code }).toEqual({ status: 409, code: 'not_removable' });
    expect(await client.sessions.kill(id, { graceSeconds: 1 })).toMatchObject({ id, terminated: true });
    expect(await client.sessions.list()).toEqual([]);
    expect((await client.sessions.list({ all: true })).map((s) => s.id)).toEqual([id]);
    expect(await client.sessions.remove(id)).toBeUndefined();
    const gone = await apiError(client.sessions.get(id));
    expect({ status: gone.status, code: gone.code }).toEqual({ status: 404, code: 'not_found' });
  }, 180_000);

  it('a wrong token is refused with 401 unauthorized, by calls and by the stream (which does not retry)', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    const client = new AoClient({ url: daemon.url, token: 'not-the-token' });
    const refused = await apiError(client.sessions.list());
    expect({ status: refused.status, code: refused.code }).toEqual({ status: 401, code: 'unauthorized' });
    const stream = await apiError(client.events.stream().next());
    expect({ status: stream.status, code: stream.code }).toEqual({ status: 401, code: 'unauthorized' });
    // An unknown session is the caller's mistake too.
    const unknown = await apiError(new AoClient({ aoHome }).events.stream({ session: 'ghost' }).next());
    expect({ status: unknown.status, code: unknown.code }).toEqual({ status: 404, code: 'not_found' });
  });

  it('a url without a token reads only the token from aoHome (no run/api.json needed there); an empty token file is unreachable', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    // A home with the token and no running daemon: the url is given.
    const tokenHome = tempDir('ao-token-');
    writeFileSync(join(tokenHome, 'api-token'), `${daemon.token}\n`);
    expect(await new AoClient({ url: daemon.url, aoHome: tokenHome }).sessions.list()).toEqual([]);
    // An empty token file is no token: said as such, not sent and refused as a wrong one.
    writeFileSync(join(tokenHome, 'api-token'), '\n');
    const empty = await apiError(new AoClient({ url: daemon.url, aoHome: tokenHome }).sessions.list());
    expect({ status: empty.status, code: empty.code }).toEqual({ status: 0, code: 'unreachable' });
    expect(empty.message).toContain(join(tokenHome, 'api-token'));
  });

  it('with no daemon, a call fails as unreachable with what to do, and the client works once one starts', async () => {
    const aoHome = newHome();
    const client = new AoClient({ aoHome });
    const down = await apiError(client.sessions.list());
    expect({ status: down.status, code: down.code }).toEqual({ status: 0, code: 'unreachable' });
    expect(down.message).toMatch(/ao daemon/);
    await startApiDaemon(aoHome);
    expect(await client.sessions.list()).toEqual([]);
  });

  it('waitFor gives up after timeoutMs with wait_timed_out', async () => {
    const aoHome = newHome();
    await startApiDaemon(aoHome, DEMO_ENV);
    const client = new AoClient({ aoHome });
    const { id } = await client.sessions.spawn({ agent: 'demo', cwd: tempDir('ao-cwd-') });
    const timedOut = await apiError(client.sessions.waitFor(id, (s) => s.name === 'never', { timeoutMs: 500 }));
    expect({ status: timedOut.status, code: timedOut.code }).toEqual({ status: 0, code: 'wait_timed_out' });
  });
});
