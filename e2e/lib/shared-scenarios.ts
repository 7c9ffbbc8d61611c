// Scenario bodies that are the same for every harness: what ao must do does not depend on it.
import { expect } from 'vitest';
import { spawnReady, type Scenario } from './scenario.js';

/** The model never answers; the harness is killed with SIGKILL mid-turn: exited, then terminated by the reaper. */
export async function killedMidTurn(s: Scenario): Promise<void> {
  await s.spawn({ prompt: 'MOCK_HANG please' });
  await s.waitForState('active', 60_000);
  await s.waitForHangingModel();
  s.kill9();
  const exited = await s.waitForState('exited');
  expect(exited.terminated).toBe(false);
  const reaped = await s.reap();
  expect(reaped.reaped).toEqual([{ id: s.id, from: 'exited' }]);
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
  const reaped = await s.reap();
  expect(reaped.reaped).toEqual([{ id: s.id, from: 'exited' }]);
  expect(await s.states()).toEqual(['active', 'blocked', 'exited']);
  expect(await s.status()).toMatchObject({ status: 'terminated', terminated: true, needsInputReason: null });
}
