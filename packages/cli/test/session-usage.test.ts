import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { api, startApiDaemon } from './api-harness.js';
import { aoHomesCleanedAfterEach } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

/** A transcript the real Claude Code wrote in e2e (two responses of the mock model, 1234 in / 7 cached / 56 out each). */
const RECORDED = fileURLToPath(new URL('../../adapters/claude-code/fixtures/transcripts/e2e-tool-allowed.jsonl', import.meta.url));

describe("a session's usage at every door", () => {
  it('is null until a turn ends, then what the transcript says, in ao status, ao ls (JSON and table), ao json and HTTP; a later turn adds to it', async () => {
    const aoHome = newHome();
    const transcript = join(tempDir('ao-usage-'), 'session.jsonl');
    copyFileSync(RECORDED, transcript);
    const daemon = await startApiDaemon(aoHome);
    const { id } = await aoJson<{ id: string }>(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
    const hook = async (event: string) => {
      const payload = { session_id: 'native-1', transcript_path: transcript, cwd: '/', hook_event_name: event, prompt: 'hi' };
      expect(await runAo(aoHome, ['hooks', 'claude-code', event, '--session', id], { input: JSON.stringify(payload) })).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    };
    const everyDoor = async () => {
      const status = (await aoJson<any>(aoHome, ['status', id])).usage;
      const ls = (await aoJson<any[]>(aoHome, ['ls']))[0].usage;
      const json = JSON.parse((await runAo(aoHome, ['json'], { input: JSON.stringify({ version: 'v1', action: 'status', input: { id } }) })).stdout).result.usage;
      const http = (await api(daemon, 'GET', '/v1/sessions')).body.sessions[0].usage;
      const one = (await api(daemon, 'GET', `/v1/sessions/${id}`)).body.usage;
      return [status, ls, json, http, one];
    };

    await hook('UserPromptSubmit');
    expect(await everyDoor()).toEqual([null, null, null, null, null]);
    expect((await runAo(aoHome, ['ls'])).stdout).toMatch(/USAGE +CWD\n.* - +\//);

    await hook('Stop');
    const two = { model: 'claude-opus-5-5', inputTokens: 2468, outputTokens: 112, cacheReadTokens: 14 };
    expect(await everyDoor()).toEqual([two, two, two, two, two]);
    expect((await runAo(aoHome, ['ls'])).stdout).toMatch(/ 2\.5k tok +\//);

    // The next turn: one more response in the transcript.
    const reply = readFileSync(RECORDED, 'utf8').split('\n').filter((line) => line.includes('"type":"assistant"')).at(-1)!;
    appendFileSync(transcript, `${reply.replaceAll('msg_mock_', 'msg_later_')}\n`);
    await hook('UserPromptSubmit');
    await hook('Stop');
    const three = { model: 'claude-opus-5-5', inputTokens: 3702, outputTokens: 168, cacheReadTokens: 21 };
    expect(await everyDoor()).toEqual([three, three, three, three, three]);
  });
});
