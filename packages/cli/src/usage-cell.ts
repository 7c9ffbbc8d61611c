import type { SessionUsage } from '@ao/activity-dispatch';

/**
 * The USAGE cell of `ao ls`: every token the session's model was sent or wrote (input, cache
 * reads, output) in a few characters, and the cost when the harness reports one. `-` while unknown.
 */
export function formatUsageCell(usage: SessionUsage | null): string {
  if (usage === null) return '-';
  const tokens = `${formatTokenCount(usage.inputTokens + usage.cacheReadTokens + usage.outputTokens)} tok`;
  return usage.costUsd === undefined ? tokens : `${tokens} ${formatUsd(usage.costUsd)}`;
}

/** 950, 12.3k, 4.5M: at most five characters. */
export function formatTokenCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 1_000_000) return `${trimmed(count / 1000)}k`;
  return `${trimmed(count / 1_000_000)}M`;
}

/** One decimal under 100 (12.3k), none above (123k). */
function trimmed(value: number): string {
  return value < 100 ? (Math.floor(value * 10) / 10).toFixed(1).replace(/\.0$/, '') : String(Math.floor(value));
}

/** $0.04, $12.35; under a cent: <$0.01. */
export function formatUsd(amount: number): string {
  if (amount > 0 && amount < 0.005) return '<$0.01';
  return `$${amount.toFixed(2)}`;
}
