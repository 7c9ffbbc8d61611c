import type { SessionObject } from '@ao/protocol';

/**
 * Which group a session is shown in, most urgent first (docs/dashboard.md, "The list"): what waits
 * for its user (a permission before a question: a permission holds a tool call mid-turn), then
 * what went wrong, then what may be stuck (no hook yet, or quiet too long while working), then
 * what works, what is idle, and what has ended.
 */
export const GROUPS = ['permission', 'question', 'error', 'quiet', 'working', 'idle', 'ended'] as const;
export type Group = (typeof GROUPS)[number];

export function groupOf(session: SessionObject): Group {
  if (session.status === 'terminated' || session.status === 'exited') return 'ended';
  if (session.status === 'needs_input') return session.needsInputReason === 'question' ? 'question' : 'permission';
  if (session.lastError !== null && session.status !== 'working') return 'error';
  if (session.status === 'no_signal' || session.status === 'stale') return 'quiet';
  return session.status === 'working' ? 'working' : 'idle';
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : 0);

/** Since when the session has been as it is shown: the open request's time, else its last transition. */
export function sinceOf(session: SessionObject): string | null {
  if (session.openRequest) return session.openRequest.askedAt;
  if (session.terminated && session.terminatedAt) return session.terminatedAt;
  return session.lastTransitionAt ?? session.launchedAt ?? session.createdAt;
}

/**
 * Within a group: who waits for the user, longest waiting first (the one asked first is answered
 * first); everything else, latest change first. Then by name and id, so equal rows never swap.
 */
function compareWithinGroup(group: Group, a: SessionObject, b: SessionObject): number {
  const waiting = group === 'permission' || group === 'question';
  const byTime = waiting ? time(sinceOf(a)) - time(sinceOf(b)) : time(sinceOf(b)) - time(sinceOf(a));
  return byTime || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

export interface SessionGroup {
  group: Group;
  sessions: SessionObject[];
}

/**
 * The list as the page shows it: non-empty groups in GROUPS order, each sorted. Terminated
 * sessions only when asked for (`showTerminated`); exited ones always (their end is news).
 */
export function orderSessions(sessions: readonly SessionObject[], options: { showTerminated: boolean }): SessionGroup[] {
  const buckets = new Map<Group, SessionObject[]>(GROUPS.map((group) => [group, []]));
  for (const session of sessions) {
    if (session.terminated && !options.showTerminated) continue;
    buckets.get(groupOf(session))!.push(session);
  }
  return GROUPS.map((group) => ({ group, sessions: buckets.get(group)!.sort((a, b) => compareWithinGroup(group, a, b)) })).filter((entry) => entry.sessions.length > 0);
}
