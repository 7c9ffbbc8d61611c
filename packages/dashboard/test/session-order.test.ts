import type { SessionObject } from '@ao/protocol';
import { describe, expect, it } from 'vitest';
import { groupOf, orderSessions, sinceOf } from '../src/session-order.js';
import { askText, statusLabel } from '../src/status-words.js';
import { relativeTime, shortPath } from '../src/relative-time.js';

/** A session object as the API gives it; each test says only what differs. */
function session(name: string, patch: Partial<SessionObject> = {}): SessionObject {
  return {
    id: `id-${name}`,
    harness: 'demo',
    name,
    cwd: '/home/me/project',
    pid: 100,
    activityState: 'idle',
    status: 'idle',
    needsInputReason: null,
    openRequest: null,
    terminated: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    lastSignalAt: '2026-01-01T10:00:00.000Z',
    firstSignalAt: '2026-01-01T10:00:00.000Z',
    launchedAt: '2026-01-01T10:00:00.000Z',
    lastTransitionAt: '2026-01-01T10:00:00.000Z',
    terminatedAt: null,
    terminatedReason: null,
    launchId: 'l1',
    hostPid: 99,
    worktree: null,
    toolsInFlight: [],
    lastError: null,
    lastNotification: null,
    lastExternalEvent: null,
    usage: null,
    usageCheckpoint: null,
    nativeSessionId: null,
    model: null,
    transcriptPath: null,
    branch: 'main',
    ...patch,
  };
}

const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const permission = (name: string, minute: number) =>
  session(name, { status: 'needs_input', activityState: 'blocked', needsInputReason: 'permission', openRequest: { id: `${name}.r1`, kind: 'permission', tool: 'Bash', detail: 'touch demo.txt', askedAt: at(minute) } });
const question = (name: string, minute: number) =>
  session(name, { status: 'needs_input', activityState: 'waiting_input', needsInputReason: 'question', openRequest: { id: `${name}.r1`, kind: 'question', tool: null, detail: 'Which branch should I use?', askedAt: at(minute) } });
const names = (groups: ReturnType<typeof orderSessions>) => groups.map(({ group, sessions }) => [group, sessions.map((s) => s.name)]);

describe('the order of the list: who needs the user first', () => {
  it('permission, then question, then errors, quiet ones, working, idle, ended; terminated only when asked', () => {
    const sessions = [
      session('idle-1', { lastTransitionAt: at(5) }),
      session('dead', { status: 'terminated', terminated: true, terminatedAt: at(9), terminatedReason: 'killed' }),
      session('exited', { status: 'exited', activityState: 'exited', lastTransitionAt: at(8) }),
      session('working', { status: 'working', activityState: 'active' }),
      question('asks', 1),
      session('failed', { lastError: 'API Error: 500', lastTransitionAt: at(7) }),
      permission('perm', 3),
      session('stale', { status: 'stale', activityState: 'active' }),
      session('quiet-start', { status: 'no_signal', activityState: null }),
    ];
    expect(names(orderSessions(sessions, { showTerminated: false }))).toEqual([
      ['permission', ['perm']],
      ['question', ['asks']],
      ['error', ['failed']],
      ['quiet', ['quiet-start', 'stale']],
      ['working', ['working']],
      ['idle', ['idle-1']],
      ['ended', ['exited']],
    ]);
    expect(names(orderSessions(sessions, { showTerminated: true })).at(-1)).toEqual(['ended', ['dead', 'exited']]);
  });

  it('who waits longest comes first among those waiting; elsewhere the latest change comes first; ties by name', () => {
    const groups = orderSessions([permission('late', 9), permission('early', 2), session('old', { lastTransitionAt: at(1) }), session('new', { lastTransitionAt: at(6) }), session('b'), session('a')], {
      showTerminated: false,
    });
    expect(names(groups)).toEqual([
      ['permission', ['early', 'late']],
      ['idle', ['new', 'old', 'a', 'b']],
    ]);
  });

  it('an error counts only while the session is not working again; a session still asking is asking, whatever its last error', () => {
    expect(groupOf(session('x', { lastError: 'boom' }))).toBe('error');
    expect(groupOf(session('x', { lastError: 'boom', status: 'working', activityState: 'active' }))).toBe('working');
    expect(groupOf({ ...permission('x', 1), lastError: 'boom' })).toBe('permission');
    expect(groupOf(session('x', { lastError: 'boom', status: 'exited', activityState: 'exited' }))).toBe('ended');
  });

  it('says what is asked and since when, in words and with a symbol (never colour alone)', () => {
    expect(askText(permission('p', 1))).toBe('Bash: touch demo.txt');
    expect(askText(question('q', 1))).toBe('Which branch should I use?');
    expect(askText(session('i'))).toBeNull();
    expect(sinceOf(permission('p', 4))).toBe(at(4));
    for (const s of [permission('p', 1), question('q', 1), session('i'), session('w', { status: 'working' }), session('e', { lastError: 'x' })]) {
      const label = statusLabel(s);
      expect(label.words.length).toBeGreaterThan(2);
      expect(label.icon.length).toBeGreaterThan(0);
    }
    expect(statusLabel(permission('p', 1)).words).toBe('Needs permission');
  });

  it('relative times and short paths', () => {
    const now = Date.parse(at(30));
    expect(relativeTime(at(30), now)).toBe('just now');
    expect(relativeTime(at(29), now)).toBe('1 min ago');
    expect(relativeTime('2026-01-01T08:00:00.000Z', now)).toBe('2 h ago');
    expect(relativeTime(null, now)).toBe('never');
    expect(shortPath('/home/me/work/project')).toBe('…/work/project');
    expect(shortPath('/tmp')).toBe('/tmp');
  });
});
