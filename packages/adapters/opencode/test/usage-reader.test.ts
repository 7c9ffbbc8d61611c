import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeAo, tempDir } from '@ao/adapter-kit/conformance';
import { readOpenCodeUsage, shippedPluginPath } from '../src/index.js';

/**
 * OpenCode's usage travels through ao's plugin: run the shipped plugin in its own Node process as
 * OpenCode does, feed it bus events, and read what the fake ao received.
 */
const DRIVER = `
const { AoPlugin } = await import(process.argv[2]);
const hooks = await AoPlugin({ directory: process.cwd() }, { aoCommand: process.argv[4], launchedByAo: true });
for (const event of JSON.parse(process.argv[3])) await hooks.event({ event });
`;

function runPlugin(events: unknown[]): Array<{ type: string; payload: Record<string, unknown> }> {
  const ao = fakeAo();
  const dir = tempDir();
  writeFileSync(join(dir, 'driver.mjs'), DRIVER);
  const result = spawnSync(process.execPath, [join(dir, 'driver.mjs'), shippedPluginPath(), JSON.stringify(events), ao.aoCommand], {
    env: { ...process.env, AO_FAKE_LOG: ao.log, AO_SESSION_ID: 'ao-1' },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return ao.calls().map((call) => ({ type: call.argv[2] as string, payload: JSON.parse(call.stdin) as Record<string, unknown> }));
}

const SID = 'ses_1';
/**
 * An assistant message as OpenCode 1.18.33 publishes it on `message.updated` (its message schema:
 * `cost`, `tokens: {input, output, reasoning, cache: {read, write}}`, `modelID`; `input` is the
 * uncached input, `output` excludes `reasoning`). Several updates per message, the last one final.
 */
const assistant = (id: string, tokens: { input: number; output: number; reasoning: number; read: number; write: number }, cost: number, sessionID = SID) => ({
  type: 'message.updated',
  properties: {
    sessionID,
    info: {
      id,
      sessionID,
      role: 'assistant',
      modelID: 'mock-model',
      providerID: 'mock',
      cost,
      tokens: { input: tokens.input, output: tokens.output, reasoning: tokens.reasoning, cache: { read: tokens.read, write: tokens.write } },
    },
  },
});
const idle = { type: 'session.idle', properties: { sessionID: SID } };
const statusIdle = { type: 'session.status', properties: { sessionID: SID, status: { type: 'idle' } } };

describe('OpenCode usage through ao\'s plugin', () => {
  it('sums each assistant message once (its last update), and reports the totals with the turn end', () => {
    const calls = runPlugin([
      { type: 'message.updated', properties: { sessionID: SID, info: { id: 'u1', sessionID: SID, role: 'user' } } },
      assistant('m1', { input: 0, output: 0, reasoning: 0, read: 0, write: 0 }, 0),
      assistant('m1', { input: 1234, output: 50, reasoning: 6, read: 7, write: 0 }, 0.004),
      assistant('m2', { input: 1000, output: 56, reasoning: 0, read: 7, write: 234 }, 0.001),
      // Another (sub)session's message is not this session's spend.
      assistant('x1', { input: 99, output: 99, reasoning: 0, read: 99, write: 0 }, 9, 'ses_child'),
      statusIdle,
      idle,
    ]);
    const ends = calls.filter((call) => call.type === 'session.idle' || call.type === 'session.status');
    expect(ends).toHaveLength(2);
    for (const end of ends) {
      expect(readOpenCodeUsage({ transcriptPath: null, facts: {}, payload: end.payload })).toEqual({
        model: 'mock-model',
        inputTokens: 1234 + 1000 + 234,
        outputTokens: 56 + 56,
        cacheReadTokens: 14,
        costUsd: expect.closeTo(0.005, 12),
      });
    }
  });

  it('reports nothing before any assistant message, and message updates start no ao process', () => {
    const calls = runPlugin([assistant('m1', { input: 1, output: 1, reasoning: 0, read: 0, write: 0 }, 0, 'ses_other'), idle]);
    expect(calls.map((call) => call.type)).toEqual(['plugin.init', 'session.idle']);
    expect(readOpenCodeUsage({ transcriptPath: null, facts: {}, payload: calls[1]!.payload })).toBeNull();
  });

  it('ignores a payload whose usage is not counts', () => {
    for (const aoUsage of [null, 'x', { inputTokens: -1, outputTokens: 0, cacheReadTokens: 0 }, { inputTokens: 1, outputTokens: '2', cacheReadTokens: 0 }]) {
      expect(readOpenCodeUsage({ transcriptPath: null, facts: {}, payload: { aoUsage } })).toBeNull();
    }
    expect(readOpenCodeUsage({ transcriptPath: null, facts: {}, payload: { aoUsage: { model: 5, inputTokens: 1, outputTokens: 2, cacheReadTokens: 3, costUsd: Number.NaN } } })).toEqual({
      model: null,
      inputTokens: 1,
      outputTokens: 2,
      cacheReadTokens: 3,
    });
  });
});
