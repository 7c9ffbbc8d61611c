import { execa } from 'execa';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AO_BIN, aoJson, tempDir } from './ao-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, isAlive, waitFor, waitForStatus } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

/** The pid in the daemon's lock file, or 0 while there is none yet. */
function daemonPid(aoHome: string): number {
  try {
    return (JSON.parse(readFileSync(join(aoHome, 'daemon.lock'), 'utf8')) as { pid: number }).pid;
  } catch {
    return 0;
  }
}

describe('ao daemon', () => {
  it('spawn starts it; killing the session host is seen by its reaper without any ao command', async () => {
    const aoHome = newHome();
    const { id, pid, hostPid } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('p-')], { env: DEMO_ENV });
    await waitFor('the daemon', async () => isAlive(daemonPid(aoHome)));
    await waitForStatus(aoHome, id, (status) => status.lastSignalAt !== null, 'the first hook');
    process.kill(hostPid, 'SIGKILL');
    // The PTY closes with its host, so the agent gets SIGHUP and dies; nobody writes an exit record.
    await waitFor('the agent to die', async () => !isAlive(pid));
    const store = await import('@ao/lifecycle');
    const reaped = await waitFor(
      'the daemon to reap the session',
      async () => {
        const db = store.Store.open(store.aoPaths(aoHome).database); // read without ingesting or reaping
        const session = db.getSession(id);
        db.close();
        return session?.terminated ? session : undefined;
      },
      10_000,
    );
    expect(reaped).toMatchObject({ activityState: 'exited', terminatedReason: 'process-dead' });
  });

  it('serves ao ls when it runs, always as fresh as the store itself', async () => {
    const aoHome = newHome();
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false });
    try {
      await waitFor('the daemon socket', async () => existsSync(join(aoHome, 'run', 'daemon.sock')));
      const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
      const direct = () => aoJson(aoHome, ['ls'], { env: { AO_NO_DAEMON_READS: '1' } });
      const viaDaemon = () => aoJson(aoHome, ['ls']);
      expect(await viaDaemon()).toEqual(await direct());
      // A hook lands in the spool: the daemon's answer includes it.
      await execa(AO_BIN, ['hooks', 'claude-code', 'permission-request', '--session', id], { input: '{"tool_name":"Bash"}', env: { AO_HOME: aoHome } });
      expect((await viaDaemon())[0]).toMatchObject({ id, activityState: 'blocked', status: 'needs_input' });
      // Another process writes the store (ao kill ingests and marks it in its own connection): the daemon's answer follows.
      await execa(AO_BIN, ['hooks', 'claude-code', 'stop', '--session', id], { input: '{}', env: { AO_HOME: aoHome } });
      await aoJson(aoHome, ['kill', id]);
      expect(await viaDaemon()).toEqual([]);
      expect((await aoJson(aoHome, ['ls', '--all']))[0]).toMatchObject({ id, activityState: 'exited', status: 'terminated' });
      expect(await aoJson(aoHome, ['ls', '--all'])).toEqual(await aoJson(aoHome, ['ls', '--all'], { env: { AO_NO_DAEMON_READS: '1' } }));
    } finally {
      daemon.kill('SIGTERM');
      await daemon;
    }
  });

  it('kill -9 of the daemon leaves agents running; a restarted daemon reconciles', async () => {
    const aoHome = newHome();
    const keep = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('p-'), '--name', 'keep'], { env: DEMO_ENV });
    const doomed = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', tempDir('p-'), '--name', 'doomed'], { env: DEMO_ENV });
    await waitFor('the daemon', async () => isAlive(daemonPid(aoHome)));
    const firstDaemon = daemonPid(aoHome);
    process.kill(firstDaemon, 'SIGKILL');
    await waitFor('the daemon to die', async () => !isAlive(firstDaemon));
    expect([keep.pid, keep.hostPid, doomed.pid, doomed.hostPid].every(isAlive)).toBe(true);

    // While no daemon runs, one agent and its host die.
    process.kill(doomed.hostPid, 'SIGKILL');
    await waitFor('the doomed agent to die', async () => !isAlive(doomed.pid));

    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false });
    try {
      await waitFor('the new daemon to take the lock', async () => daemonPid(aoHome) === daemon.pid);
      const store = await import('@ao/lifecycle');
      await waitFor('boot reconcile', async () => {
        const db = store.Store.open(store.aoPaths(aoHome).database);
        const done = db.getSession(doomed.id)?.terminated;
        db.close();
        return done;
      });
      expect(await aoJson(aoHome, ['status', 'keep'])).toMatchObject({ terminated: false });
      expect(isAlive(keep.pid)).toBe(true);
    } finally {
      daemon.kill('SIGTERM');
      await daemon;
    }
  });

  it('a served answer ages like a fresh read: working turns stale once the threshold passes', async () => {
    const aoHome = newHome();
    // Long enough for the first read to come before it on a busy machine, short enough to wait for.
    const env = { AO_HOME: aoHome, AO_STALE_AFTER_SECONDS: '4' };
    const daemon = execa(AO_BIN, ['daemon'], { env, reject: false });
    try {
      await waitFor('the daemon socket', async () => existsSync(join(aoHome, 'run', 'daemon.sock')));
      const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('p-')]);
      await execa(AO_BIN, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: '{"prompt":"go"}', env: { AO_HOME: aoHome } });
      expect((await aoJson(aoHome, ['ls'], { env }))[0]).toMatchObject({ id, status: 'working' });
      // Nothing changes in the store: only time. The daemon must not keep serving "working".
      await waitFor('the served status to turn stale', async () => (await aoJson(aoHome, ['ls'], { env }))[0].status === 'stale');
      expect(await aoJson(aoHome, ['ls'], { env })).toEqual(await aoJson(aoHome, ['ls'], { env: { ...env, AO_NO_DAEMON_READS: '1' } }));
    } finally {
      daemon.kill('SIGTERM');
      await daemon;
    }
  });
});
