import type { ActivityState, Derivation } from '@ao/activity-dispatch';
import { field } from '@ao/activity-dispatch';
import { type DerivationTable, commandHookFacts, deriveFromTable, path } from '@ao/adapter-kit';

/**
 * Claude Code → ao (docs/harnesses/claude-code.md). The event is the AO name our hook command passed; the payload is
 * Claude's hook JSON. Pure: no IO, no clock, never throws.
 */

/**
 * Notification types and the state each implies; any other type (auth_success, …) implies none.
 *
 * `permission_prompt` implies none either: it is Claude's reminder, 6 s later, of whatever dialog
 * is open, and PermissionRequest (installed with it, fired when the dialog opens) has already told
 * which kind it is. The reminder cannot tell: it says "Claude needs your permission" for an
 * AskUserQuestion question too, and mapping it to `blocked` turned a question into a permission
 * (seen by e2e/claude-code.e2e.test.ts, scenario question, on 2.1.197); after an answer given
 * within the 6 s it could also arrive late and show a finished dialog as open.
 */
const NOTIFICATION_STATES: Readonly<Record<string, ActivityState>> = {
  idle_prompt: 'idle',
  elicitation_dialog: 'waiting_input',
  // 2.1.332: a dialog that stops the turn until the user chooses (auto mode cannot reach its
  // classifier: stay in auto mode or leave it; and a few other such choices). No other hook tells
  // that it opened (docs/harnesses/claude-code.md, "Auto mode").
  agent_needs_input: 'waiting_input',
};

/**
 * Tools whose "permission" dialog is really a question to the user: Claude asks through the
 * AskUserQuestion tool, and its PermissionRequest is the question being shown.
 */
const QUESTION_TOOLS = new Set(['AskUserQuestion']);

function permissionRequestState(payload: unknown): ActivityState {
  const tool = field(payload, 'tool_name');
  return typeof tool === 'string' && QUESTION_TOOLS.has(tool) ? 'waiting_input' : 'blocked';
}

/** Session-end reasons that do not end the agent: `/clear` and `/resume` start another conversation in the same process. */
const CONTINUING_END_REASONS = new Set(['clear', 'resume']);

function notificationState(payload: unknown): ActivityState | undefined {
  const type = field(payload, 'notification_type');
  return typeof type === 'string' && Object.hasOwn(NOTIFICATION_STATES, type) ? NOTIFICATION_STATES[type] : undefined;
}

function sessionEndState(payload: unknown): ActivityState | undefined {
  const reason = field(payload, 'reason');
  if (typeof reason !== 'string') return undefined; // malformed: say nothing rather than guess
  return CONTINUING_END_REASONS.has(reason) ? undefined : 'exited';
}

/** `error` is a code (rate_limit, unknown, …); the details or the last message say what happened. */
function stopFailureError(payload: unknown): string | undefined {
  const parts = [
    field(payload, 'error'),
    field(payload, 'error_details'),
    path(payload, 'error_details', 'message'),
    field(payload, 'last_assistant_message'),
  ].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? [...new Set(parts)].join(': ') : undefined;
}

export const claudeCodeDerivationTable: DerivationTable = {
  'session-start': { event: 'session-start', facts: (p) => ({ reason: field(p, 'source') }) },
  'user-prompt-submit': { event: 'user-prompt-submit', state: 'active', facts: (p) => ({ prompt: field(p, 'prompt') }) },
  'pre-tool-use': { event: 'pre-tool-use', state: 'active' },
  'post-tool-use': { event: 'post-tool-use', state: 'active' },
  'post-tool-use-failure': { event: 'post-tool-use-failure', state: 'active', facts: (p) => ({ error: field(p, 'error') }) },
  'permission-request': { event: 'permission-request', state: permissionRequestState },
  // The user said no; the turn goes on (the model is told and carries on).
  'permission-denied': { event: 'permission-denied', state: 'active', facts: (p) => ({ reason: field(p, 'reason') }) },
  notification: {
    event: 'notification',
    state: notificationState,
    facts: (p) => ({ notification: field(p, 'message'), notificationType: field(p, 'notification_type') }),
  },
  elicitation: { event: 'elicitation', state: 'waiting_input', facts: (p) => ({ notification: field(p, 'message') }) },
  'elicitation-result': { event: 'elicitation-result', state: 'active' },
  stop: { event: 'stop', state: 'idle' },
  // The turn died on an API or auth error: it is over (idle), and the error is worth showing.
  'stop-failure': { event: 'stop-failure', state: 'idle', facts: (p) => ({ error: stopFailureError(p) }) },
  'subagent-stop': { event: 'subagent-stop' },
  'session-end': { event: 'session-end', state: sessionEndState, facts: (p) => ({ reason: field(p, 'reason') }) },
};

export function deriveClaudeCode(event: string, payload: unknown): Derivation | null {
  return deriveFromTable(claudeCodeDerivationTable, event, payload, commandHookFacts);
}
