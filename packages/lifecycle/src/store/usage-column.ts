import type { SessionUsage } from '@ao/activity-dispatch';
import { parseJsonObjectColumn } from './json-column.js';

/**
 * Reads `sessions.usage` (JSON, docs/store.md "Usage"). Anything that is not a well-formed usage
 * reads as none: a damaged value must not make the session unreadable.
 */
export function parseUsageColumn(text: string | null): SessionUsage | null {
  const value = parseJsonObjectColumn(text);
  return value === null ? null : asSessionUsage(value);
}

/** A SessionUsage made of exactly its own fields, or null when a required one is missing or not a count. */
export function asSessionUsage(value: Record<string, unknown>): SessionUsage | null {
  const { model, inputTokens, outputTokens, cacheReadTokens, costUsd, contextPercent } = value;
  if (model !== null && typeof model !== 'string') return null;
  if (!isCount(inputTokens) || !isCount(outputTokens) || !isCount(cacheReadTokens)) return null;
  return {
    model,
    inputTokens,
    outputTokens,
    cacheReadTokens,
    ...(typeof costUsd === 'number' && Number.isFinite(costUsd) && costUsd >= 0 && { costUsd }),
    ...(typeof contextPercent === 'number' && contextPercent >= 0 && contextPercent <= 100 && { contextPercent }),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
