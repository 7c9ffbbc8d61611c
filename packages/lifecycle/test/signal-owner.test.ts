import { describe, expect, it } from 'vitest';
import { resolveSignalOwner, type OwnerCandidate } from '../src/signal-owner.js';
import { findHookFirer } from '../src/spool/hook-firer.js';

const sessions: Record<string, OwnerCandidate> = {
  spawned: { harness: 'claude-code', hookFirerPid: 100 },
  fresh: { harness: 'claude-code', hookFirerPid: null },
  registered: { harness: 'claude-code', hookFirerPid: null },
  codex: { harness: 'codex', hookFirerPid: 300 },
};
const lookup = (id: string) => sessions[id];
const signal = (sessionId: string, sessionArg: string | null, firer: number | null) => ({ harness: 'claude-code', sessionId, sessionArg, firer });

describe('resolveSignalOwner', () => {
  it('a hook of the agent ao spawned belongs to its session', () => {
    expect(resolveSignalOwner(signal('spawned', null, 100), lookup)).toEqual({ owner: 'spawned', launchIdApplies: true });
  });

  it("the first hook of a launch names its agent: the firer is claimed", () => {
    expect(resolveSignalOwner(signal('fresh', null, 555), lookup)).toEqual({ owner: 'fresh', launchIdApplies: true, claimFirer: 555 });
  });

  it('a hook fired by another process that inherited AO_SESSION_ID is dropped', () => {
    expect(resolveSignalOwner(signal('spawned', null, 200), lookup)).toMatchObject({ owner: null, reason: 'fired-by-nested-agent' });
  });

  it("…and goes to the project's registered session when the hook names one; the launch id is not that session's", () => {
    expect(resolveSignalOwner(signal('spawned', 'registered', 200), lookup)).toEqual({ owner: 'registered', launchIdApplies: false });
  });

  it("a project's hook fired by the spawned agent itself is a duplicate of its launch hook", () => {
    expect(resolveSignalOwner(signal('spawned', 'registered', 100), lookup)).toMatchObject({ owner: null, reason: 'duplicate-of-launch-hook' });
  });

  it('a hook of another harness never counts as the spawned agent (its tool started that agent)', () => {
    expect(resolveSignalOwner(signal('codex', 'registered', 300), lookup)).toEqual({ owner: 'registered', launchIdApplies: false });
  });

  it('without AO_SESSION_ID the argument decides', () => {
    expect(resolveSignalOwner(signal('registered', 'registered', null), lookup)).toEqual({ owner: 'registered', launchIdApplies: true });
  });

  it('an environment session unknown to this store leaves the argument', () => {
    expect(resolveSignalOwner(signal('elsewhere', 'registered', 42), lookup)).toEqual({ owner: 'registered', launchIdApplies: false });
  });

  it('where no firer could be read (not Linux, ao’s own records) the environment decides, as before', () => {
    expect(resolveSignalOwner(signal('spawned', null, null), lookup)).toEqual({ owner: 'spawned', launchIdApplies: true });
  });
});

describe('findHookFirer', () => {
  const tree: Record<number, string> = {
    10: 'Name:\tsh\nUmask:\t0022\nState:\tS\nTgid:\t10\nNgid:\t0\nPid:\t10\nPPid:\t9\n',
    9: 'Name:\tbash\nPid:\t9\nPPid:\t8\n',
    8: 'Name:\tclaude\nPid:\t8\nPPid:\t7\n',
    7: 'Name:\tbash\nPid:\t7\nPPid:\t6\n',
  };
  const read = (pid: number) => {
    const status = tree[pid];
    if (status === undefined) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    return status;
  };

  it('skips the shells that ran the hook command and names the first other process', () => {
    expect(findHookFirer(10, read)).toBe(8);
    expect(findHookFirer(8, read)).toBe(8);
  });

  it('is null when the tree cannot be read', () => {
    expect(findHookFirer(99, read)).toBeNull();
  });

  it('reads the real /proc: this test runs under node, not a shell', () => {
    expect(findHookFirer(process.pid)).toBe(process.pid);
  });
});
