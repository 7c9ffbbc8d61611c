import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES } from '@ao/protocol';
import { describe, expect, it } from 'vitest';
import { runAo, tempDir } from './ao-harness.js';
import { api, rawRequest, startApiDaemon, type RunningDaemon } from './api-harness.js';
import { committedRepo } from './git-fixture.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

async function sessionIn(daemon: RunningDaemon, id: string, predicate: (session: any) => boolean, what: string) {
  return waitFor(what, async () => {
    const { body } = await api(daemon, 'GET', `/v1/sessions/${id}`);
    return predicate(body) ? body : undefined;
  }, 20_000);
}

const gitRepo = () => committedRepo({ 'README.md': 'hello\n' });

describe('the HTTP API, driven with a real HTTP client against a real daemon', () => {
  it('guards every route: health is open; no token, a wrong token, a foreign Host or Origin are refused and change nothing', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    expect(statSync(join(aoHome, 'api-token')).mode & 0o777).toBe(0o600);
    expect(statSync(join(aoHome, 'run', 'api.json')).mode & 0o777).toBe(0o600);
    expect(daemon.token.length).toBeGreaterThanOrEqual(43); // 32 random bytes, base64url
    expect(new URL(daemon.url).hostname).toBe('127.0.0.1');

    expect(await rawRequest(daemon.url, { path: '/v1/health' })).toMatchObject({ status: 200, body: { ok: true, version: expect.any(String) } });
    const spawn = JSON.stringify({ agent: 'demo', cwd: tempDir('p-') });
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: `Basic ${daemon.token}` }]) {
      const refused = await rawRequest(daemon.url, { method: 'POST', path: '/v1/sessions', headers: { 'content-type': 'application/json', ...headers }, body: spawn });
      expect(refused).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    }
    const foreignHost = await rawRequest(daemon.url, { path: '/v1/sessions', headers: { host: 'evil.example:80', authorization: `Bearer ${daemon.token}` } });
    expect(foreignHost).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const foreignOrigin = await api(daemon, 'POST', '/v1/sessions', { agent: 'demo', cwd: tempDir('p-') }, { origin: 'http://evil.example' });
    expect(foreignOrigin).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    // Nothing was spawned by any of them.
    expect((await api(daemon, 'GET', '/v1/sessions?all=1')).body).toEqual({ sessions: [] });
    // Its own origin is welcome (the dashboard's requests).
    expect((await api(daemon, 'GET', '/v1/sessions', undefined, { origin: daemon.url })).status).toBe(200);
  });

  it('refuses bad input with a code and a sentence, never a stack trace', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    const cases: [string, string, string | Buffer, number, string][] = [
      ['POST', '/v1/sessions', 'nope{', 400, 'invalid_request'],
      ['POST', '/v1/sessions', JSON.stringify({ agent: 42 }), 400, 'invalid_request'],
      ['POST', '/v1/sessions', JSON.stringify({ agent: 'demo', args: 'not-a-list' }), 400, 'invalid_request'],
      ['POST', '/v1/sessions', JSON.stringify({ agent: 'no-such-harness' }), 400, 'unknown_harness'],
      ['POST', '/v1/sessions', Buffer.alloc(2 * 1024 * 1024, 0x20), 413, 'payload_too_large'],
      ['GET', '/v1/events?limit=-3', '', 400, 'invalid_request'],
      ['GET', '/v1/sessions/ghost', '', 404, 'not_found'],
      ['GET', '/v1/nowhere', '', 404, 'route_not_found'],
      ['PUT', '/v1/sessions', '{}', 405, 'method_not_allowed'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const response = await rawRequest(daemon.url, { method, path, headers: { authorization: `Bearer ${daemon.token}`, 'content-type': 'application/json' }, ...(body !== '' && { body }) });
      expect({ method, path, status: response.status, code: response.body?.error?.code }).toEqual({ method, path, status, code });
      expect(response.text).not.toMatch(/\n\s+at /);
    }
  });

  it('spawns, lists, answers requests by id (a stale id types nothing), attaches events, pages and streams events, kills and forgets', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, DEMO_ENV);
    const cwd = gitRepo();
    const spawned = await api(daemon, 'POST', '/v1/sessions', { agent: 'demo', cwd, name: 'api-demo' });
    expect(spawned).toMatchObject({ status: 201, body: { name: 'api-demo', harness: 'demo', openRequest: null, lastExternalEvent: null } });
    const id: string = spawned.body.id;
    expect((await api(daemon, 'GET', '/v1/sessions')).body.sessions.map((s: any) => s.id)).toEqual([id]);
    expect((await api(daemon, 'GET', '/v1/sessions/api-demo')).body).toMatchObject({ id });
    const plan = await api(daemon, 'POST', '/v1/sessions', { agent: 'demo', cwd, dryRun: true });
    expect(plan).toMatchObject({ status: 200, body: { dryRun: true, harness: 'demo' } });

    // A permission dialog opens: its request carries the tool and the command.
    expect((await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'permission please' })).body).toMatchObject({ delivered: true, acknowledged: true });
    const blocked = await sessionIn(daemon, id, (s) => s.status === 'needs_input', 'the permission dialog');
    expect(blocked.openRequest).toMatchObject({ kind: 'permission', tool: 'Bash', detail: expect.stringContaining('touch'), askedAt: expect.any(String) });
    const first = blocked.openRequest.id;

    // A stale id is refused with 409 and nothing is typed: the same dialog stays open.
    const stale = await api(daemon, 'POST', `/v1/sessions/${id}/requests/not-${first}/approve`, {});
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'stale_request' } } });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await api(daemon, 'GET', `/v1/sessions/${id}`)).body).toMatchObject({ activityState: 'blocked', openRequest: { id: first } });

    // Approved with a checkpoint first: the user's HEAD, index and files are untouched by taking it.
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd }).toString();
    const approved = await api(daemon, 'POST', `/v1/sessions/${id}/requests/${first}/approve`, { checkpoint: true });
    expect(approved).toMatchObject({ status: 200, body: { id, requestId: first, answered: 'approve', checkpoint: { n: 1 } } });
    expect(approved.body.activityState).not.toBe('blocked');
    expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd }).toString()).toBe(head);
    expect((await api(daemon, 'GET', `/v1/sessions/${id}/checkpoints`)).body.checkpoints).toEqual([expect.objectContaining({ n: 1 })]);
    // The same answer again is stale now: the dialog it named is gone.
    expect((await api(daemon, 'POST', `/v1/sessions/${id}/requests/${first}/approve`, {})).status).toBe(409);
    await sessionIn(daemon, id, (s) => s.status === 'idle', 'the approved turn to end');

    // Restore: files changed since are refused without force, put back with it.
    writeFileSync(join(cwd, 'README.md'), 'changed by the agent\n');
    expect(await api(daemon, 'POST', `/v1/sessions/${id}/checkpoints/1/restore`, {})).toMatchObject({ status: 409, body: { error: { code: 'changes_since_checkpoint' } } });
    expect(await api(daemon, 'POST', `/v1/sessions/${id}/checkpoints/1/restore`, { force: true })).toMatchObject({ status: 200, body: { restored: true } });
    expect(readFileSync(join(cwd, 'README.md'), 'utf8')).toBe('hello\n');

    // The next dialog has another id; deny answers it.
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'permission again' });
    const second = (await sessionIn(daemon, id, (s) => s.status === 'needs_input', 'the second dialog')).openRequest.id;
    expect(second).not.toBe(first);
    expect((await api(daemon, 'POST', `/v1/sessions/${id}/requests/${second}/deny`, {})).body).toMatchObject({ answered: 'deny', requestId: second });

    // A question shows its text.
    await sessionIn(daemon, id, (s) => s.status === 'idle', 'the denied turn to end');
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'a question?' });
    const asking = await sessionIn(daemon, id, (s) => s.needsInputReason === 'question', 'the question');
    expect(asking.openRequest).toMatchObject({ kind: 'question', detail: expect.stringMatching(/branch/i) });
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'main' });
    await sessionIn(daemon, id, (s) => s.status === 'idle', 'the answered question to end its turn');

    // An external event: stored once per idempotency key, shown on the session and in the log.
    const ci = { sourceKind: 'ci', sourceId: 'build-17', eventType: 'ci.failed', payload: { url: 'http://ci.local/17' } };
    const attached = await api(daemon, 'POST', `/v1/sessions/${id}/external-events`, ci, { 'idempotency-key': 'ci-17' });
    expect(attached).toMatchObject({ status: 201, body: { sessionId: id, eventType: 'ci.failed', payload: ci.payload } });
    expect(await api(daemon, 'POST', `/v1/sessions/${id}/external-events`, ci, { 'idempotency-key': 'ci-17' })).toMatchObject({ status: 201, body: attached.body });
    expect(await api(daemon, 'POST', `/v1/sessions/${id}/external-events`, { ...ci, sourceId: 'build-18' }, { 'idempotency-key': 'ci-17' })).toMatchObject({
      status: 422,
      body: { error: { code: 'idempotency_key_reused' } },
    });
    expect((await api(daemon, 'GET', `/v1/sessions/${id}`)).body.lastExternalEvent).toMatchObject({ seq: attached.body.seq, sourceId: 'build-17' });

    // Pages of the log, cursor after cursor, are the whole log, each event once.
    const all = (await api(daemon, 'GET', `/v1/events?session=${id}&limit=10000`)).body;
    expect(all.nextCursor).toBeNull();
    expect(all.events.filter((e: any) => e.type === 'external')).toHaveLength(1);
    const paged: any[] = [];
    let cursor = 0;
    for (;;) {
      const page = (await api(daemon, 'GET', `/v1/events?session=${id}&after=${cursor}&limit=3`)).body;
      paged.push(...page.events);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all.events);

    // The stream: retry first, then the same events with their seq as id.
    const stream = await readStream(daemon, `/v1/events/stream?session=${id}&after=0`, all.events.length);
    expect(stream.startsWith('retry: ')).toBe(true);
    expect([...stream.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual(all.events.map((e: any) => e.seq));

    // Kill answers the session object; DELETE forgets it.
    expect(await api(daemon, 'POST', `/v1/sessions/${id}/kill`, { graceSeconds: 1 })).toMatchObject({ status: 200, body: { id, terminated: true } });
    expect((await api(daemon, 'POST', '/v1/reap', {})).body).toMatchObject({ probed: expect.any(Number) });
    expect((await api(daemon, 'DELETE', `/v1/sessions/${id}`)).status).toBe(204);
    expect((await api(daemon, 'GET', `/v1/sessions/${id}`)).status).toBe(404);
  }, 120_000);

  it('listens on 127.0.0.1 only unless --listen names another address, which still needs the token', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    const port = Number(new URL(daemon.url).port);
    // The kernel's own list of listening sockets: the API's is bound to 127.0.0.1 (0100007F), nothing else.
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1).map((line) => line.trim().split(/\s+/)).filter((cols) => cols[3] === '0A');
    const ours = listening.filter((cols) => parseInt(cols[1]!.split(':')[1]!, 16) === port).map((cols) => cols[1]!.split(':')[0]);
    expect(ours).toEqual(['0100007F']);
    daemon.process.kill('SIGTERM');
    await daemon.process;

    const other = await startApiDaemon(aoHome, {}, ['--listen', '127.0.0.2']);
    expect(new URL(other.url).hostname).toBe('127.0.0.2');
    expect((await rawRequest(other.url, { path: '/v1/sessions' })).status).toBe(401);
    expect((await api(other, 'GET', '/v1/sessions')).status).toBe(200);
    const bad = await runAo(aoHome, ['daemon', '--port', '70000']);
    expect(bad).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('--port must be from 0 to 65535') });
  });

  it('serves an OpenAPI 3.1 document listing every route it answers', async () => {
    const daemon = await startApiDaemon(newHome());
    const document = (await api(daemon, 'GET', '/v1/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
      // ...and the server answers it (not route_not_found / method_not_allowed).
      const path = route.path.replace('{id}', 'ghost').replace('{requestId}', 'r1').replace('{n}', '1');
      const response = route.method === 'GET' && route.path.endsWith('/stream') ? { status: 200, body: null } : await api(daemon, route.method, path, route.method === 'GET' ? undefined : {});
      expect(['route_not_found', 'method_not_allowed']).not.toContain(response.body?.error?.code);
    }
  });
});

/** Reads an SSE response until `events` events arrived; returns the raw text. */
async function readStream(daemon: RunningDaemon, path: string, events: number): Promise<string> {
  const controller = new AbortController();
  const response = await fetch(`${daemon.url}${path}`, { headers: { authorization: `Bearer ${daemon.token}` }, signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while ((text.match(/^id: /gm) ?? []).length < events) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
  }
  controller.abort();
  return text;
}
