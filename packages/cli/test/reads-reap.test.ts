import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Store, aoPaths } from '@ao/lifecycle';
import { afterEach, describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';

/** Real processes standing in for adopted agents: only their life and death matter here. */
const agents: ChildProcess[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) if (agent.exitCode === null && agent.signalCode === null) await kill(agent);
});

async function kill(agent: ChildProcess): Promise<void> {
  const exited = once(agent, 'exit');
  agent.kill('SIGKILL');
  await exited;
}

/** `ao register --pid` of a live process, then a prompt: the session reads `working`. */
async function workingAdoptedSession(aoHome: string): Promise<{ id: string; agent: ChildProcess }> {
  const agent = spawn('sleep', ['600'], { stdio: 'ignore' });
  agents.push(agent);
  const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-'), '--pid', String(agent.pid)]);
  const hook = await runAo(aoHome, ['hooks', 'claude-code', 'user-prompt-submit', '--session', id], { input: '{"prompt":"go"}' });
  expect(hook.exitCode).toBe(0);
  return { id, agent };
}

/** The stored session, read without ingesting or reaping. */
function stored(aoHome: string, id: string) {
  const store = Store.open(aoPaths(aoHome).database);
  try {
    return store.getSession(id);
  } finally {
    store.close();
  }
}

async function json(aoHome: string, action: string, input: object = {}) {
  const result = await runAo(aoHome, ['json'], { input: JSON.stringify({ version: 'v1', action, input }) });
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout).result;
}

describe('reads confirm deaths when no daemon runs', () => {
  const reads: [string, (aoHome: string, id: string) => Promise<unknown>][] = [
    ['ao ls', async (aoHome) => expect(await aoJson(aoHome, ['ls'])).toEqual([])],
    ['ao status', async (aoHome, id) => expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: 'exited', status: 'terminated' })],
    ['ao events', async (aoHome) => expect((await aoJson(aoHome, ['events'])).at(-1)).toMatchObject({ type: 'lifecycle', event: 'terminated' })],
    ['ao json ls', async (aoHome) => expect(await json(aoHome, 'ls')).toEqual([])],
    ['ao json status', async (aoHome, id) => expect(await json(aoHome, 'status', { id })).toMatchObject({ status: 'terminated' })],
    ['ao json events', async (aoHome, id) => expect((await json(aoHome, 'events', { id })).at(-2)).toMatchObject({ type: 'transition', from: 'active', to: 'exited' })],
  ];

  for (const [name, read] of reads) {
    it(`${name} shows an adopted agent that died as exited, without ao reap`, async () => {
      const aoHome = tempDir('ao-home-');
      const { id, agent } = await workingAdoptedSession(aoHome);
      expect(await aoJson(aoHome, ['status', id])).toMatchObject({ activityState: 'active', status: 'working' });
      await kill(agent);
      await read(aoHome, id);
      expect(stored(aoHome, id)).toMatchObject({ activityState: 'exited', terminated: true, terminatedReason: 'process-dead' });
    });
  }

  it("keeps the reaper's breaker: when most sessions look dead at once, reads wait for it to trust them", async () => {
    const aoHome = tempDir('ao-home-');
    const sessions = [];
    for (let i = 0; i < 5; i++) sessions.push(await workingAdoptedSession(aoHome));
    for (const { agent } of sessions) await kill(agent);
    // The first two passes are inconclusive (a probe failure looks like a mass death); the third trusts.
    expect(await aoJson(aoHome, ['ls'])).toHaveLength(5);
    expect(await aoJson(aoHome, ['ls'])).toHaveLength(5);
    expect(await aoJson(aoHome, ['ls'])).toEqual([]);
  });
});
