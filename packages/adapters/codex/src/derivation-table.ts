import type { ActivityState, Derivation } from '@ao/activity-dispatch';
import { field } from '@ao/activity-dispatch';
import { type DerivationTable, commandHookFacts, deriveFromTable, path } from '@ao/adapter-kit';

/**
 * Codex CLI → ao (docs/harnesses/codex.md, "map as Claude Code"). The event is the AO name our hook command
 * passed; the payload is Codex's hook JSON (Claude-shaped, plus `turn_id` and `model` everywhere).
 * Pure: no IO, never throws. Codex has no notification or idle event: Stop and Interrupt end turns.
 */

/** As for Claude Code: a session end that only switches conversation is not an exit. */
const CONTINUING_END_REASONS = new Set(['clear', 'resume']);

function sessionEndState(payload: unknown): ActivityState | undefined {
  const reason = field(payload, 'reason');
  if (typeof reason !== 'string') return undefined; // malformed: no guess (the session host still sees the exit)
  return CONTINUING_END_REASONS.has(reason) ? undefined : 'exited';
}

/**
 * Codex asks the user with its `request_user_input` tool (Plan mode, or Default mode with the
 * `default_mode_request_user_input` feature): PreToolUse fires when the question is shown,
 * PostToolUse when it is answered (observed on 0.169.0, e2e/codex.e2e.test.ts scenario question).
 * No other hook says so, so these two are the question opening and being answered.
 * Limit: in Default mode without the feature Codex refuses the call at once, after PreToolUse and
 * with no PostToolUse; the session then shows the question until the turn ends.
 */
const QUESTION_TOOL = 'request_user_input';
const isQuestion = (payload: unknown) => field(payload, 'tool_name') === QUESTION_TOOL;

function firstQuestion(payload: unknown): unknown {
  const questions = path(payload, 'tool_input', 'questions');
  return Array.isArray(questions) ? field(questions[0], 'question') : undefined;
}

export const codexDerivationTable: DerivationTable = {
  'session-start': { event: 'session-start', facts: (p) => ({ reason: field(p, 'source') }) },
  'user-prompt-submit': { event: 'user-prompt-submit', state: 'active', facts: (p) => ({ prompt: field(p, 'prompt') }) },
  'pre-tool-use': {
    event: (p) => (isQuestion(p) ? 'elicitation' : 'pre-tool-use'),
    state: (p) => (isQuestion(p) ? 'waiting_input' : 'active'),
    facts: (p) => ({ notification: isQuestion(p) ? firstQuestion(p) : undefined }),
  },
  'post-tool-use': { event: (p) => (isQuestion(p) ? 'elicitation-result' : 'post-tool-use'), state: 'active' },
  'permission-request': { event: 'permission-request', state: 'blocked' },
  stop: { event: 'stop', state: 'idle' },
  // The user cut the turn off (Esc, or No in an approval dialog): Stop does not follow.
  interrupt: { event: 'interrupt', state: 'idle' },
  'subagent-stop': { event: 'subagent-stop' },
  'session-end': { event: 'session-end', state: sessionEndState, facts: (p) => ({ reason: field(p, 'reason') }) },
};

export function deriveCodex(event: string, payload: unknown): Derivation | null {
  return deriveFromTable(codexDerivationTable, event, payload, commandHookFacts);
}
