import { describe, expect, it } from 'vitest';
import { probeSession } from '../src/reaper/reaper.js';
import type { ProbeResult } from '../src/reaper/process-probe.js';

/** A probe answering from a table, recording what it was asked. */
function probeOf(results: Record<number, ProbeResult>) {
  const asked: number[] = [];
  return { asked, probe: (pid: number) => (asked.push(pid), results[pid] ?? 'dead') };
}

const spawned = { hostPid: 1, hostStartTime: 'h', pid: 2, pidStartTime: 'a' };

describe('probeSession', () => {
  it('a live host settles it: the agent is not probed', () => {
    const { asked, probe } = probeOf({ 1: 'alive', 2: 'dead' });
    expect(probeSession(spawned, probe)).toBe('alive');
    expect(asked).toEqual([1]);
  });

  it('dead only when every known process is dead; a failed probe is never dead', () => {
    expect(probeSession(spawned, probeOf({ 1: 'dead', 2: 'alive' }).probe)).toBe('alive');
    expect(probeSession(spawned, probeOf({ 1: 'dead', 2: 'dead' }).probe)).toBe('dead');
    expect(probeSession(spawned, probeOf({ 1: 'failed', 2: 'dead' }).probe)).toBe('failed');
    expect(probeSession({ ...spawned, hostPid: null }, probeOf({ 2: 'dead' }).probe)).toBe('dead');
    expect(probeSession({ ...spawned, hostPid: null, pid: null }, probeOf({}).probe)).toBe('alive');
  });
});
