import { field, isRecord, type SessionUsage } from '@ao/activity-dispatch';
import type { UsageReading, UsageSource } from '@ao/registry';
import { asJsonlFoldCheckpoint, foldJsonl } from '@ao/adapter-kit';

/**
 * What a Claude Code session has spent, from its transcript (docs/harnesses/claude-code.md,
 * "Usage"): each assistant line carries the API's `message.usage` and `message.model`. Streaming
 * writes one line per content block, all with the same `message.id` and usage: a message counts
 * once, with the usage of its last line (the most complete). Read on from the last read's checkpoint.
 *
 * No `contextPercent`: the transcript does not say the model's context window (it differs by model
 * and by the `[1m]` option), and no `costUsd`: Claude Code writes no cost there.
 */
export function readClaudeUsage(source: UsageSource): UsageReading | null {
  if (source.transcriptPath === null) return null;
  const previous = asJsonlFoldCheckpoint(source.checkpoint ?? null, isClaudeUsageState);
  const checkpoint = foldJsonl({
    path: source.transcriptPath,
    previous,
    initial: emptyState,
    fold: foldClaudeLine,
    mustContain: ['"usage"'],
  });
  if (checkpoint === null) return null;
  const usage = usageOf(checkpoint.state);
  return usage === null ? null : { ...usage, checkpoint: { ...checkpoint } };
}

interface Tokens {
  input: number;
  output: number;
  cacheRead: number;
}

/** Totals of the messages already closed, and the message still being written (its id and usage so far). */
export interface ClaudeUsageState {
  counted: Tokens;
  open: { id: string; tokens: Tokens } | null;
  model: string | null;
  messages: number;
}

const emptyState = (): ClaudeUsageState => ({ counted: { input: 0, output: 0, cacheRead: 0 }, open: null, model: null, messages: 0 });

/** Folds one transcript line (pure). */
export function foldClaudeLine(state: ClaudeUsageState, line: unknown): ClaudeUsageState {
  if (field(line, 'type') !== 'assistant') return state;
  const message = field(line, 'message');
  const id = field(message, 'id');
  const usage = field(message, 'usage');
  if (typeof id !== 'string' || !isRecord(usage)) return state;
  const tokens: Tokens = {
    // Cache writes are input sent uncached: counted as input (SessionUsage's meaning).
    input: count(usage.input_tokens) + count(usage.cache_creation_input_tokens),
    output: count(usage.output_tokens),
    cacheRead: count(usage.cache_read_input_tokens),
  };
  const model = field(message, 'model');
  // Claude Code's own stand-in messages (an API error shown as a reply) name the model `<synthetic>`.
  const named = typeof model === 'string' && model !== '' && model !== '<synthetic>' ? model : state.model;
  if (state.open !== null && state.open.id === id) return { ...state, open: { id, tokens }, model: named };
  const counted = state.open === null ? state.counted : add(state.counted, state.open.tokens);
  return { counted, open: { id, tokens }, model: named, messages: state.messages + 1 };
}

function usageOf(state: ClaudeUsageState): SessionUsage | null {
  if (state.messages === 0) return null;
  const total = state.open === null ? state.counted : add(state.counted, state.open.tokens);
  return { model: state.model, inputTokens: total.input, outputTokens: total.output, cacheReadTokens: total.cacheRead };
}

function add(a: Tokens, b: Tokens): Tokens {
  return { input: a.input + b.input, output: a.output + b.output, cacheRead: a.cacheRead + b.cacheRead };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function isTokens(value: unknown): value is Tokens {
  return isRecord(value) && typeof value.input === 'number' && typeof value.output === 'number' && typeof value.cacheRead === 'number';
}

function isClaudeUsageState(value: unknown): value is ClaudeUsageState {
  if (!isRecord(value) || !isTokens(value.counted) || typeof value.messages !== 'number') return false;
  if (value.model !== null && typeof value.model !== 'string') return false;
  const open = value.open;
  return open === null || (isRecord(open) && typeof open.id === 'string' && isTokens(open.tokens));
}
