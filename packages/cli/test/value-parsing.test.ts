import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { childrenKilledAfterEach, isAlive } from './runtime-harness.js';

/** Counts, cursors and durations: a bad value is an invalid_argument error, never a default or a SQLite error. */
describe('numbers given to ao', () => {
  const track = childrenKilledAfterEach();

  /** A registered session whose "agent" is a real, live process. */
  async function liveSession(aoHome: string) {
    const agent = spawn('sleep', ['600'], { stdio: 'ignore' });
    track(agent);
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-'), '--pid', String(agent.pid)]);
    return { id, agent };
  }

  async function expectInvalid(aoHome: string, args: string[], mentions: string, env: Record<string, string> = {}) {
    const result = await runAo(aoHome, [...args, '--json'], { env });
    expect(result.exitCode).toBe(2);
    const { error } = JSON.parse(result.stdout);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain(mentions);
    return error.message as string;
  }

  it('a count beyond a safe integer is invalid_argument, not a SQLite datatype mismatch', async () => {
    const aoHome = tempDir('ao-home-');
    await liveSession(aoHome);
    await expectInvalid(aoHome, ['events', '--limit', '100000000000000000000000'], '--limit');
    await expectInvalid(aoHome, ['events', '--since', '100000000000000000000000'], '--since');
    await expectInvalid(aoHome, ['events', '--limit', '2.5'], '--limit');
    await expectInvalid(aoHome, ['register', '--agent', 'codex', '--cwd', tempDir('p-'), '--pid', '100000000000000000000'], '--pid');
    // The largest safe values still work.
    expect(await aoJson(aoHome, ['events', '--since', String(Number.MAX_SAFE_INTEGER), '--limit', String(Number.MAX_SAFE_INTEGER)])).toEqual([]);
  });

  it('a malformed --grace stops ao kill before it signals anything', async () => {
    const aoHome = tempDir('ao-home-');
    const { id, agent } = await liveSession(aoHome);
    await expectInvalid(aoHome, ['kill', id, '--grace', 'soon'], '--grace');
    await expectInvalid(aoHome, ['kill', id, '--grace', '99999999999'], '--grace');
    expect(isAlive(agent.pid)).toBe(true);
    expect(await aoJson(aoHome, ['status', id])).toMatchObject({ terminated: false });
  });

  it('a malformed --timeout is an error for send, approve and deny', async () => {
    const aoHome = tempDir('ao-home-');
    const { id } = await liveSession(aoHome);
    await expectInvalid(aoHome, ['send', id, 'hello', '--timeout', '10s'], '--timeout');
    await expectInvalid(aoHome, ['approve', id, '--timeout', '-1'], '--timeout');
    await expectInvalid(aoHome, ['deny', id, '--timeout', ''], '--timeout');
  });

  it('a malformed display threshold in the environment is an error, not silently the default', async () => {
    const aoHome = tempDir('ao-home-');
    await liveSession(aoHome);
    const message = await expectInvalid(aoHome, ['ls'], 'AO_STALE_AFTER_SECONDS', { AO_STALE_AFTER_SECONDS: 'ten' });
    expect(message).toContain('"ten"');
    await expectInvalid(aoHome, ['status', 'x'], 'AO_NO_SIGNAL_AFTER_SECONDS', { AO_NO_SIGNAL_AFTER_SECONDS: '1e3' });
    // A bad setting fails register before it writes a session.
    await expectInvalid(aoHome, ['register', '--agent', 'codex', '--cwd', tempDir('p-')], 'AO_STALE_AFTER_SECONDS', { AO_STALE_AFTER_SECONDS: 'x' });
    expect(await aoJson(aoHome, ['ls'], { env: { AO_STALE_AFTER_SECONDS: '' } })).toHaveLength(1);
  });

  it('an error echoes at most a short part of a huge value', async () => {
    const aoHome = tempDir('ao-home-');
    const message = await expectInvalid(aoHome, ['events', '--limit', '9'.repeat(100_000)], '--limit');
    expect(message.length).toBeLessThan(200);
  });
});
