import type { ActivityState, AoEvent, Derivation, Facts } from '@ao/activity-dispatch';
import { field, pickFacts } from '@ao/activity-dispatch';

export type FactCandidates = { [K in keyof Facts]?: unknown };

/**
 * One row of an adapter's derivation table (docs/reducer.md, Derivation). `event` and `state` are values, or pure
 * functions of the payload for the rows whose meaning depends on it (a notification's type, a
 * session end's reason). A state function returning undefined means "no state" (facts only).
 */
export interface DerivationRow {
  event: AoEvent | ((payload: unknown) => AoEvent);
  state?: ActivityState | ((payload: unknown) => ActivityState | undefined);
  facts?: (payload: unknown) => FactCandidates;
}

export type DerivationTable = Readonly<Record<string, DerivationRow>>;

/**
 * Looks the event up in the table. Never throws: a payload that makes a row's function throw
 * (hostile getters, odd shapes) yields the row's static parts and no facts rather than a crash on
 * the signal path. An event the table does not hold gives null.
 */
export function deriveFromTable(
  table: DerivationTable,
  event: unknown,
  payload: unknown,
  commonFacts?: (payload: unknown) => FactCandidates,
): Derivation | null {
  if (typeof event !== 'string' || !Object.hasOwn(table, event)) return null;
  const row = table[event]!;
  const aoEvent = typeof row.event === 'function' ? attempt(() => (row.event as (p: unknown) => AoEvent)(payload)) : row.event;
  if (aoEvent === undefined) return null;
  const state = typeof row.state === 'function' ? attempt(() => (row.state as (p: unknown) => ActivityState | undefined)(payload)) : row.state;
  const facts = attempt(() => pickFacts({ ...(commonFacts?.(payload) ?? {}), ...(row.facts?.(payload) ?? {}) })) ?? {};
  const derivation: Derivation = { event: aoEvent, facts };
  if (state !== undefined) derivation.state = state;
  return derivation;
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Reads a nested property path of an unknown value; undefined as soon as a step is not a plain object. */
export function path(value: unknown, ...keys: string[]): unknown {
  let cursor = value;
  for (const key of keys) {
    if (cursor === null || typeof cursor !== 'object' || Array.isArray(cursor)) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

/**
 * The facts every Claude-style command-hook payload carries (Claude Code, and Codex, whose hooks
 * copy Claude's shape): session, transcript, cwd, model, and the tool for tool events.
 */
export function commandHookFacts(payload: unknown): FactCandidates {
  return {
    nativeSessionId: field(payload, 'session_id'),
    transcriptPath: field(payload, 'transcript_path'),
    cwd: field(payload, 'cwd'),
    model: field(payload, 'model'),
    toolName: field(payload, 'tool_name'),
    toolUseId: field(payload, 'tool_use_id'),
    toolDetail: toolInputDetail(field(payload, 'tool_input')),
  };
}

/**
 * The `tool_input` keys that say what a tool call does, most telling first: a shell command, a
 * file or directory, a URL, a search pattern. A question tool (Claude's AskUserQuestion, Codex's
 * request_user_input) holds its text in `questions[0].question`; `description` is the last resort.
 */
const TOOL_INPUT_DETAIL_KEYS = ['command', 'file_path', 'path', 'url', 'pattern'] as const;

/** What a Claude-shaped tool call wants to do (the `toolDetail` fact): the first key holding text. */
export function toolInputDetail(input: unknown): string | undefined {
  const questions = field(input, 'questions');
  const candidates = [
    ...TOOL_INPUT_DETAIL_KEYS.map((key) => field(input, key)),
    Array.isArray(questions) ? field(questions[0], 'question') : undefined,
    field(input, 'description'),
  ];
  return candidates.find((value): value is string => typeof value === 'string' && value.trim() !== '');
}
