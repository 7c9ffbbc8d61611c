import type { SessionRecord } from './store/session-record.js';
import type { EventRecord } from './store/event-record.js';
import { displayStatus, type DisplayOptions } from './display-status.js';

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * The session object of the CLI contract (docs/architecture.md). Field names are a contract: add, never rename.
 */
export function sessionView(session: SessionRecord, options: DisplayOptions) {
  const display = displayStatus(session, options);
  return {
    id: session.id,
    harness: session.harness,
    name: session.name,
    cwd: session.cwd,
    pid: session.pid,
    activityState: session.activityState,
    status: display.status,
    needsInputReason: display.needsInputReason,
    terminated: session.terminated,
    createdAt: iso(session.createdAt),
    lastSignalAt: iso(session.lastSignalAt),
    firstSignalAt: iso(session.firstSignalAt),
    launchedAt: iso(session.launchedAt),
    lastTransitionAt: iso(session.lastTransitionAt),
    terminatedAt: iso(session.terminatedAt),
    terminatedReason: session.terminatedReason,
    launchId: session.launchId,
    hostPid: session.hostPid,
    worktree: session.worktree,
    toolsInFlight: session.toolsInFlight,
    lastError: session.facts.lastError ?? null,
    lastNotification: session.facts.lastNotification ?? null,
    nativeSessionId: session.facts.nativeSessionId ?? null,
    model: session.facts.model ?? null,
    transcriptPath: session.facts.transcriptPath ?? null,
  };
}
export type SessionView = ReturnType<typeof sessionView>;

/** The event object of the CLI contract: `from`/`to` only on transitions. */
export function eventView(event: EventRecord) {
  return {
    seq: event.seq,
    sessionId: event.sessionId,
    type: event.type,
    event: event.event,
    at: new Date(event.at).toISOString(),
    ...(event.type === 'transition' && { from: event.from, to: event.to }),
    ...(event.launchId !== null && { launchId: event.launchId }),
    ...(event.data !== null && { data: event.data }),
  };
}
export type EventView = ReturnType<typeof eventView>;
