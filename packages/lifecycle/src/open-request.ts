import { needsInputReason } from '@ao/activity-dispatch';
import type { ReducerSignal, ReducibleSession, StoredOpenRequest, ToolFlight } from './session-state.js';

/**
 * A session's n-th dialog is `<session id>.r<n>`: unique across sessions because session ids are,
 * stable for the dialog, and never reused within the session (the counter only grows).
 */
export function openRequestId(sessionId: string, n: number): string {
  return `${sessionId}.r${n}`;
}

/**
 * The open request once a signal is reduced (docs/reducer.md, "Open requests"). Pure. `before` is
 * the session the signal met; `after` has the signal's state, blocked tool and facts applied.
 *
 * A new request (a new id) opens when the session enters `blocked` or `waiting_input` (from any
 * other state, the one into the other included), and when a `permission-request` names another
 * tool than the open dialog's while the session stays where it is: a second dialog. A signal that
 * reports the same dialog again keeps its id and only fills in a tool or detail still unknown.
 * Out of those two states there is no open request.
 */
export function reduceOpenRequest(
  before: ReducibleSession,
  after: ReducibleSession,
  signal: ReducerSignal,
): Pick<ReducibleSession, 'openRequest' | 'requestsOpened'> {
  const kind = needsInputReason(after.activityState);
  if (kind === null) return { openRequest: null, requestsOpened: before.requestsOpened };
  const entered = before.activityState !== after.activityState;
  const current = before.openRequest;
  // Tool traffic beside an open dialog (another call's pre-tool-use) says nothing about the dialog.
  const reportsDialog = entered || DIALOG_EVENTS.has(signal.event);
  const tool = reportsDialog ? toolOf(after, signal) : null;
  const detail = reportsDialog ? (signal.facts.toolDetail ?? signal.facts.notification ?? null) : null;
  if (entered || current === null || current.kind !== kind || isSecondDialog(before, after, signal)) {
    const requestsOpened = before.requestsOpened + 1;
    const openRequest: StoredOpenRequest = { id: openRequestId(before.id, requestsOpened), kind, tool, detail, askedAt: signal.at };
    return { openRequest, requestsOpened };
  }
  if ((current.tool !== null || tool === null) && (current.detail !== null || detail === null)) {
    return { openRequest: current, requestsOpened: before.requestsOpened };
  }
  return { openRequest: { ...current, tool: current.tool ?? tool, detail: current.detail ?? detail }, requestsOpened: before.requestsOpened };
}

/** Events that report a dialog (opened, or reminded of), as opposed to tool traffic beside it. */
const DIALOG_EVENTS: ReadonlySet<string> = new Set(['permission-request', 'notification', 'elicitation']);

function toolOf(after: ReducibleSession, signal: ReducerSignal): string | null {
  if (signal.event === 'permission-request') return after.blockedTool?.name ?? signal.facts.toolName ?? null;
  return signal.facts.toolName ?? null;
}

/**
 * A permission request for another tool than the open dialog's: by tool use id when both have
 * one, else by name when both have one. Two dialogs for two calls of the same tool without ids, or
 * a request naming no tool, cannot be told apart from the open one and count as the same dialog.
 */
function isSecondDialog(before: ReducibleSession, after: ReducibleSession, signal: ReducerSignal): boolean {
  if (signal.event !== 'permission-request' || before.blockedTool === null || after.blockedTool === null) return false;
  return !sameTool(before.blockedTool, after.blockedTool);
}

function sameTool(a: ToolFlight, b: ToolFlight): boolean {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  if (a.name !== undefined && b.name !== undefined) return a.name === b.name;
  return true;
}
