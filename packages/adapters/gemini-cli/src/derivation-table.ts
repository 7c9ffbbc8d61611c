import type { ActivityState, AoEvent, Derivation } from '@ao/activity-dispatch';
import { field } from '@ao/activity-dispatch';
import { type DerivationTable, type FactCandidates, commandHookFacts, deriveFromTable, path } from '@ao/adapter-kit';

/**
 * Gemini CLI → ao (docs/harnesses/gemini-cli.md). The event is the AO name our hook command passed;
 * the payload is Gemini's hook JSON (Claude-like: `session_id`, `transcript_path`, `cwd`,
 * `hook_event_name`, `timestamp`). Pure: no IO, no clock, never throws.
 *
 * Gemini has no permission-request event: `Notification` with `notification_type` `ToolPermission`
 * fires just before any confirmation dialog is drawn, and its `details.type` tells what the dialog
 * is (`exec`, `edit`, `mcp`, `info`, `ask_user`). A denied dialog fires nothing at all.
 */

/**
 * Gemini asks the user through its `ask_user` tool. Its BeforeTool carries the questions
 * (`tool_input.questions`), the Notification that follows carries none, and AfterTool fires once
 * the user answered. So BeforeTool of `ask_user` is the question opening (with its text), and its
 * AfterTool the answer, as for Codex's request_user_input.
 */
const QUESTION_TOOL = 'ask_user';
const isQuestion = (payload: unknown) => field(payload, 'tool_name') === QUESTION_TOOL;

function firstQuestion(payload: unknown): unknown {
  const questions = path(payload, 'tool_input', 'questions');
  return Array.isArray(questions) ? field(questions[0], 'question') : undefined;
}

const isToolPermission = (payload: unknown) => field(payload, 'notification_type') === 'ToolPermission';
const dialogType = (payload: unknown) => path(payload, 'details', 'type');

function notificationEvent(payload: unknown): AoEvent {
  return isToolPermission(payload) ? 'permission-request' : 'notification';
}

function notificationState(payload: unknown): ActivityState | undefined {
  if (!isToolPermission(payload)) return undefined;
  return dialogType(payload) === QUESTION_TOOL ? 'waiting_input' : 'blocked';
}

/**
 * What the dialog wants, from its `details` (the Notification names no tool): the command of an
 * `exec`, the file of an `edit`, the tool of an `mcp` call, the prompt or URLs of an `info`.
 */
function dialogDetail(payload: unknown): unknown {
  const urls = path(payload, 'details', 'urls');
  const candidates = [
    path(payload, 'details', 'command'),
    path(payload, 'details', 'filePath'),
    path(payload, 'details', 'toolDisplayName'),
    path(payload, 'details', 'toolName'),
    path(payload, 'details', 'prompt'),
    Array.isArray(urls) ? urls.filter((url) => typeof url === 'string').join(' ') : undefined,
  ];
  return candidates.find((value) => typeof value === 'string' && value.trim() !== '');
}

function notificationFacts(payload: unknown): FactCandidates {
  return {
    notification: field(payload, 'message'),
    notificationType: field(payload, 'notification_type'),
    toolDetail: isToolPermission(payload) ? dialogDetail(payload) : undefined,
  };
}

/** Session-end reasons that do not end the process: `/clear` starts another conversation in it. */
const CONTINUING_END_REASONS = new Set(['clear']);

function sessionEndState(payload: unknown): ActivityState | undefined {
  const reason = field(payload, 'reason');
  if (typeof reason !== 'string') return undefined; // malformed: say nothing rather than guess
  return CONTINUING_END_REASONS.has(reason) ? undefined : 'exited';
}

export const geminiCliDerivationTable: DerivationTable = {
  'session-start': { event: 'session-start', facts: (p) => ({ reason: field(p, 'source') }) },
  'user-prompt-submit': { event: 'user-prompt-submit', state: 'active', facts: (p) => ({ prompt: field(p, 'prompt') }) },
  'pre-tool-use': {
    event: (p) => (isQuestion(p) ? 'elicitation' : 'pre-tool-use'),
    state: (p) => (isQuestion(p) ? 'waiting_input' : 'active'),
    facts: (p) => ({ notification: isQuestion(p) ? firstQuestion(p) : undefined }),
  },
  'post-tool-use': { event: (p) => (isQuestion(p) ? 'elicitation-result' : 'post-tool-use'), state: 'active' },
  notification: { event: notificationEvent, state: notificationState, facts: notificationFacts },
  // AfterAgent ends every turn, a failed one too (an HTTP 400 gives prompt_response "[no response
  // text]" and no error field): idle.
  stop: { event: 'stop', state: 'idle' },
  'session-end': { event: 'session-end', state: sessionEndState, facts: (p) => ({ reason: field(p, 'reason') }) },
};

export function deriveGeminiCli(event: string, payload: unknown): Derivation | null {
  return deriveFromTable(geminiCliDerivationTable, event, payload, commandHookFacts);
}
