import type { ActivityState, SessionUsage } from '@ao/activity-dispatch';
import type { ReducibleSession } from '../session-state.js';
import type { TerminationReason } from './event-names.js';
import { parseExternalEventColumn, type StoredExternalEvent } from './external-event-column.js';
import { parseOpenRequestColumn } from './open-request-column.js';
import { parseUsageColumn } from './usage-column.js';
import { parseJsonObjectColumn } from './json-column.js';

/** A session as stored. Times are ms since the epoch. */
export interface SessionRecord extends ReducibleSession {
  harness: string;
  name: string;
  cwd: string;
  pid: number | null;
  pidStartTime: string | null;
  hostPid: number | null;
  hostStartTime: string | null;
  expectsStartupSignal: boolean;
  terminatedAt: number | null;
  terminatedReason: TerminationReason | null;
  worktree: string | null;
  /** The pid that fired this session's first hook: its agent as the hooks see it (signal-owner.ts). */
  hookFirerPid: number | null;
  createdAt: number;
  launchedAt: number | null;
  lastTransitionAt: number | null;
  updatedAt: number;
  /**
   * The session's latest external event. Written only by appendExternalEvent (saving a session
   * leaves it as stored, so a session read before an append cannot undo it).
   */
  lastExternalEvent: StoredExternalEvent | null;
  /**
   * What the session has spent, as its harness last reported it (docs/store.md, "Usage"), and
   * where that reader stopped. Written only by saveUsage, like lastExternalEvent.
   */
  usage: SessionUsage | null;
  usageCheckpoint: Record<string, unknown> | null;
}

/** A sessions row as read (`SELECT *`). */
export interface SessionRow {
  id: string;
  harness: string;
  name: string;
  cwd: string;
  pid: number | null;
  pid_start_time: string | null;
  host_pid: number | null;
  host_start_time: string | null;
  launch_id: string | null;
  expects_startup_signal: number;
  activity_state: string | null;
  terminated: number;
  terminated_at: number | null;
  terminated_reason: string | null;
  tools_in_flight: string;
  blocked_tool: string | null;
  open_request: string | null;
  requests_opened: number;
  facts: string;
  worktree: string | null;
  hook_firer_pid: number | null;
  created_at: number;
  launched_at: number | null;
  first_signal_at: number | null;
  last_signal_at: number | null;
  last_transition_at: number | null;
  updated_at: number;
  last_external_event: string | null;
  usage: string | null;
  usage_checkpoint: string | null;
}

/** The columns saving a session writes: all but those with a writer of their own. */
export type WrittenSessionRow = Omit<SessionRow, 'last_external_event' | 'usage' | 'usage_checkpoint'>;

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function rowToSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    harness: row.harness,
    name: row.name,
    cwd: row.cwd,
    pid: row.pid,
    pidStartTime: row.pid_start_time,
    hostPid: row.host_pid,
    hostStartTime: row.host_start_time,
    launchId: row.launch_id,
    expectsStartupSignal: row.expects_startup_signal === 1,
    activityState: row.activity_state as ActivityState | null,
    terminated: row.terminated === 1,
    terminatedAt: row.terminated_at,
    terminatedReason: row.terminated_reason as TerminationReason | null,
    toolsInFlight: parseJson(row.tools_in_flight, []),
    blockedTool: parseJson(row.blocked_tool, null),
    openRequest: parseOpenRequestColumn(row.open_request),
    requestsOpened: row.requests_opened ?? 0,
    facts: parseJson(row.facts, {}),
    worktree: row.worktree,
    hookFirerPid: row.hook_firer_pid ?? null,
    createdAt: row.created_at,
    launchedAt: row.launched_at,
    firstSignalAt: row.first_signal_at,
    lastSignalAt: row.last_signal_at,
    lastTransitionAt: row.last_transition_at,
    updatedAt: row.updated_at,
    lastExternalEvent: parseExternalEventColumn(row.last_external_event ?? null),
    usage: parseUsageColumn(row.usage ?? null),
    usageCheckpoint: parseJsonObjectColumn(row.usage_checkpoint ?? null),
  };
}

export function sessionToRow(session: SessionRecord): WrittenSessionRow {
  return {
    id: session.id,
    harness: session.harness,
    name: session.name,
    cwd: session.cwd,
    pid: session.pid,
    pid_start_time: session.pidStartTime,
    host_pid: session.hostPid,
    host_start_time: session.hostStartTime,
    launch_id: session.launchId,
    expects_startup_signal: session.expectsStartupSignal ? 1 : 0,
    activity_state: session.activityState,
    terminated: session.terminated ? 1 : 0,
    terminated_at: session.terminatedAt,
    terminated_reason: session.terminatedReason,
    tools_in_flight: JSON.stringify(session.toolsInFlight),
    blocked_tool: session.blockedTool === null ? null : JSON.stringify(session.blockedTool),
    open_request: session.openRequest === null ? null : JSON.stringify(session.openRequest),
    requests_opened: session.requestsOpened,
    facts: JSON.stringify(session.facts),
    worktree: session.worktree,
    hook_firer_pid: session.hookFirerPid,
    created_at: session.createdAt,
    launched_at: session.launchedAt,
    first_signal_at: session.firstSignalAt,
    last_signal_at: session.lastSignalAt,
    last_transition_at: session.lastTransitionAt,
    updated_at: session.updatedAt,
  };
}
