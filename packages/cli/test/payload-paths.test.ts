import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AO_BIN, aoJson, runAo, tempDir } from './ao-harness.js';
import { aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

/** Long enough for a slow machine, short enough that a hang fails the test instead of the run. */
const HANG = 20_000;

/** A registered Codex session whose hook payload named `transcriptPath`: working, so its transcript is watched. */
async function codexSessionNaming(aoHome: string, transcriptPath: string): Promise<string> {
  const { id } = await aoJson(aoHome, ['register', '--agent', 'codex', '--cwd', tempDir('ao-project-')]);
  const payload = { session_id: 'native-1', turn_id: 't1', transcript_path: transcriptPath, cwd: '/', hook_event_name: 'UserPromptSubmit', model: 'gpt-5', prompt: 'hi' };
  const hook = await runAo(aoHome, ['hooks', 'codex', 'user-prompt-submit', '--session', id], { input: JSON.stringify(payload) });
  expect(hook).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  return id;
}

function fifo(dir: string): string {
  const path = join(dir, 'rollout.jsonl');
  execFileSync('mkfifo', [path]);
  return path;
}

describe('a transcript path from a hook payload', () => {
  it('naming a FIFO (or a device, a directory, a symlink to a FIFO) does not hang ao ls, status or events', async () => {
    const aoHome = newHome();
    const dir = tempDir('ao-payload-');
    const pipe = fifo(dir);
    mkdirSync(join(dir, 'a-directory'));
    symlinkSync(pipe, join(dir, 'link-to-fifo'));
    const ids: string[] = [];
    for (const path of [pipe, '/dev/zero', join(dir, 'a-directory'), join(dir, 'link-to-fifo'), 'relative/rollout.jsonl']) {
      ids.push(await codexSessionNaming(aoHome, path));
    }
    // Before the fix: blocked forever in open(2) on the FIFO.
    const ls = await runAo(aoHome, ['ls', '--json'], { timeout: HANG });
    expect(ls.exitCode).toBe(0);
    const listed = JSON.parse(ls.stdout) as { id: string; activityState: string; transcriptPath: string }[];
    expect(listed.map((session) => session.id).sort()).toEqual([...ids].sort());
    for (const session of listed) expect(session.activityState).toBe('active');
    expect((await runAo(aoHome, ['status', ids[0]!, '--json'], { timeout: HANG })).exitCode).toBe(0);
    expect((await runAo(aoHome, ['events', '--json'], { timeout: HANG })).exitCode).toBe(0);
  });

  it('naming a FIFO does not wedge the daemon: it serves, and stops on SIGTERM', async () => {
    const aoHome = newHome();
    await codexSessionNaming(aoHome, fifo(tempDir('ao-payload-')));
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false, timeout: HANG });
    try {
      // Its socket appears after the boot reconcile, which used to block on the FIFO.
      await waitFor('the daemon socket', async () => existsSync(join(aoHome, 'run', 'daemon.sock')), HANG);
      expect(await aoJson(aoHome, ['ls'])).toHaveLength(1);
    } finally {
      daemon.kill('SIGTERM');
    }
    const result = await daemon;
    expect(result.timedOut).toBe(false);
  });
});

describe('ao daemon and SIGTERM', () => {
  it('stops while a client holds a connection open without sending anything', async () => {
    const aoHome = newHome();
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false, timeout: HANG });
    const socketPath = join(aoHome, 'run', 'daemon.sock');
    await waitFor('the daemon socket', async () => existsSync(socketPath), HANG);
    // A client that connected and then stopped (a suspended ao ls): before, it kept the daemon alive.
    const client = connect(socketPath);
    client.on('error', () => {});
    await new Promise((resolve) => client.once('connect', resolve));
    daemon.kill('SIGTERM');
    const result = await daemon;
    client.destroy();
    expect(result.timedOut).toBe(false);
    expect(result.signal).toBeUndefined();
    expect(existsSync(join(aoHome, 'daemon.lock'))).toBe(false);
  });
});
