import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AO_BIN, aoJson, tempDir } from './ao-harness.js';
import { startApiDaemon } from './api-harness.js';
import { aoHomesCleanedAfterEach, childrenKilledAfterEach, waitFor } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();
const adopt = childrenKilledAfterEach();

function hook(aoHome: string, id: string, prompt: string) {
  return execa(AO_BIN, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: JSON.stringify({ prompt }), env: { AO_HOME: aoHome, AO_SESSION_ID: '' } });
}

describe('ao events --follow', () => {
  it("streams from the daemon while one runs and reads the store itself once it is gone: every event once, in order", async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
    const follower = adopt(execa(AO_BIN, ['events', id, '--follow', '--json'], { env: { AO_HOME: aoHome, AO_SESSION_ID: '' }, buffer: false, reject: false }) as never);
    let out = '';
    (follower as unknown as { stdout: NodeJS.ReadableStream }).stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const prompts = () => out.split('\n').filter(Boolean).map((line) => JSON.parse(line)).filter((event) => event.event === 'user-prompt-submit').map((event) => event.data?.prompt);
    await waitFor('the first page', async () => out.includes('"registered"'));
    for (const prompt of ['one', 'two']) await hook(aoHome, id, prompt);
    await waitFor('the streamed events', async () => prompts().length === 2);

    // The daemon dies: the follower carries on from the store, without repeating or skipping.
    daemon.process.kill('SIGKILL');
    await daemon.process;
    for (const prompt of ['three', 'four']) await hook(aoHome, id, prompt);
    await waitFor('the events read after the daemon died', async () => prompts().length === 4, 20_000);
    expect(prompts()).toEqual(['one', 'two', 'three', 'four']);
    const seqs = out.split('\n').filter(Boolean).map((line) => JSON.parse(line).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual((await aoJson(aoHome, ['events', id])).map((event: { seq: number }) => event.seq));
  });
});
