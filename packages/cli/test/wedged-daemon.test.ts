import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { readProcessStartTime } from '@ao/lifecycle';
import { describe, expect, it } from 'vitest';
import { AO_BIN, aoJson, runAo, tempDir } from './ao-harness.js';
import { aoHomesCleanedAfterEach, childrenKilledAfterEach, waitFor } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();
const track = childrenKilledAfterEach();

function startChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { stdio: 'ignore', env });
  track(child);
  return child;
}

async function hook(aoHome: string, id: string, event: string, payload: object) {
  const result = await runAo(aoHome, ['hooks', 'claude-code', event, '--session', id], { input: JSON.stringify(payload) });
  expect(result.exitCode).toBe(0);
}

async function daemonCheck(aoHome: string) {
  const result = await runAo(aoHome, ['doctor', '--json', '--cwd', tempDir('ao-project-')]);
  return (JSON.parse(result.stdout).checks as { name: string; status: string; message: string }[]).find((check) => check.name === 'daemon');
}

describe('ao ls past a daemon that cannot answer', () => {
  it('a stopped daemon (SIGSTOP): reads go to the store, confirm deaths, and doctor says so', async () => {
    const aoHome = newHome();
    const daemon = execa(AO_BIN, ['daemon'], { env: { AO_HOME: aoHome }, reject: false });
    try {
      await waitFor('the daemon socket', async () => existsSync(join(aoHome, 'run', 'daemon.sock')));
      const agent = startChild('sleep', ['600']);
      const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-'), '--pid', String(agent.pid)]);
      await hook(aoHome, id, 'user-prompt-submit', { prompt: 'go' });
      expect((await aoJson(aoHome, ['ls']))[0]).toMatchObject({ id, status: 'working' });

      process.kill(daemon.pid!, 'SIGSTOP');
      // A signal the stopped daemon cannot ingest: the read applies it itself.
      await hook(aoHome, id, 'permission-request', { tool_name: 'Bash' });
      expect(await aoJson(aoHome, ['ls'])).toEqual([expect.objectContaining({ id, activityState: 'blocked', status: 'needs_input' })]);
      // The agent dies while the daemon is stopped: nothing reaps but the read itself.
      const exited = once(agent, 'exit');
      agent.kill('SIGKILL');
      await exited;
      expect(await aoJson(aoHome, ['ls'])).toEqual([]);
      expect((await aoJson(aoHome, ['ls', '--all']))[0]).toMatchObject({ id, activityState: 'exited', status: 'terminated' });
      expect(await daemonCheck(aoHome)).toMatchObject({ status: 'warn', message: expect.stringContaining('stopped') });
    } finally {
      process.kill(daemon.pid!, 'SIGKILL');
      await daemon;
    }
  });

  it('a daemon that accepts but never answers: ls reads the store, and doctor calls it wedged', async () => {
    const aoHome = newHome();
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
    await hook(aoHome, id, 'permission-request', { tool_name: 'Bash' });
    // A process holding the daemon lock and socket whose event loop is stuck: connections queue, nothing answers.
    const socket = join(aoHome, 'run', 'daemon.sock');
    mkdirSync(join(aoHome, 'run'), { recursive: true });
    const stuck = startChild(process.execPath, ['-e', `require('net').createServer(() => {}).listen(${JSON.stringify(socket)}, () => { for (;;) {} })`]);
    await waitFor('the stuck socket', async () => existsSync(socket));
    writeFileSync(join(aoHome, 'daemon.lock'), JSON.stringify({ pid: stuck.pid, startTime: readProcessStartTime(stuck.pid!), startedAt: Date.now() }));
    for (let read = 0; read < 2; read++) {
      expect(await aoJson(aoHome, ['ls'])).toEqual([expect.objectContaining({ id, activityState: 'blocked', status: 'needs_input' })]);
    }
    expect(await daemonCheck(aoHome)).toMatchObject({ status: 'warn', message: expect.stringContaining('wedged') });
  });
});
