import { field, isRecord } from '@ao/activity-dispatch';
import type { UsageReading, UsageSource } from '@ao/registry';

/**
 * What an OpenCode session has spent (docs/harnesses/opencode.md, "Usage"). OpenCode has no
 * transcript file ao reads; its assistant messages carry `tokens` and `cost` on the bus
 * (`message.updated`). ao's plugin tallies them in memory and adds the session's totals to the
 * turn-ending report (`session.idle`, `session.status` idle) as `aoUsage`: this reads them there.
 * `costUsd` is OpenCode's own figure (from the model's configured prices; 0 when it has none).
 */
export function readOpenCodeUsage(source: UsageSource): UsageReading | null {
  const usage = field(source.payload, 'aoUsage');
  if (!isRecord(usage)) return null;
  const inputTokens = count(usage.inputTokens);
  const outputTokens = count(usage.outputTokens);
  const cacheReadTokens = count(usage.cacheReadTokens);
  if (inputTokens === null || outputTokens === null || cacheReadTokens === null) return null;
  const model = typeof usage.model === 'string' && usage.model !== '' ? usage.model : null;
  const cost = usage.costUsd;
  return {
    model,
    inputTokens,
    outputTokens,
    cacheReadTokens,
    ...(typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 && { costUsd: cost }),
  };
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
}
