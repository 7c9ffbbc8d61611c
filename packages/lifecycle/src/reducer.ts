import { PERMISSION_ANSWER_EVENTS, TOOL_END_EVENTS, TOOL_START_EVENTS, TURN_BOUNDARY_EVENTS } from '@ao/activity-dispatch';
import type { ActivityState } from '@ao/activity-dispatch';
import { reduceOpenRequest } from './open-request.js';
import type { ReduceOutcome, ReducerSignal, ReducibleSession, SessionFacts, ToolFlight } from './session-state.js';

/**
 * The reducer (docs/reducer.md): `(session, signal) → (session', log entries)`. Pure and total.
 */
export function reduce(session: ReducibleSession, signal: ReducerSignal): ReduceOutcome {
  if (session.terminated) return { accepted: false, reason: 'terminated', session, log: [] };
  // Launch fencing: a signal from an earlier (or foreign) launch must not move this one.
  if (signal.launchId !== null && signal.launchId !== session.launchId) {
    return { accepted: false, reason: 'stale-launch', session, log: [] };
  }

  const toolsBefore = session.toolsInFlight;
  const next: ReducibleSession = {
    ...session,
    firstSignalAt: session.firstSignalAt ?? signal.at,
    lastSignalAt: Math.max(session.lastSignalAt ?? 0, signal.at),
    toolsInFlight: updateToolFlight(toolsBefore, signal),
    facts: mergeFacts(session.facts, signal),
  };
  if (signal.event === 'permission-request') next.blockedTool = resolveBlockedTool(toolsBefore, signal);

  const target = signal.state;
  const from = session.activityState;
  if (target === undefined || target === from || !transitionAllowed(session, signal, toolsBefore)) {
    Object.assign(next, reduceOpenRequest(session, next, signal));
    return { accepted: true, session: next, log: [{ type: 'signal', event: signal.event, at: signal.at, facts: signal.facts }] };
  }
  next.activityState = target;
  if (target !== 'blocked' && target !== 'waiting_input') next.blockedTool = null;
  Object.assign(next, reduceOpenRequest(session, next, signal));
  return {
    accepted: true,
    session: next,
    log: [{ type: 'transition', event: signal.event, from, to: target, at: signal.at, facts: signal.facts }],
  };
}

function transitionAllowed(session: ReducibleSession, signal: ReducerSignal, toolsBefore: ToolFlight[]): boolean {
  const target = signal.state as ActivityState;
  // ao's own record of a dialog it answered speaks only of an open dialog: once a hook has moved
  // the session on (a new prompt, say), a late one must not end that turn.
  if (signal.event === 'permission-answered' && session.activityState !== 'blocked') return false;
  switch (session.activityState) {
    case 'exited':
      // Only the user starting a new turn in the same launch brings an exited session back.
      return signal.event === 'user-prompt-submit' && signal.launchId === session.launchId;
    case 'blocked':
      if (TURN_BOUNDARY_EVENTS.has(signal.event) || PERMISSION_ANSWER_EVENTS.has(signal.event)) return true;
      if (target === 'exited' || target === 'waiting_input') return true;
      if (TOOL_END_EVENTS.has(signal.event)) return isPostOfBlockedTool(session.blockedTool, signal, toolsBefore);
      return false;
    case 'waiting_input':
      // A question is open: tool traffic and "busy" reports do not mean the user answered it,
      // unless it is the end of the question tool itself (Claude's AskUserQuestion).
      if (TOOL_END_EVENTS.has(signal.event)) return session.blockedTool !== null && isPostOfBlockedTool(session.blockedTool, signal, toolsBefore);
      return !TOOL_START_EVENTS.has(signal.event) && signal.event !== 'agent-busy';
    default:
      return true;
  }
}

/**
 * Does this post-tool signal end the tool whose permission dialog is open? By tool use id when
 * both sides have one; else by name, only when exactly one tool of that name was in flight
 * (with two `Bash` calls in flight we cannot tell which one was answered: stay blocked).
 */
function isPostOfBlockedTool(blocked: ToolFlight | null, signal: ReducerSignal, toolsBefore: ToolFlight[]): boolean {
  const postId = signal.facts.toolUseId;
  if (blocked?.id !== undefined && postId !== undefined) return blocked.id === postId;
  const name = signal.facts.toolName;
  if (name === undefined || (blocked?.name !== undefined && blocked.name !== name)) return false;
  return toolsBefore.filter((tool) => tool.name === name).length === 1;
}

function resolveBlockedTool(toolsBefore: ToolFlight[], signal: ReducerSignal): ToolFlight {
  const { toolUseId: id, toolName: name } = signal.facts;
  if (id !== undefined) return { id, ...(name !== undefined && { name }) };
  // Claude's PermissionRequest has no tool_use_id: borrow it from the unique in-flight tool of that name.
  const candidates = toolsBefore.filter((tool) => name === undefined || tool.name === name);
  if (candidates.length === 1 && candidates[0]) return { ...candidates[0] };
  return name !== undefined ? { name } : {};
}

function updateToolFlight(tools: ToolFlight[], signal: ReducerSignal): ToolFlight[] {
  if (TURN_BOUNDARY_EVENTS.has(signal.event)) return tools.length === 0 ? tools : [];
  const { toolUseId: id, toolName: name } = signal.facts;
  if (TOOL_START_EVENTS.has(signal.event)) {
    if (id !== undefined && tools.some((tool) => tool.id === id)) return tools;
    return [...tools, { ...(id !== undefined && { id }), ...(name !== undefined && { name }) }];
  }
  if (TOOL_END_EVENTS.has(signal.event)) {
    let index = id !== undefined ? tools.findIndex((tool) => tool.id === id) : -1;
    if (index < 0 && name !== undefined) index = tools.findIndex((tool) => tool.name === name);
    if (index < 0) return tools;
    return [...tools.slice(0, index), ...tools.slice(index + 1)];
  }
  return tools;
}

function mergeFacts(current: SessionFacts, signal: ReducerSignal): SessionFacts {
  const { facts, event } = signal;
  const next: SessionFacts = { ...current };
  if (facts.nativeSessionId) next.nativeSessionId = facts.nativeSessionId;
  if (facts.model) next.model = facts.model;
  if (facts.transcriptPath) next.transcriptPath = facts.transcriptPath;
  if (facts.notification) next.lastNotification = facts.notification;
  if (event === 'user-prompt-submit') {
    if (facts.prompt) next.lastPrompt = facts.prompt;
    delete next.lastError;
  }
  if (facts.error) next.lastError = facts.error;
  if (event === 'process-exited' || event === 'session-end') {
    if (facts.reason) next.exitReason = facts.reason;
  }
  if (event === 'process-exited') next.processExitedAt = signal.at;
  return next;
}
