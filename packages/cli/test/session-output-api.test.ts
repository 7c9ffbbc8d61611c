import { describe, expect, it } from 'vitest';
import { aoJson, tempDir } from './ao-harness.js';
import { api, startApiDaemon, type RunningDaemon } from './api-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/** An SSE connection read event by event, as a browser's EventSource would. */
function openSse(daemon: RunningDaemon, path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  let ended = false;
  const done = (async () => {
    const response = await fetch(`${daemon.url}${path}`, { headers: { authorization: `Bearer ${daemon.token}`, ...headers }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done: finished, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (finished) break;
      buffer += value;
      let split: number;
      while ((split = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const field = (name: string) => block.split('\n').filter((line) => line.startsWith(`${name}: `)).map((line) => line.slice(name.length + 2));
        if (field('data').length > 0) events.push({ event: field('event')[0] ?? 'message', id: field('id')[0], data: field('data').join('\n') });
      }
    }
    ended = true;
  })();
  const text = () => events.filter((e) => e.event === 'output').map((e) => Buffer.from(JSON.parse(e.data).base64, 'base64').toString()).join('');
  return { events, text, ended: () => ended, close: () => controller.abort(), done };
}

describe('terminal output over HTTP: GET /v1/sessions/{id}/output and its SSE stream', () => {
  it('streams what the agent prints as it prints it, resumes after Last-Event-ID without repeating, and ends with the session', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, DEMO_ENV);
    const { body: session } = await api(daemon, 'POST', '/v1/sessions', { agent: 'demo', cwd: tempDir('p-') });
    const id: string = session.id;

    const stream = openSse(daemon, `/v1/sessions/${id}/output/stream`);
    await waitFor('the demo banner on the stream', async () => stream.text().includes('demo>'));
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'list the files' });
    // The tool turn's lines arrive while the session runs: no reload, no polling by the client.
    await waitFor('the tool call on the stream', async () => stream.text().includes('Bash(ls)') && stream.text().includes('There are three entries'));
    expect(stream.ended()).toBe(false);

    // The JSON route holds the same bytes (what `ao logs --json` prints), once the stream has caught
    // up with what the agent printed last (its prompt may land between the two reads).
    const { status, body } = await waitFor('the stream to hold what the output route holds', async () => {
      const answer = await api(daemon, 'GET', `/v1/sessions/${id}/output`);
      return stream.text() === answer.body.output ? answer : undefined;
    });
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect(body.output).toContain('Bash(ls)');

    // A client that reconnects with the last id it saw gets only what came after.
    const lastId = stream.events.filter((e) => e.event === 'output').at(-1)!.id!;
    stream.close();
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'and again' });
    const resumed = openSse(daemon, `/v1/sessions/${id}/output/stream`, { 'last-event-id': lastId });
    await waitFor('the second turn on the resumed stream', async () => resumed.text().includes('and again') && resumed.text().split('There are three entries').length === 2);
    expect(resumed.text()).not.toContain('list the files');
    expect(body.output + resumed.text()).toBe((await api(daemon, 'GET', `/v1/sessions/${id}/output`)).body.output);

    // The session ends: the stream says so and closes.
    await api(daemon, 'POST', `/v1/sessions/${id}/kill`, { graceSeconds: 1 });
    await waitFor('the end event', async () => resumed.ended());
    expect(resumed.events.at(-1)).toMatchObject({ event: 'end' });
    // A stream opened on an ended session gives what it printed, then ends at once.
    const after = openSse(daemon, `/v1/sessions/${id}/output/stream`);
    await after.done;
    expect(after.events.at(-1)?.event).toBe('end');
    expect(after.text()).toContain('Bash(ls)');
  });

  it('an unknown session is 404; a session ao did not start has no output', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    expect(await api(daemon, 'GET', '/v1/sessions/ghost/output')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await api(daemon, 'GET', '/v1/sessions/ghost/output/stream')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const adopted = await aoJson<{ id: string }>(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
    expect(await api(daemon, 'GET', `/v1/sessions/${adopted.id}/output`)).toMatchObject({ status: 200, body: { id: adopted.id, output: '' } });
  });
});
