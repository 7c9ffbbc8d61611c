/**
 * AO event names (docs/reducer.md). Kebab-case, independent of any harness's native names: an adapter
 * normalises each native event to one of these before the reducer sees it.
 *
 * Two names are additions to the design's list, needed by OpenCode whose bus reports facts the
 * hook-based harnesses do not: `permission-replied` (a permission dialog was answered, approve or
 * reject) and `agent-busy` (the harness says a turn is running without saying why).
 *
 * `permission-answered` is ao's own, like `process-exited`: `ao deny` typed the answer into a
 * dialog of a harness that reports nothing when its dialog is denied (Claude Code 2.1.x), so ao
 * records the fact itself rather than show `blocked` forever. `turn-ended` is ao's too: a turn's
 * end read from the harness's transcript when no hook reported it (Codex fires none when the model
 * API fails).
 */
export const AO_EVENTS = [
  'session-start',
  'user-prompt-submit',
  'pre-tool-use',
  'post-tool-use',
  'post-tool-use-failure',
  'permission-request',
  'permission-denied',
  'permission-replied',
  'notification',
  'elicitation',
  'elicitation-result',
  'stop',
  'stop-failure',
  'subagent-stop',
  'session-end',
  'interrupt',
  'agent-busy',
  'process-exited',
  'permission-answered',
  'turn-ended',
] as const;
export type AoEvent = (typeof AO_EVENTS)[number];

export function isAoEvent(value: unknown): value is AoEvent {
  return typeof value === 'string' && (AO_EVENTS as readonly string[]).includes(value);
}

/** Events that end or begin a turn: they clear a `blocked` state whatever tool was in flight. */
export const TURN_BOUNDARY_EVENTS: ReadonlySet<AoEvent> = new Set<AoEvent>([
  'user-prompt-submit',
  'stop',
  'stop-failure',
  'interrupt',
  'session-end',
  'process-exited',
  'turn-ended',
]);

/** Events that answer an open permission dialog. */
export const PERMISSION_ANSWER_EVENTS: ReadonlySet<AoEvent> = new Set<AoEvent>([
  'permission-denied',
  'permission-replied',
  'permission-answered',
]);

export const TOOL_START_EVENTS: ReadonlySet<AoEvent> = new Set<AoEvent>(['pre-tool-use']);
export const TOOL_END_EVENTS: ReadonlySet<AoEvent> = new Set<AoEvent>(['post-tool-use', 'post-tool-use-failure']);
