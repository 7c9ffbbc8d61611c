import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAo, tempDir } from './ao-harness.js';

async function request(aoHome: string, body: unknown) {
  const result = await runAo(aoHome, ['json'], { input: typeof body === 'string' ? body : JSON.stringify(body) });
  return { exitCode: result.exitCode, response: JSON.parse(result.stdout) };
}

describe('ao json (seed protocol)', () => {
  it('capabilities lists the actions', async () => {
    const { exitCode, response } = await request(tempDir('ao-home-'), { version: 'v1', id: 7, client: 'test', action: 'capabilities' });
    expect(exitCode).toBe(0);
    expect(response).toMatchObject({ version: 'v1', id: 7, action: 'capabilities', ok: true });
    expect(response.result.actions.map((action: { name: string }) => action.name)).toEqual([
      'capabilities', 'ls', 'status', 'events', 'events.page', 'register', 'spawn', 'send', 'approve', 'deny', 'kill', 'rm', 'prune', 'reap', 'event.attach', 'checkpoints', 'restore',
    ]);
    // Each says what it takes, as JSON Schema built from the schema its input is validated with.
    const attach = response.result.actions.find((action: { name: string }) => action.name === 'event.attach');
    expect(attach).toMatchObject({ mutates: true, input: { type: 'object', required: expect.arrayContaining(['id', 'sourceKind', 'sourceId', 'eventType']) } });
  });

  it('register, then status and ls, return the same session objects as the CLI', async () => {
    const aoHome = tempDir('ao-home-');
    const registered = await request(aoHome, { version: 'v1', id: 'r1', action: 'register', input: { agent: 'claude', cwd: tempDir('p-'), name: 'mine' } });
    expect(registered.response).toMatchObject({ ok: true, result: { harness: 'claude-code', name: 'mine', status: 'idle' } });
    const status = await request(aoHome, { version: 'v1', action: 'status', input: { id: 'mine' } });
    expect(status.response).toMatchObject({ id: null, ok: true, result: { id: registered.response.result.id } });
    const ls = await request(aoHome, { version: 'v1', action: 'ls' });
    expect(ls.response.result).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'nope{', 'invalid_request'],
    ['wrong version', { version: 'v2', action: 'ls' }, 'invalid_request'],
    ['no action', { version: 'v1' }, 'invalid_request'],
    ['unknown action', { version: 'v1', action: 'launch-missiles' }, 'unknown_action'],
    ['bad input', { version: 'v1', action: 'events', input: { limit: -1 } }, 'invalid_request'],
    ['missing session', { version: 'v1', action: 'status', input: { id: 'ghost' } }, 'not_found'],
  ])('%s → error %s', async (_name, body, code) => {
    const { exitCode, response } = await request(tempDir('ao-home-'), body);
    expect(exitCode).toBe(1);
    expect(response).toMatchObject({ version: 'v1', ok: false, error: { code, message: expect.any(String) } });
  });

  it('an endless request is cut off at 1 MiB and answered invalid_request', async () => {
    // Before the cap, ao read all of stdin into memory (600 MB in: 1.1 GB RSS) and never answered.
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += 64 * 1024;
        this.push(Buffer.alloc(64 * 1024, 0x20));
      },
    });
    const result = await runAo(tempDir('ao-home-'), ['json'], { input: endless, timeout: 30_000 });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, id: null, error: { code: 'invalid_request', message: expect.stringContaining('1 MiB') } });
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });

  it('a huge id or action is refused without being echoed back', async () => {
    const aoHome = tempDir('ao-home-');
    for (const body of [
      { version: 'v1', id: 'i'.repeat(500_000), action: 'ls' },
      { version: 'v1', id: 3, action: 'a'.repeat(500_000) },
    ]) {
      const result = await runAo(aoHome, ['json'], { input: JSON.stringify(body) });
      expect(result.exitCode).toBe(1);
      expect(result.stdout.length).toBeLessThan(1000);
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('an idempotencyKey acts once: the same request answers the first response, another request with it is refused', async () => {
    const aoHome = tempDir('ao-home-');
    const cwd = tempDir('p-');
    const register = { version: 'v1', action: 'register', idempotencyKey: 'k-1', input: { agent: 'claude-code', cwd, name: 'once' } };
    const first = await request(aoHome, register);
    expect(first.response).toMatchObject({ ok: true, result: { name: 'once' } });
    const again = await request(aoHome, { ...register, id: 'retry' });
    expect(again.response).toMatchObject({ ok: true, id: 'retry', result: first.response.result });
    expect((await request(aoHome, { version: 'v1', action: 'ls' })).response.result).toHaveLength(1);
    const other = await request(aoHome, { ...register, input: { ...register.input, name: 'twice' } });
    expect(other).toMatchObject({ exitCode: 1, response: { ok: false, error: { code: 'idempotency_key_reused' } } });
    // An error is an answer too: replayed, not retried.
    const missing = { version: 'v1', action: 'kill', idempotencyKey: 'k-2', input: { id: 'ghost' } };
    expect((await request(aoHome, missing)).response.error.code).toBe('not_found');
    expect((await request(aoHome, missing)).response.error.code).toBe('not_found');
  });

  it('event.attach, events.page, checkpoints and restore answer with the same objects as the CLI and the API', async () => {
    const aoHome = tempDir('ao-home-');
    const { response } = await request(aoHome, { version: 'v1', action: 'register', input: { agent: 'claude-code', cwd: tempDir('p-') } });
    const id = response.result.id;
    const attached = await request(aoHome, { version: 'v1', action: 'event.attach', input: { id, sourceKind: 'ci', sourceId: '17', eventType: 'ci.failed', payload: { job: 'lint' } } });
    expect(attached.response.result).toMatchObject({ sessionId: id, sourceKind: 'ci', sourceId: '17', eventType: 'ci.failed', payload: { job: 'lint' } });
    const status = await request(aoHome, { version: 'v1', action: 'status', input: { id } });
    expect(status.response.result.lastExternalEvent).toMatchObject({ seq: attached.response.result.seq, eventType: 'ci.failed' });
    const page = await request(aoHome, { version: 'v1', action: 'events.page', input: { id, limit: 1 } });
    expect(page.response.result).toMatchObject({ events: [{ type: 'lifecycle', event: 'registered' }], nextCursor: expect.any(Number) });
    const rest = await request(aoHome, { version: 'v1', action: 'events.page', input: { id, after: page.response.result.nextCursor } });
    expect(rest.response.result).toMatchObject({ events: [{ type: 'external', event: 'ci.failed', data: { sourceId: '17' } }], nextCursor: null });
    const events = await request(aoHome, { version: 'v1', action: 'events', input: { id, since: 0 } });
    expect(events.response.result).toEqual([...page.response.result.events, ...rest.response.result.events]);
    // Not a git work tree: checkpoints cannot be listed, and say why.
    expect((await request(aoHome, { version: 'v1', action: 'checkpoints', input: { id } })).response.error.code).toBe('not_a_git_repository');
    expect((await request(aoHome, { version: 'v1', action: 'restore', input: { id, n: 0 } })).response.error.code).toBe('invalid_request');
  });
});
