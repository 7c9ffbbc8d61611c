import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { Store, aoPaths } from '@ao/lifecycle';
import { aoJson, runAo, tempDir } from './ao-harness.js';

function startAgentProcess(): ChildProcess {
  // A real process standing in for the agent: only its life and death matter here.
  return spawn('sleep', ['600'], { stdio: 'ignore' });
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

async function hook(aoHome: string, sessionId: string, event: string, payload: object) {
  const result = await runAo(aoHome, ['hooks', 'claude-code', event, '--session', sessionId], { input: JSON.stringify(payload) });
  expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
}

describe('the reaper and sticky states (the seed bug, as a regression)', () => {
  const stickyCases = [
    {
      state: 'blocked',
      reason: 'permission',
      drive: async (aoHome: string, id: string) => {
        await hook(aoHome, id, 'user-prompt-submit', { prompt: 'run it' });
        await hook(aoHome, id, 'pre-tool-use', { tool_name: 'Bash', tool_use_id: 'toolu_1', tool_input: { command: 'touch x' } });
        await hook(aoHome, id, 'permission-request', { tool_name: 'Bash', tool_input: { command: 'touch x' } });
      },
    },
    {
      state: 'waiting_input',
      reason: 'question',
      drive: async (aoHome: string, id: string) => {
        await hook(aoHome, id, 'user-prompt-submit', { prompt: 'ask me' });
        await hook(aoHome, id, 'elicitation', { mcp_server_name: 'srv', message: 'Which branch?' });
      },
    },
  ] as const;

  for (const sticky of stickyCases) {
    it(`a session sitting in ${sticky.state} whose process dies is reaped: exited and terminated`, async () => {
      const aoHome = tempDir('ao-home-');
      const agent = startAgentProcess();
      try {
        const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-'), '--pid', String(agent.pid)]);
        await sticky.drive(aoHome, id);
        expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: sticky.state, status: 'needs_input', needsInputReason: sticky.reason });

        // Alive: the reaper leaves it alone.
        expect((await aoJson(aoHome, ['reap'])).reaped).toEqual([]);
        expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: sticky.state, terminated: false });

        await kill(agent);
        const report = await aoJson(aoHome, ['reap']);
        expect(report.reaped).toEqual([{ id, from: sticky.state }]);
        expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: 'exited', status: 'terminated', terminated: true, needsInputReason: null });
        const events = await aoJson(aoHome, ['events', id]);
        expect(events.at(-2)).toMatchObject({ type: 'transition', from: sticky.state, to: 'exited' });
        expect(events.at(-1)).toMatchObject({ type: 'lifecycle', event: 'terminated' });
        expect(await aoJson(aoHome, ['ls'])).toEqual([]);
      } finally {
        if (agent.exitCode === null && agent.signalCode === null) await kill(agent);
      }
    });
  }

  it('a pid that exists but whose start time differs (a reused pid) counts as dead', async () => {
    const aoHome = tempDir('ao-home-');
    const agent = startAgentProcess();
    try {
      const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-'), '--pid', String(agent.pid)]);
      await hook(aoHome, id, 'user-prompt-submit', { prompt: 'go' });
      // The recorded identity is of an earlier process that had this pid.
      const store = Store.open(aoPaths(aoHome).database);
      const session = store.getSession(id);
      store.saveSession({ ...session!, pidStartTime: 'linux:1' });
      store.close();
      expect((await aoJson(aoHome, ['reap'])).reaped).toEqual([{ id, from: 'active' }]);
      expect(agent.exitCode).toBeNull(); // the process with that pid is alive and untouched
    } finally {
      await kill(agent);
    }
  });

  it('a failed probe never writes', async () => {
    const aoHome = tempDir('ao-home-');
    const store = Store.open(aoPaths(aoHome).database);
    const { createSession, reapOnce } = await import('@ao/lifecycle');
    const session = createSession(store, { harness: 'claude-code', cwd: aoHome, pid: 4242, pidStartTime: 'linux:5', expectsStartupSignal: true, now: Date.now() });
    const before = store.listEvents().length;
    const report = await reapOnce({ store, probe: () => 'failed', confirmDelayMs: 0 });
    expect(report).toMatchObject({ probed: 1, failed: 1, reaped: [] });
    expect(store.getSession(session.id)).toEqual(session);
    expect(store.listEvents()).toHaveLength(before);
    store.close();
  });
});
