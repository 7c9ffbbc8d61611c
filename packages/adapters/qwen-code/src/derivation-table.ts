import type { ActivityState, AoEvent, Derivation } from '@ao/activity-dispatch';
import { field } from '@ao/activity-dispatch';
import { type DerivationTable, type FactCandidates, commandHookFacts, deriveFromTable, path } from '@ao/adapter-kit';

/**
 * Qwen Code → ao (docs/harnesses/qwen-code.md). The event is the name our hook command passed
 * (hook-events.ts); the payload is Qwen's hook JSON, Claude-shaped. Pure: no IO, no clock, never
 * throws.
 */

/**
 * Notification types and the state each implies; any other type (auth_success, …) implies none.
 * `permission_prompt` implies none: Qwen fires it right after PermissionRequest for the same
 * dialog, question or permission alike ("Qwen Code needs your permission to use
 * ask_user_question"), so it cannot tell which kind is open and must not turn a question into a
 * permission. `idle_prompt` follows every turn's end, also the one a denial ends (no Stop then).
 */
const NOTIFICATION_STATES: Readonly<Record<string, ActivityState>> = {
  idle_prompt: 'idle',
};

/** Qwen asks its user through the ask_user_question tool; its PermissionRequest is the question being shown. */
const QUESTION_TOOLS = new Set(['ask_user_question']);

/** Session-end reasons that do not end the agent: `/clear` starts another conversation in the same process. */
const CONTINUING_END_REASONS = new Set(['clear', 'resume']);

function permissionRequestState(payload: unknown): ActivityState {
  const tool = field(payload, 'tool_name');
  return typeof tool === 'string' && QUESTION_TOOLS.has(tool) ? 'waiting_input' : 'blocked';
}

function notificationState(payload: unknown): ActivityState | undefined {
  const type = field(payload, 'notification_type');
  return typeof type === 'string' && Object.hasOwn(NOTIFICATION_STATES, type) ? NOTIFICATION_STATES[type] : undefined;
}

function sessionEndState(payload: unknown): ActivityState | undefined {
  const reason = field(payload, 'reason');
  if (typeof reason !== 'string') return undefined; // malformed: say nothing rather than guess
  return CONTINUING_END_REASONS.has(reason) ? undefined : 'exited';
}

/**
 * UserPromptSubmit fires for the user's prompt, and again with `prompt: ""` when Qwen goes back to
 * the model after a batch of tool calls: that one continues the turn, it is not a new one (no
 * state, and no `user-prompt-submit`, which `ao send` takes as its prompt being received).
 */
const isContinuation = (payload: unknown) => field(payload, 'prompt') === '';

/** The first call of a PostToolBatch that did not run because the user refused it in its dialog. */
function cancelledCall(payload: unknown): unknown {
  const calls = field(payload, 'tool_calls');
  return Array.isArray(calls) ? calls.find((call) => field(call, 'status') === 'cancelled') : undefined;
}

/**
 * PostToolBatch ends a batch of tool calls. When the user refused a call in its permission dialog
 * (Esc, "No"), this is the only hook that says so (status `cancelled`; PermissionDenied is for the
 * auto-mode classifier), and `idle_prompt` follows without a Stop: it is the answer to the dialog
 * (`permission-denied`). Otherwise the turn simply goes on (`agent-busy`).
 */
function postToolBatchEvent(payload: unknown): AoEvent {
  return cancelledCall(payload) === undefined ? 'agent-busy' : 'permission-denied';
}

function postToolBatchFacts(payload: unknown): FactCandidates {
  const call = cancelledCall(payload);
  if (call === undefined) return {};
  return { toolName: field(call, 'tool_name'), toolUseId: field(call, 'tool_use_id'), reason: 'cancelled' };
}

/** `error` is a code (invalid_request, rate_limit, …); `error_details` says what happened, else the last message. */
function stopFailureError(payload: unknown): string | undefined {
  const details = [field(payload, 'error_details'), path(payload, 'error_details', 'message')].find(isText) ?? field(payload, 'last_assistant_message');
  const parts = [field(payload, 'error'), details].filter(isText);
  return parts.length > 0 ? [...new Set(parts)].join(': ') : undefined;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const qwenCodeDerivationTable: DerivationTable = {
  'session-start': { event: 'session-start', facts: (p) => ({ reason: field(p, 'source') }) },
  'user-prompt-submit': {
    event: (p) => (isContinuation(p) ? 'agent-busy' : 'user-prompt-submit'),
    state: (p) => (isContinuation(p) ? undefined : 'active'),
    facts: (p) => ({ prompt: field(p, 'prompt') }),
  },
  'pre-tool-use': { event: 'pre-tool-use', state: 'active' },
  'post-tool-use': { event: 'post-tool-use', state: 'active' },
  'post-tool-use-failure': { event: 'post-tool-use-failure', state: 'active', facts: (p) => ({ error: field(p, 'error') }) },
  'post-tool-batch': { event: postToolBatchEvent, state: 'active', facts: postToolBatchFacts },
  'permission-request': { event: 'permission-request', state: permissionRequestState },
  // The auto-mode classifier refused a call; the turn goes on (the model is told).
  'permission-denied': { event: 'permission-denied', state: 'active', facts: (p) => ({ reason: field(p, 'reason') }) },
  notification: {
    event: 'notification',
    state: notificationState,
    facts: (p) => ({ notification: field(p, 'message'), notificationType: field(p, 'notification_type') }),
  },
  stop: { event: 'stop', state: 'idle' },
  // The turn died on an API error: it is over (idle), and the error is worth showing.
  'stop-failure': { event: 'stop-failure', state: 'idle', facts: (p) => ({ error: stopFailureError(p) }) },
  'session-end': { event: 'session-end', state: sessionEndState, facts: (p) => ({ reason: field(p, 'reason') }) },
};

export function deriveQwenCode(event: string, payload: unknown): Derivation | null {
  return deriveFromTable(qwenCodeDerivationTable, event, payload, commandHookFacts);
}
