import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, isAlive, waitFor, waitForStatus } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

async function spawnDemo(aoHome: string, extra: string[] = []) {
  return aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('ao-project-'), '--no-daemon', ...extra], { env: DEMO_ENV });
}

async function transitions(aoHome: string, id: string): Promise<string[]> {
  const events = await aoJson(aoHome, ['events', id]);
  return events.filter((event: { type: string }) => event.type === 'transition').map((event: { event: string; to: string }) => `${event.event}→${event.to}`);
}

describe('ao spawn of the demo harness in a real PTY', () => {
  it('starts it under a session host and watches its states advance', async () => {
    const aoHome = newHome();
    const spawned = await spawnDemo(aoHome, ['--prompt', 'list the files', '--name', 'demo-a']);
    expect(spawned).toMatchObject({ harness: 'demo', name: 'demo-a', terminated: false });
    expect(isAlive(spawned.pid)).toBe(true);
    expect(isAlive(spawned.hostPid)).toBe(true);
    await waitForStatus(aoHome, spawned.id, (status) => status.activityState === 'idle', 'the first turn to end');
    expect(await transitions(aoHome, spawned.id)).toEqual(['user-prompt-submit→active', 'stop→idle']);
    const events = await aoJson(aoHome, ['events', spawned.id]);
    expect(events.map((event: { event: string }) => event.event)).toEqual(
      expect.arrayContaining(['spawned', 'session-start', 'user-prompt-submit', 'pre-tool-use', 'post-tool-use', 'stop']),
    );
    for (const event of events.filter((e: { type: string }) => e.type !== 'lifecycle')) expect(event.launchId).toBe(spawned.launchId);
  });

  it('send is delivered, submitted and acknowledged; refused while a permission dialog is open', async () => {
    const aoHome = newHome();
    const { id } = await spawnDemo(aoHome);
    const sent = await aoJson(aoHome, ['send', id, 'please run the tests']);
    expect(sent).toMatchObject({ id, delivered: true, acknowledged: true });
    // The host saw the agent's prompt before typing (it used to miss it and wait out its 30 s deadline).
    expect(readFileSync(join(aoHome, 'logs', 'ao.log'), 'utf8')).not.toContain('without having seen its input prompt');
    await waitForStatus(aoHome, id, (status) => status.activityState === 'idle', 'the turn to end');

    await aoJson(aoHome, ['send', id, 'this needs permission']);
    await waitForStatus(aoHome, id, (status) => status.status === 'needs_input' && status.needsInputReason === 'permission', 'the permission dialog');
    const refused = await runAo(aoHome, ['send', id, 'hello', '--json']);
    expect(refused.exitCode).toBe(1);
    expect(JSON.parse(refused.stdout).error.code).toBe('session_blocked');
    const logs = await runAo(aoHome, ['logs', id]);
    expect(logs.stdout).toContain('please run the tests');
  });

  it('send that answers an open question is acknowledged by the session leaving waiting_input', async () => {
    const aoHome = newHome();
    const { id } = await spawnDemo(aoHome, ['--prompt', 'ask me a question?']);
    await waitForStatus(aoHome, id, (status) => status.needsInputReason === 'question', 'the question');
    expect(await aoJson(aoHome, ['send', id, 'main'])).toMatchObject({ id, delivered: true, acknowledged: true });
    await waitForStatus(aoHome, id, (status) => status.activityState === 'idle', 'the turn to end');
    expect(await transitions(aoHome, id)).toEqual(['user-prompt-submit→active', 'elicitation→waiting_input', 'elicitation-result→active', 'stop→idle']);
  });

  it('kill ends it, marks it terminated and keeps the record', async () => {
    const aoHome = newHome();
    const { id, pid, hostPid } = await spawnDemo(aoHome);
    await waitForStatus(aoHome, id, (status) => status.lastSignalAt !== null, 'the first hook');
    expect(await aoJson(aoHome, ['kill', id])).toEqual({ id, stopped: true, terminated: true });
    expect(isAlive(pid)).toBe(false);
    await waitFor('the host to exit', async () => !isAlive(hostPid));
    expect(await aoJson(aoHome, ['ls'])).toEqual([]);
    expect(await aoJson(aoHome, ['status', id])).toMatchObject({ status: 'terminated', activityState: 'exited', terminatedReason: 'killed' });
  });

  it('kill -9 of the harness is seen through the host: exited, then terminated by the next read', async () => {
    const aoHome = newHome();
    const { id, pid, hostPid } = await spawnDemo(aoHome);
    await waitForStatus(aoHome, id, (status) => status.lastSignalAt !== null, 'the first hook');
    process.kill(pid, 'SIGKILL');
    // No daemon here: the host's own exit record makes it exited (the agent's pid alone would
    // need a confirming probe).
    await waitForStatus(aoHome, id, (status) => status.activityState === 'exited', 'the host to report the exit');
    const events = await aoJson(aoHome, ['events', id]);
    expect(events.find((event: { event: string }) => event.event === 'process-exited')).toMatchObject({ type: 'transition', to: 'exited', data: { reason: 'signal SIGKILL' } });
    // Once the host is gone too, the next read confirms the death itself (one probe: the host recorded the exit).
    await waitFor('the host to exit', async () => !isAlive(hostPid));
    expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: 'exited', terminated: true, terminatedReason: 'process-dead' });
    expect((await aoJson(aoHome, ['events', id])).at(-1)).toMatchObject({ type: 'lifecycle', event: 'terminated' });
  });

  it('a session sitting in blocked when its process dies ends exited and terminated', async () => {
    const aoHome = newHome();
    const { id, pid } = await spawnDemo(aoHome, ['--prompt', 'this needs permission']);
    await waitForStatus(aoHome, id, (status) => status.activityState === 'blocked', 'the permission dialog');
    process.kill(pid, 'SIGKILL');
    await waitForStatus(aoHome, id, (status) => status.activityState === 'exited', 'exited');
    await waitFor('the reaper to terminate it', async () => (await aoJson(aoHome, ['reap'])).reaped.length === 1 || (await aoJson(aoHome, ['status', id])).terminated);
    expect(await aoJson(aoHome, ['status', id])).toMatchObject({ status: 'terminated', needsInputReason: null });
    expect(await transitions(aoHome, id)).toEqual(['user-prompt-submit→active', 'permission-request→blocked', 'process-exited→exited']);
  });

  it('--dry-run prints the argv, environment and files, and writes nothing', async () => {
    const aoHome = newHome();
    const project = tempDir('ao-project-');
    const plan = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', project, '--prompt', 'hi there', '--dry-run']);
    expect(plan.dryRun).toBe(true);
    expect(plan.argv.at(-1)).toBe('hi there');
    expect(plan.env).toMatchObject({ AO_SESSION_ID: expect.any(String), AO_LAUNCH_ID: expect.any(String), AO_HOME: aoHome });
    expect(existsSync(join(aoHome, 'sessions'))).toBe(false);
    expect(readdirSync(project)).toEqual([]);
    expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
  });

  it('a missing harness binary writes nothing and names the binary', async () => {
    const aoHome = newHome();
    const project = tempDir('ao-project-');
    const result = await runAo(aoHome, ['spawn', '--agent', 'codex', '--cwd', project, '--json'], { env: { PATH: '/usr/bin:/bin' } });
    expect(result.exitCode).toBe(1);
    const error = JSON.parse(result.stdout).error;
    expect(error.code).toBe('binary_not_found');
    expect(error.message).toContain('"codex"');
    expect(readdirSync(aoHome).filter((name) => name !== 'ao.db' && !name.startsWith('ao.db-'))).toEqual([]);
    expect(await aoJson(aoHome, ['ls', '--all'])).toEqual([]);
    expect(readdirSync(project)).toEqual([]);
  });
});
