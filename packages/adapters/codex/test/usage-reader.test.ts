import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCodexUsage } from '../src/usage-reader.js';

/**
 * Rollouts recorded from the real Codex TUI by e2e/codex.e2e.test.ts against the mock model server,
 * which reports 1234 uncached input tokens, 7 cached and 56 output tokens per response (OpenAI
 * Responses shape: input_tokens 1241 with cached_tokens 7).
 */
const rollout = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'rollouts', `e2e-${name}.jsonl`);
const scratch = mkdtempSync(join(tmpdir(), 'ao-codex-usage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const source = (transcriptPath: string | null, checkpoint: Record<string, unknown> | null = null) => ({ transcriptPath, facts: {}, checkpoint });
const perResponse = (n: number) => ({ model: 'mock-model', inputTokens: 1234 * n, outputTokens: 56 * n, cacheReadTokens: 7 * n });
// The last call's context (1241 in, 56 out) over Codex's window for an unknown model (258400).
const CONTEXT_PERCENT = 0.5;

describe('Codex usage from recorded rollouts', () => {
  it('a plain turn: one response, uncached input apart from the cached, the turn_context model', () => {
    expect(readCodexUsage(source(rollout('plain-turn')))).toEqual({ ...perResponse(1), contextPercent: CONTEXT_PERCENT, checkpoint: expect.any(Object) });
  });

  it('a tool turn: the thread totals of its two responses', () => {
    expect(readCodexUsage(source(rollout('tool-allowed')))).toMatchObject({ ...perResponse(2), contextPercent: CONTEXT_PERCENT });
  });

  it('a turn that never got an answer: nothing to tell', () => {
    expect(readCodexUsage(source(rollout('killed-mid-turn')))).toBeNull();
    expect(readCodexUsage(source(null))).toBeNull();
  });

  it('reads on from its checkpoint: a second turn appended is added without reading the first again', () => {
    const file = join(scratch, 'rollout.jsonl');
    copyFileSync(rollout('plain-turn'), file);
    const first = readCodexUsage(source(file))!;
    // The same thread's next turn: Codex writes the grown totals in a new token_count.
    const lines = readFileSync(rollout('tool-allowed'), 'utf8').split('\n').filter((line) => line.includes('"token_count"'));
    appendFileSync(file, `${lines.at(-1)}\n`);
    const second = readCodexUsage(source(file, first.checkpoint!))!;
    expect(second).toMatchObject(perResponse(2));
    expect((second.checkpoint as { offset: number }).offset).toBeGreaterThan((first.checkpoint as { offset: number }).offset);
    // A checkpoint of another shape is not trusted: read from the start.
    expect(readCodexUsage(source(file, { offset: 'x' }))).toMatchObject(perResponse(2));
  });
});
