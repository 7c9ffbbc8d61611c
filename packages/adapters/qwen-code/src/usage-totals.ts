import { field, isRecord } from '@ao/activity-dispatch';

/**
 * What a Qwen Code session has spent, summed from its chat recording (the JSONL file its hooks
 * name as `transcript_path`, `~/.qwen/projects/<project>/chats/<session>.jsonl`). Pure: text in,
 * totals out (docs/harnesses/qwen-code.md, "Usage").
 *
 * Qwen 0.24.4 writes one `{"type":"system","subtype":"ui_telemetry","systemPayload":{"uiEvent":
 * {"event.name":"qwen-code.api_response", model, input_token_count, output_token_count,
 * cached_content_token_count, …}}}` line per model call it records: the turn's calls and its
 * background managed-memory extraction alike (both are billed), and an `{"type":"assistant",
 * "model", "usageMetadata"}` line per reply of the turn itself. The api_response lines are summed;
 * the model is the latest assistant line's (the background calls may use another). Qwen takes
 * `input_token_count` from the API's prompt tokens, which for OpenAI-compatible APIs include the
 * cached ones: those are taken out, so that input + cache read is everything sent.
 */
export interface QwenUsageTotals {
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** Model calls summed so far (0: the recording holds none yet). */
  calls: number;
}

export const EMPTY_TOTALS: QwenUsageTotals = Object.freeze({ model: null, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, calls: 0 });

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

/** The totals after the complete JSONL lines of `text` (a line that is not JSON, or not usage, is skipped). */
export function addUsageLines(totals: QwenUsageTotals, text: string): QwenUsageTotals {
  let next = totals;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    next = addUsageRecord(next, record);
  }
  return next;
}

function addUsageRecord(totals: QwenUsageTotals, record: unknown): QwenUsageTotals {
  const type = field(record, 'type');
  if (type === 'assistant') {
    const model = field(record, 'model');
    return typeof model === 'string' && model !== '' ? { ...totals, model } : totals;
  }
  if (type !== 'system' || field(record, 'subtype') !== 'ui_telemetry') return totals;
  const event = field(field(record, 'systemPayload'), 'uiEvent');
  if (!isRecord(event) || event['event.name'] !== 'qwen-code.api_response') return totals;
  const cached = count(event.cached_content_token_count);
  return {
    ...totals,
    inputTokens: totals.inputTokens + Math.max(0, count(event.input_token_count) - cached),
    outputTokens: totals.outputTokens + count(event.output_token_count),
    cacheReadTokens: totals.cacheReadTokens + cached,
    calls: totals.calls + 1,
  };
}

/**
 * How full the context window is, 0-100, from a Stop payload: Qwen reports `context_usage` as the
 * fraction of `context_limit` the last prompt used (12 tokens of 200000 → 0.00006).
 */
export function contextPercentOf(payload: unknown): number | undefined {
  const fraction = field(payload, 'context_usage');
  if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction < 0) return undefined;
  return Math.min(100, fraction * 100);
}
