import type { SessionObject } from '@ao/protocol';

/**
 * A session's usage in a few words for its page: every token the model was sent or wrote (as
 * `ao ls`'s USAGE column counts them), then what the harness alone tells (cost, context use), then
 * the model. Null while the session has none.
 */
export function usageWords(usage: SessionObject['usage']): string | null {
  if (usage === null || usage === undefined) return null;
  const tokens = usage.inputTokens + usage.cacheReadTokens + usage.outputTokens;
  const parts = [`${tokens.toLocaleString('en')} tokens`];
  if (usage.costUsd !== undefined) parts.push(usage.costUsd > 0 && usage.costUsd < 0.005 ? '<$0.01' : `$${usage.costUsd.toFixed(2)}`);
  if (usage.contextPercent !== undefined) parts.push(`${usage.contextPercent}% of context`);
  if (usage.model !== null) parts.push(usage.model);
  return parts.join(' · ');
}
