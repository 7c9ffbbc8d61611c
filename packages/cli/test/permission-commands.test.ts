import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitForStatus } from './runtime-harness.js';

/** ao approve / ao deny against real PTY sessions of the demo harness (its dialog: 1 = yes, n = no). */

const newHome = aoHomesCleanedAfterEach();

/** A demo session sitting in its permission dialog. */
async function blockedSession(aoHome: string, env: Record<string, string> = {}): Promise<string> {
  const { id } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), '--no-daemon', '--prompt', 'this needs permission'], {
    env: { ...DEMO_ENV, ...env },
  });
  await waitForStatus(aoHome, id, (status) => status.activityState === 'blocked', 'the permission dialog');
  return id;
}

async function transitions(aoHome: string, id: string): Promise<string[]> {
  const events = await aoJson(aoHome, ['events', id]);
  return events.filter((event: { type: string }) => event.type === 'transition').map((event: { event: string; to: string }) => `${event.event}→${event.to}`);
}

describe('ao approve / ao deny', () => {
  it('approve answers yes: the tool runs (active), the turn ends (idle)', async () => {
    const aoHome = newHome();
    const id = await blockedSession(aoHome);
    const answered = await aoJson(aoHome, ['approve', id]);
    expect(answered).toMatchObject({ id, answered: 'approve' });
    expect(['active', 'idle']).toContain(answered.activityState);
    expect(answered.status).not.toBe('needs_input');
    await waitForStatus(aoHome, id, (status) => status.activityState === 'idle', 'the turn to end');
    expect(await transitions(aoHome, id)).toEqual(['user-prompt-submit→active', 'permission-request→blocked', 'post-tool-use→active', 'stop→idle']);
    expect((await runAo(aoHome, ['logs', id])).stdout).toContain('→ Yes');
  });

  it('deny answers no; a harness that reports the denial itself is left to report it', async () => {
    const aoHome = newHome();
    const id = await blockedSession(aoHome);
    const answered = await aoJson(aoHome, ['deny', id]);
    expect(answered).toMatchObject({ id, answered: 'deny' });
    expect(answered.activityState).not.toBe('blocked');
    await waitForStatus(aoHome, id, (status) => status.activityState === 'idle', 'the turn to end');
    expect(await transitions(aoHome, id)).toEqual(['user-prompt-submit→active', 'permission-request→blocked', 'permission-denied→active', 'stop→idle']);
    expect((await runAo(aoHome, ['logs', id])).stdout).toContain('→ No');
  });

  it('deny of a harness silent on denial (as Claude Code): ao records the answer, the session is idle, not blocked forever', async () => {
    const aoHome = newHome();
    const id = await blockedSession(aoHome, { AO_DEMO_SILENT_DENIAL: '1' });
    const answered = await aoJson(aoHome, ['deny', id]);
    expect(answered).toEqual({ id, requestId: `${id}.r1`, answered: 'deny', activityState: 'idle', status: 'idle', checkpoint: null });
    expect(await transitions(aoHome, id)).toEqual(['user-prompt-submit→active', 'permission-request→blocked', 'permission-answered→idle']);
    const events = await aoJson(aoHome, ['events', id]);
    expect(events.at(-1)).toMatchObject({ event: 'permission-answered', launchId: expect.any(String) });
    expect((await runAo(aoHome, ['logs', id])).stdout).toContain('What should Claude do instead?');
    // The agent really took the answer: it is back at its prompt and takes the next one.
    expect(await aoJson(aoHome, ['send', id, 'list the files'])).toMatchObject({ acknowledged: true });
  });

  it('an answer naming a request that is no longer open is refused (stale_request) and types nothing; the open one is answered', async () => {
    const aoHome = newHome();
    const id = await blockedSession(aoHome);
    const { openRequest } = await aoJson(aoHome, ['status', id]);
    expect(openRequest).toMatchObject({ id: `${id}.r1`, kind: 'permission', tool: 'Bash', detail: 'touch demo.txt' });
    const stale = await runAo(aoHome, ['approve', id, '--request', `${id}.r0`, '--json']);
    expect(stale.exitCode).toBe(1);
    expect(JSON.parse(stale.stdout).error).toMatchObject({ code: 'stale_request', message: expect.stringContaining(`its open request is ${id}.r1`) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: 'blocked', openRequest: { id: openRequest.id } });
    expect((await runAo(aoHome, ['logs', id])).stdout).not.toContain('→ Yes');
    expect(await aoJson(aoHome, ['approve', id, '--request', openRequest.id])).toMatchObject({ requestId: openRequest.id, answered: 'approve' });
    // Answered once: the same answer again is stale, whatever the session does next.
    expect(JSON.parse((await runAo(aoHome, ['approve', id, '--request', openRequest.id, '--json'])).stdout).error.code).toBe('stale_request');
  });

  it('is refused unless the session is blocked, naming the state it is in, and types nothing', async () => {
    const aoHome = newHome();
    const { id } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), '--no-daemon', '--prompt', 'list the files'], { env: DEMO_ENV });
    await waitForStatus(aoHome, id, (status) => status.activityState === 'idle', 'the first turn to end');
    for (const command of ['approve', 'deny']) {
      const refused = await runAo(aoHome, [command, id, '--json']);
      expect(refused.exitCode).toBe(1);
      const { error } = JSON.parse(refused.stdout);
      expect(error.code).toBe('not_blocked');
      expect(error.message).toContain('it is idle');
    }
    const human = await runAo(aoHome, ['approve', id]);
    expect(human.stderr).toMatch(/is not waiting on a permission dialog \(it is idle\), so there is nothing to approve/);
    expect((await runAo(aoHome, ['logs', id])).stdout).not.toMatch(/demo> [1n]/);
    expect((await runAo(aoHome, ['approve', 'no-such-session', '--json'])).stdout).toContain('not_found');
    expect((await runAo(aoHome, ['approve', id, '--timeout', 'soon', '--json'])).stdout).toContain('invalid_argument');
  });

  it('says so when the dialog is still open after the timeout (a hung agent), pointing at ao attach', async () => {
    const aoHome = newHome();
    const id = await blockedSession(aoHome);
    const { pid } = await aoJson(aoHome, ['status', id]);
    process.kill(pid, 'SIGSTOP');
    try {
      const result = await runAo(aoHome, ['approve', id, '--timeout', '1', '--json']);
      expect(result.exitCode).toBe(1);
      const { error } = JSON.parse(result.stdout);
      expect(error.code).toBe('not_answered');
      expect(error.message).toContain(`ao attach ${id}`);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    // The key was delivered all the same: once the agent runs again it takes it.
    await waitForStatus(aoHome, id, (status) => status.activityState === 'idle', 'the turn to end after SIGCONT');
  });
});
