import { describe, expect, it } from 'vitest';
import { pollUntil } from '../src/poll.js';

describe('pollUntil', () => {
  it('returns the first value the probe gives, asking again until then', async () => {
    let asked = 0;
    expect(await pollUntil(() => (++asked === 3 ? 'ready' : undefined), { timeoutMs: 10_000, intervalMs: 1 })).toBe('ready');
    expect(asked).toBe(3);
  });

  it('asks at least once, and gives undefined once the deadline has passed', async () => {
    let asked = 0;
    expect(await pollUntil(() => void asked++, { deadline: 0, intervalMs: 1 })).toBeUndefined();
    expect(asked).toBe(1);
  });

  it("stops at the probe's error", async () => {
    await expect(pollUntil(() => Promise.reject(new Error('the host died')), { timeoutMs: 10_000, intervalMs: 1 })).rejects.toThrow('the host died');
  });
});
