// Scenario bodies that are the same for every harness: what ao must do does not depend on it.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TOOL_RELEASE_FILE } from '../mock-model-server.mjs';
import { answerPermission, spawnReady, type Scenario } from './scenario.js';
import { expectUsage } from './expected-usage.js';

/**
 * The model never answers; the harness is killed with SIGKILL mid-turn: exited, then terminated by
 * the reaper (no daemon runs here, so the reads themselves run it once the host is gone too).
 */
export async function killedMidTurn(s: Scenario): Promise<void> {
  await s.spawn({ prompt: 'MOCK_HANG please' });
  await s.waitForState('active', 60_000);
  await s.waitForHangingModel();
  s.kill9();
  await s.waitForState('exited');
  await s.waitForStatus('the reads to confirm the death', (status) => status.terminated === true);
  expect(await s.states()).toEqual(['active', 'exited']);
  expect(await s.status()).toMatchObject({ status: 'terminated', activityState: 'exited', terminated: true, needsInputReason: null });
}

/** The permission dialog is open when the harness is killed: a sticky state never vetoes the death. */
export async function killedWhileBlocked(s: Scenario): Promise<void> {
  await spawnReady(s);
  await s.send('please MOCK_TOOL run it');
  await s.waitForState('blocked');
  s.kill9();
  await s.waitForState('exited');
  await s.waitForStatus('the reads to confirm the death', (status) => status.terminated === true);
  expect(await s.states()).toEqual(['active', 'blocked', 'exited']);
  expect(await s.status()).toMatchObject({ status: 'terminated', terminated: true, needsInputReason: null });
}

/** An allowed tool call: working throughout, with the tool in flight while it runs, then idle. */
export function toolAllowed(options: { spawnArgs?: string[]; prompt: string; tool: { name: string; id?: RegExp } }) {
  return async (s: Scenario): Promise<void> => {
    await spawnReady(s, options.spawnArgs ?? []);
    await s.send(options.prompt);
    const during = await s.waitForStatus(`the ${options.tool.name} call in flight`, (status) => status.toolsInFlight.length > 0);
    expect(during).toMatchObject({ activityState: 'active', status: 'working' });
    // A harness whose tool events carry no call id (Gemini CLI) reports the tool by name only.
    expect(during.toolsInFlight).toEqual([{ name: options.tool.name, ...(options.tool.id && { id: expect.stringMatching(options.tool.id) }) }]);
    writeFileSync(join(s.sb.proj, TOOL_RELEASE_FILE), '');
    await s.waitForState('idle');
    expect(await s.states()).toEqual(['active', 'idle']);
    expect(await s.status()).toMatchObject({ status: 'idle', toolsInFlight: [] });
    expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(true);
    // Two model responses: the tool call, then the reply after it.
    await expectUsage(s, 2);
  };
}

/** A permission dialog (recognised on screen by `dialog`) approved with `ao approve`: blocked, then the turn finishes. */
export function permissionApproved(dialog: RegExp) {
  return async (s: Scenario): Promise<void> => {
    await spawnReady(s);
    await s.send('please MOCK_TOOL run it');
    const blocked = await s.waitForState('blocked');
    expect(blocked).toMatchObject({ status: 'needs_input', needsInputReason: 'permission' });
    await s.waitForScreen(dialog);
    await answerPermission(s, 'approve');
    await s.waitForState('idle');
    expect(await s.states()).toEqual(['active', 'blocked', 'active', 'idle']);
    expect(existsSync(join(s.sb.proj, 'mock_tool_ran.txt'))).toBe(true);
  };
}

/** `ao send hi`: acknowledged, one plain turn, active then idle, nothing left over. */
export async function plainTurn(s: Scenario): Promise<void> {
  await spawnReady(s);
  const sent = await s.send('hi');
  expect(sent).toMatchObject({ delivered: true, acknowledged: true });
  await s.waitForState('idle');
  expect(await s.states()).toEqual(['active', 'idle']);
  expect(await s.status()).toMatchObject({ status: 'idle', toolsInFlight: [], lastError: null, terminated: false });
  // One model response (a title the harness asks for in the background is not the conversation's).
  await expectUsage(s, 1);
}

/** The model API fails the turn and the harness reports it through a hook: idle, with the error. */
export async function apiErrorReported(s: Scenario): Promise<void> {
  await spawnReady(s);
  await s.send('please MOCK_FAIL now');
  const idle = await s.waitForState('idle');
  expect(await s.states()).toEqual(['active', 'idle']);
  expect(idle.status).toBe('idle');
  expect(idle.lastError).toMatch(/mock: forced failure/);
}
