import type { ActivityState, Derivation } from '@ao/activity-dispatch';
import { field } from '@ao/activity-dispatch';
import { type DerivationTable, type FactCandidates, deriveFromTable, path } from '@ao/adapter-kit';

/**
 * OpenCode → ao (docs/harnesses/opencode.md). OpenCode has no shell hooks: ao's plugin forwards bus events as
 * `{type, properties}` and plugin hook calls as `{type, input, output}`, and `event` is that native
 * type. derive normalises it to an AO event. Pure; never throws.
 *
 * The plugin marks events of a subagent's session (a child session, `info.parentID` set) with
 * `aoSubagent: true`: a subagent going idle must not make the agent look idle while its parent
 * turn still runs.
 */

const sessionOf = (p: unknown) => path(p, 'properties', 'sessionID') ?? path(p, 'input', 'sessionID') ?? path(p, 'properties', 'info', 'id');
const isSubagent = (p: unknown) => field(p, 'aoSubagent') === true;
const statusType = (p: unknown) => path(p, 'properties', 'status', 'type');

/** `busy` and `retry` (an API error being retried) mean a turn runs; `idle` that it ended. */
function statusState(p: unknown): ActivityState | undefined {
  const type = statusType(p);
  if (type === 'busy' || type === 'retry') return 'active';
  if (type === 'idle') return isSubagent(p) ? undefined : 'idle';
  return undefined;
}

/** `APIError: mock: forced failure (HTTP 400)` from `{name, data:{message, statusCode}}`. */
function errorText(error: unknown): string | undefined {
  const name = field(error, 'name');
  const message = path(error, 'data', 'message') ?? field(error, 'message');
  const status = path(error, 'data', 'statusCode');
  const text = [name, message].filter((part): part is string => typeof part === 'string' && part !== '').join(': ');
  if (!text) return undefined;
  return typeof status === 'number' ? `${text} (HTTP ${status})` : text;
}

/** The text parts of the user's message: what they asked. */
function promptText(p: unknown): string | undefined {
  const parts = path(p, 'output', 'parts');
  if (!Array.isArray(parts)) return undefined;
  const texts = parts.filter((part) => field(part, 'type') === 'text' && typeof field(part, 'text') === 'string').map((part) => field(part, 'text') as string);
  return texts.length > 0 ? texts.join(' ') : undefined;
}

function firstQuestion(p: unknown): unknown {
  const questions = path(p, 'properties', 'questions');
  return Array.isArray(questions) ? field(questions[0], 'question') : undefined;
}

function permissionSubject(p: unknown): unknown {
  const command = path(p, 'properties', 'metadata', 'command');
  if (typeof command === 'string') return command;
  const patterns = path(p, 'properties', 'patterns');
  return Array.isArray(patterns) ? patterns.filter((x) => typeof x === 'string').join(' ') : undefined;
}

export const opencodeDerivationTable: DerivationTable = {
  // Sent by ao's plugin when OpenCode loads it: the hooks are wired, even before the first prompt
  // (OpenCode creates its session only with the first prompt).
  'plugin.init': { event: 'session-start', facts: (p) => ({ cwd: path(p, 'properties', 'directory') }) },
  'session.created': {
    event: 'session-start',
    facts: (p) => ({ cwd: path(p, 'properties', 'info', 'directory'), model: path(p, 'properties', 'info', 'model', 'id') }),
  },
  'session.status': {
    event: (p) => (statusType(p) === 'idle' ? (isSubagent(p) ? 'subagent-stop' : 'stop') : 'agent-busy'),
    state: statusState,
    facts: (p) => ({ error: statusType(p) === 'retry' ? path(p, 'properties', 'status', 'message') : undefined }),
  },
  'session.idle': { event: (p) => (isSubagent(p) ? 'subagent-stop' : 'stop'), state: (p) => (isSubagent(p) ? undefined : 'idle') },
  // The turn died (API error, abort); OpenCode follows with idle. Keep the error to show it.
  'session.error': {
    event: (p) => (isSubagent(p) ? 'subagent-stop' : 'stop-failure'),
    state: (p) => (isSubagent(p) ? undefined : 'idle'),
    facts: (p) => ({ error: errorText(path(p, 'properties', 'error')) }),
  },
  'permission.asked': {
    event: 'permission-request',
    state: 'blocked',
    facts: (p) => ({
      toolName: path(p, 'properties', 'permission'),
      toolUseId: path(p, 'properties', 'tool', 'callID'),
      // The command (or the patterns) asked for: the dialog's subject, and what the user decides on.
      notification: permissionSubject(p),
      toolDetail: permissionSubject(p),
    }),
  },
  // Answered, whatever the answer: on "reject" the model is told and the turn goes on.
  'permission.replied': { event: 'permission-replied', state: 'active', facts: (p) => ({ reason: path(p, 'properties', 'reply') }) },
  'question.asked': { event: 'elicitation', state: 'waiting_input', facts: (p) => ({ notification: firstQuestion(p) }) },
  'question.replied': { event: 'elicitation-result', state: 'active' },
  'question.rejected': { event: 'elicitation-result', state: 'active' },
  // A subagent's prompt is its parent's tool call, not the user starting a turn.
  'chat.message': {
    event: (p) => (isSubagent(p) ? 'agent-busy' : 'user-prompt-submit'),
    state: 'active',
    facts: (p) => ({ prompt: promptText(p), model: path(p, 'input', 'model', 'modelID') ?? path(p, 'output', 'message', 'model', 'modelID') }),
  },
  'tool.execute.before': {
    event: 'pre-tool-use',
    state: 'active',
    facts: (p) => ({ toolName: path(p, 'input', 'tool'), toolUseId: path(p, 'input', 'callID') }),
  },
  'tool.execute.after': {
    event: 'post-tool-use',
    state: 'active',
    facts: (p) => ({ toolName: path(p, 'input', 'tool'), toolUseId: path(p, 'input', 'callID') }),
  },
};

/** The native types ao's plugin forwards: exactly those derive knows. */
export const FORWARDED_BUS_EVENTS = Object.keys(opencodeDerivationTable).filter(
  (type) => !['plugin.init', 'chat.message', 'tool.execute.before', 'tool.execute.after'].includes(type),
);

function commonFacts(p: unknown): FactCandidates {
  return { nativeSessionId: sessionOf(p) };
}

export function deriveOpencode(event: string, payload: unknown): Derivation | null {
  return deriveFromTable(opencodeDerivationTable, event, payload, commonFacts);
}
