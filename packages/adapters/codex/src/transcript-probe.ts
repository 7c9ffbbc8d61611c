import type { TurnOutcome, TurnStatus } from '@ao/activity-dispatch';
import { readRegularFileTail } from '@ao/adapter-kit';

/**
 * How Codex's last turn ended, read from its transcript: the rollout JSONL that every Codex hook
 * payload names in `transcript_path` (ao keeps it as the session's `transcriptPath`).
 *
 * Why: when the model API fails, the Codex TUI (0.169) fires no hook at all (no Stop, no
 * StopFailure; the turn just ends on screen), so a hook-only ao shows that session "working" until
 * it is stale. The rollout does record it: the turn's closing `event_msg` `task_complete` carries
 * `error: {message, codex_error_info}` (recorded by e2e/codex.e2e.test.ts, scenario api-error;
 * fixtures/rollouts/e2e-api-error.jsonl). A plain turn closes with `task_complete` and no error, an
 * interrupted one (Esc, a denied approval) with `turn_aborted`, a running one has only `task_started`.
 *
 * Pure reading, no state. It is the Codex adapter's `readTurnOutcome`: ao's transcript watch
 * (lifecycle transcript-watch.ts; the daemon's tick and `ao reap`) calls it for `active` sessions
 * and, when the turn ended after the last hook, records `turn-ended` through the capture path.
 */

/** ao's turn outcome (`error`: the API's own message when Codex kept its JSON body), plus the turn's id. */
export interface CodexTurnOutcome extends TurnOutcome {
  /** The turn's id (the `turn_id` of Codex's hook payloads), when recorded. */
  turnId: string | null;
}

/** Turn boundary records in the rollout: `event_msg` payload types and what each says. */
const TURN_EVENTS: Readonly<Record<string, TurnStatus | 'end'>> = {
  task_started: 'running',
  turn_started: 'running',
  task_complete: 'end',
  turn_complete: 'end',
  turn_aborted: 'aborted',
};

/** The default tail read: turn records are small and come last; bigger lines (instructions) are skipped. */
export const ROLLOUT_TAIL_BYTES = 256 * 1024;

/**
 * The outcome of the last turn recorded in rollout text, or null when it records no turn. Only
 * complete lines count: a torn first line (a tail read) or last line (being written) is ignored.
 */
export function lastCodexTurn(rolloutText: string): CodexTurnOutcome | null {
  const lines = rolloutText.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    // Cheap filter before parsing: most lines are response items, some are tens of kilobytes.
    if (!line.includes('"event_msg"') || !/"type":"(task_started|turn_started|task_complete|turn_complete|turn_aborted)"/.test(line)) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isObject(record) || record.type !== 'event_msg' || !isObject(record.payload)) continue;
    const payload = record.payload;
    const kind = typeof payload.type === 'string' && Object.hasOwn(TURN_EVENTS, payload.type) ? TURN_EVENTS[payload.type] : undefined;
    if (kind === undefined) continue;
    const turnId = typeof payload.turn_id === 'string' ? payload.turn_id : null;
    const parsed = typeof record.timestamp === 'string' ? Date.parse(record.timestamp) : NaN;
    const at = Number.isFinite(parsed) ? parsed : null;
    if (kind !== 'end') return { status: kind, turnId, at };
    const error = errorText(payload.error);
    return error === undefined ? { status: 'completed', turnId, at } : { status: 'failed', turnId, at, error };
  }
  return null;
}

/**
 * Reads the tail of a Codex rollout file and returns its last turn's outcome; null when the file
 * cannot be read or records no turn. Never throws, never blocks: the path comes from a hook
 * payload, so only a regular file is opened (a FIFO there once hung every ao command).
 */
export function probeCodexRollout(path: string, options: { maxBytes?: number } = {}): CodexTurnOutcome | null {
  const tail = readRegularFileTail(path, options.maxBytes ?? ROLLOUT_TAIL_BYTES);
  if (tail === null) return null;
  let text = tail.bytes.toString('utf8');
  // A tail that starts mid-line: drop the torn first line.
  if (tail.size > tail.bytes.length) text = text.slice(text.indexOf('\n') + 1);
  return lastCodexTurn(text);
}

function errorText(error: unknown): string | undefined {
  if (error === null || error === undefined) return undefined;
  const message = isObject(error) ? error.message : error;
  if (typeof message !== 'string' || message.trim() === '') return 'error';
  // Codex keeps the API's response body: `{"error":{"message":"…","type":…}}`.
  try {
    const body: unknown = JSON.parse(message);
    const inner = isObject(body) && isObject(body.error) ? body.error.message : undefined;
    if (typeof inner === 'string' && inner.trim() !== '') return inner;
  } catch {
    // not JSON: the message as it is
  }
  return message;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
