import type { SessionRecord } from './store/session-record.js';
import type { EventRecord } from './store/event-record.js';
import { needsInputReason } from '@ao/activity-dispatch';
import { displayStatus, type DisplayOptions } from './display-status.js';
import { gitBranchOf } from './git-branch.js';

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/**
 * The session object of the CLI contract (docs/architecture.md). Field names are a contract: add, never rename.
 * `branch` is read from the work tree's HEAD (git-branch.ts: cached, one stat per directory).
 */
export function sessionView(session: SessionRecord, options: DisplayOptions, branchOf: (cwd: string) => string | null = gitBranchOf) {
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
    openRequest: openRequestView(session),
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
    lastExternalEvent: externalEventView(session),
    nativeSessionId: session.facts.nativeSessionId ?? null,
    model: session.facts.model ?? null,
    transcriptPath: session.facts.transcriptPath ?? null,
    branch: branchOf(session.cwd),
    usage: session.usage,
  };
}
export type SessionView = ReturnType<typeof sessionView>;

/**
 * The dialog to answer, only while there is one: a live session that is `blocked` or
 * `waiting_input`, with a request of that kind (a stored request that disagrees is not shown).
 */
function openRequestView(session: SessionRecord) {
  const request = session.openRequest;
  if (request === null || session.terminated || request.kind !== needsInputReason(session.activityState)) return null;
  return { id: request.id, kind: request.kind, tool: request.tool, detail: request.detail, askedAt: new Date(request.askedAt).toISOString() };
}

function externalEventView(session: SessionRecord) {
  const event = session.lastExternalEvent;
  if (event === null) return null;
  return {
    seq: event.seq,
    sourceKind: event.sourceKind,
    sourceId: event.sourceId,
    eventType: event.eventType,
    payload: event.payload,
    at: new Date(event.at).toISOString(),
  };
}

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
