import { mkdirSync, existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { aoHomesCleanedAfterEach, waitForStatus } from './runtime-harness.js';

/**
 * A signal belongs to the session whose agent process fired it (docs/signal-path.md), proved with
 * real process trees: agents under ao's session host, tools that start agents, hooks run through
 * /bin/sh -c. The agent is a Claude-like stand-in (test/agents/claude-like-agent.mjs) that fires
 * the hooks of its `--settings` file and of its project as Claude Code does.
 */
const newAoHome = aoHomesCleanedAfterEach();

function claudeOnPath(): Record<string, string> {
  const bin = tempDir('ao-bin-');
  symlinkSync(fileURLToPath(new URL('./agents/claude-like-agent.mjs', import.meta.url)), join(bin, 'claude'));
  return { PATH: `${bin}:${process.env.PATH}` };
}

const eventsOf = async (aoHome: string, id: string) => ((await aoJson(aoHome, ['events', id])) as { event: string; type: string; to?: string }[]);
const names = (events: { event: string }[]) => events.map((event) => event.event);
const states = (events: { type: string; to?: string }[]) => events.filter((event) => event.type === 'transition').map((event) => event.to);

/** Sends the outer agent a turn whose tool starts a nested agent in `dir`; returns the outer session's events. */
async function nestedTurn(aoHome: string, outer: string, dir: string, env: Record<string, string>) {
  await aoJson(aoHome, ['send', outer, `nested ${dir}`], { env });
  await waitForStatus(aoHome, outer, (status) => status.activityState === 'idle', 'the outer turn ends');
  return eventsOf(aoHome, outer);
}

/** The outer agent's own turn, untouched by the nested agent's Stop (which must not end it early). */
const OUTER_TURN = ['spawned', 'session-start', 'user-prompt-submit', 'pre-tool-use', 'post-tool-use', 'stop'];

async function spawnClaudeLike(aoHome: string, cwd: string, env: Record<string, string>): Promise<string> {
  const { id } = await aoJson(aoHome, ['spawn', '--agent', 'claude-code', '--cwd', cwd, '--no-daemon'], { env });
  await waitForStatus(aoHome, id, (status) => status.firstSignalAt !== null, 'the agent fires SessionStart');
  return id;
}

describe('which session a hook signal belongs to', () => {
  it("an agent started by a spawned agent's tool in a registered directory reports there, not to the spawner", async () => {
    const aoHome = newAoHome();
    const env = claudeOnPath();
    const registeredDir = tempDir('ao-registered-');
    const { id: registered } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', registeredDir]);
    const outer = await spawnClaudeLike(aoHome, tempDir('ao-outer-'), env);

    // The nested agent inherited AO_SESSION_ID.
    const outerEvents = await nestedTurn(aoHome, outer, registeredDir, env);
    expect(names(outerEvents)).toEqual(OUTER_TURN);
    expect(states(outerEvents)).toEqual(['active', 'idle']);
    const registeredEvents = await eventsOf(aoHome, registered);
    expect(names(registeredEvents)).toEqual(['registered', 'session-start', 'user-prompt-submit', 'stop', 'session-end']);
    expect(states(registeredEvents)).toEqual(['active', 'idle', 'exited']);
  });

  it('an agent ao spawned in a registered directory reports once, to its own session; the registered one hears nothing', async () => {
    const aoHome = newAoHome();
    const env = claudeOnPath();
    const dir = tempDir('ao-both-');
    const { id: registered } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', dir]);
    const spawned = await spawnClaudeLike(aoHome, dir, env);

    await aoJson(aoHome, ['send', spawned, 'hello'], { env });
    await waitForStatus(aoHome, spawned, (status) => status.activityState === 'idle', 'the turn ends');

    // Both the launch hooks and the project's hooks fired for every event.
    expect(names(await eventsOf(aoHome, spawned))).toEqual(['spawned', 'session-start', 'user-prompt-submit', 'stop']);
    expect(names(await eventsOf(aoHome, registered))).toEqual(['registered']);
  });

  it('a nested agent whose hooks read AO_SESSION_ID does not move the agent that started it', async () => {
    const aoHome = newAoHome();
    const env = claudeOnPath();
    const dir = tempDir('ao-session-less-');
    // Hooks without a baked session: they report for whatever AO_SESSION_ID the agent has.
    await aoJson(aoHome, ['install-hooks', '--agent', 'claude-code', '--cwd', dir]);
    const outer = await spawnClaudeLike(aoHome, tempDir('ao-outer-'), env);

    const outerEvents = await nestedTurn(aoHome, outer, dir, env);
    expect(names(outerEvents)).toEqual(OUTER_TURN);
    expect(states(outerEvents)).toEqual(['active', 'idle']);
  });
});

describe('hooks installed by ao register', () => {
  it('reach the AO_HOME that registered them from an agent started without AO_HOME', async () => {
    const aoHome = newAoHome();
    const dir = tempDir('ao-project-');
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', dir]);
    const home = tempDir('ao-user-home-');
    const agent = fileURLToPath(new URL('./agents/claude-like-agent.mjs', import.meta.url));
    // The user's own terminal: no AO_HOME, no AO_SESSION_ID, another HOME.
    const { execa } = await import('execa');
    await execa(process.execPath, [agent, '-p', 'hello'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: home }, extendEnv: false });

    expect(existsSync(join(home, '.ao'))).toBe(false);
    const status = await aoJson(aoHome, ['status', id]);
    expect(status.lastSignalAt).not.toBeNull();
    expect(states(await eventsOf(aoHome, id))).toEqual(['active', 'idle', 'exited']);
  });
});

describe("a harness's own event names", () => {
  it('count as the events ao names: `ao hooks claude-code UserPromptSubmit` starts a turn', async () => {
    const aoHome = newAoHome();
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude', '--cwd', tempDir('ao-project-')]);
    for (const [event, payload] of [
      ['UserPromptSubmit', { prompt: 'hi' }],
      ['PreToolUse', { tool_name: 'Bash', tool_use_id: 't1' }],
      ['PermissionRequest', { tool_name: 'Bash' }],
    ] as const) {
      const result = await runAo(aoHome, ['hooks', 'claude-code', event, '--session', id], { input: JSON.stringify(payload) });
      expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    }
    const status = await aoJson(aoHome, ['status', id]);
    expect(status).toMatchObject({ activityState: 'blocked', status: 'needs_input', needsInputReason: 'permission' });
    expect(names(await eventsOf(aoHome, id))).toEqual(['registered', 'user-prompt-submit', 'pre-tool-use', 'permission-request']);
  });

  it('and a harness alias names the harness: `ao hooks claude Stop`', async () => {
    const aoHome = newAoHome();
    const { id } = await aoJson(aoHome, ['register', '--agent', 'claude-code', '--cwd', tempDir('ao-project-')]);
    await runAo(aoHome, ['hooks', 'claude', 'UserPromptSubmit', '--session', id], { input: '{}' });
    await runAo(aoHome, ['hooks', 'claude', 'Stop', '--session', id], { input: '{}' });
    expect(states(await eventsOf(aoHome, id))).toEqual(['active', 'idle']);
  });
});
