import { describe, expect, it } from 'vitest';
import { formatTokenCount, formatUsageCell, formatUsd } from '../src/usage-cell.js';
import { renderSessionTable } from '../src/session-table.js';

describe("ao ls's USAGE column", () => {
  it('shows every token the model was sent or wrote in a few characters, and the cost when the harness tells it', () => {
    expect(formatUsageCell(null)).toBe('-');
    expect(formatUsageCell({ model: 'm', inputTokens: 1234, outputTokens: 56, cacheReadTokens: 7 })).toBe('1.2k tok');
    expect(formatUsageCell({ model: 'm', inputTokens: 12_000, outputTokens: 300, cacheReadTokens: 0, costUsd: 0.0412 })).toBe('12.3k tok $0.04');
    expect(formatUsageCell({ model: null, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, costUsd: 0 })).toBe('0 tok $0.00');
  });

  it('keeps counts and costs narrow', () => {
    expect([950, 1000, 12_345, 99_999, 123_456, 4_560_000, 123_000_000].map(formatTokenCount)).toEqual(['950', '1k', '12.3k', '99.9k', '123k', '4.5M', '123M']);
    expect([0.004, 0.005, 12.345].map(formatUsd)).toEqual(['<$0.01', '$0.01', '$12.35']);
  });

  it('is a column of the human table, `-` for a session with no usage yet (or from a daemon that does not send it)', () => {
    const view = {
      id: 's1', name: 'n', harness: 'codex', status: 'idle', needsInputReason: null, activityState: 'idle', pid: 1, lastSignalAt: null, cwd: '/p',
      usage: { model: 'm', inputTokens: 2468, outputTokens: 112, cacheReadTokens: 14, contextPercent: 0.5 },
    };
    const table = renderSessionTable([view, { ...view, id: 's2', usage: undefined }] as never, false, Date.now()).split('\n');
    expect(table[0]).toMatch(/LAST SIGNAL +USAGE +CWD/);
    expect(table[1]).toMatch(/ 2\.5k tok +\/p$/);
    expect(table[2]).toMatch(/ - +\/p$/);
  });
});
