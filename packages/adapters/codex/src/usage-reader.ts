import { field, isRecord } from '@ao/activity-dispatch';
import type { UsageReading, UsageSource } from '@ao/registry';
import { asJsonlFoldCheckpoint, foldJsonl } from '@ao/adapter-kit';

/**
 * What a Codex session has spent, from its rollout (docs/harnesses/codex.md, "Usage"): each
 * `event_msg` `token_count` carries `info.total_token_usage` (the thread's totals so far) and
 * `info.last_token_usage` (the last model call) with `info.model_context_window`; each
 * `turn_context` names the turn's `model`. The last of each wins; the rollout is read on from the
 * last read's checkpoint, never again from the start.
 *
 * OpenAI's `input_tokens` include the cached ones (`cached_input_tokens`): ao's `inputTokens` are
 * the uncached rest. `contextPercent` is the last call's `total_tokens` (what the context held)
 * over the window. Codex writes no cost.
 */
export function readCodexUsage(source: UsageSource): UsageReading | null {
  if (source.transcriptPath === null) return null;
  const checkpoint = foldJsonl({
    path: source.transcriptPath,
    previous: asJsonlFoldCheckpoint(source.checkpoint ?? null, isCodexUsageState),
    initial: () => ({ total: null, contextPercent: null, model: null }),
    fold: foldCodexRecord,
    mustContain: ['"token_count"', '"turn_context"'],
  });
  if (checkpoint === null || checkpoint.state.total === null) return null;
  const { total, contextPercent, model } = checkpoint.state;
  return {
    model,
    inputTokens: total.input,
    outputTokens: total.output,
    cacheReadTokens: total.cacheRead,
    ...(contextPercent !== null && { contextPercent }),
    checkpoint: { ...checkpoint },
  };
}

export interface CodexUsageState {
  total: { input: number; output: number; cacheRead: number } | null;
  contextPercent: number | null;
  model: string | null;
}

/** Folds one rollout record (pure). */
export function foldCodexRecord(state: CodexUsageState, record: unknown): CodexUsageState {
  const payload = field(record, 'payload');
  if (field(record, 'type') === 'turn_context') {
    const model = field(payload, 'model');
    return typeof model === 'string' && model !== '' ? { ...state, model } : state;
  }
  if (field(record, 'type') !== 'event_msg' || field(payload, 'type') !== 'token_count') return state;
  const info = field(payload, 'info');
  const total = field(info, 'total_token_usage');
  if (!isRecord(total)) return state;
  const input = count(total.input_tokens);
  const cacheRead = Math.min(count(total.cached_input_tokens), input);
  const window = count(field(info, 'model_context_window'));
  const inContext = count(field(field(info, 'last_token_usage'), 'total_tokens'));
  return {
    ...state,
    total: { input: input - cacheRead, output: count(total.output_tokens), cacheRead },
    contextPercent: window > 0 ? Math.min(100, Math.round((inContext / window) * 1000) / 10) : state.contextPercent,
  };
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function isCodexUsageState(value: unknown): value is CodexUsageState {
  if (!isRecord(value)) return false;
  const { total, contextPercent, model } = value;
  const totalOk = total === null || (isRecord(total) && typeof total.input === 'number' && typeof total.output === 'number' && typeof total.cacheRead === 'number');
  return totalOk && (contextPercent === null || typeof contextPercent === 'number') && (model === null || typeof model === 'string');
}
