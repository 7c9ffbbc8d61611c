import { describe, expect, it } from 'vitest';
import { usageWords } from '../src/usage-words.js';

describe("the session page's usage line", () => {
  it('says the tokens, then the cost, the context use and the model when known; nothing while there is no usage', () => {
    expect(usageWords(null)).toBeNull();
    expect(usageWords({ model: 'mock-model', inputTokens: 2468, outputTokens: 112, cacheReadTokens: 14, contextPercent: 0.5 })).toBe('2,594 tokens · 0.5% of context · mock-model');
    expect(usageWords({ model: null, inputTokens: 1234, outputTokens: 56, cacheReadTokens: 7, costUsd: 0.0045 })).toBe('1,297 tokens · <$0.01');
  });
});
