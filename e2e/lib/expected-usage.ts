// What `usage` ao must show after a scenario: the mock model server reports MOCK_USAGE for every
// response, so a session's totals are (responses the harness counts) × MOCK_USAGE, each harness
// adding what it alone tells (docs/harnesses/<id>.md, "Usage").
import { expect } from 'vitest';
import { MOCK_USAGE } from '../mock-model-server.mjs';
import { MOCK_MODEL_COST } from '../opencode-mock-config.mjs';
import type { Scenario } from './scenario.js';

/** Codex's context window for a model it does not know (0.169's `model_context_window` in the rollout). */
const CODEX_CONTEXT_WINDOW = 258_400;

/**
 * The usage `ao status --json` must show once `responses` model responses of the conversation have
 * ended. `model`: the one the harness asked the mock for last (the mock answers with the model it
 * was asked for; Claude Code asks for its default model, the others for the configured `mock-model`).
 */
export function expectedUsage(harness: Scenario['harness'], responses: number, model: string): Record<string, unknown> {
  const tokens = {
    model,
    inputTokens: responses * MOCK_USAGE.inputTokens,
    outputTokens: responses * MOCK_USAGE.outputTokens,
    cacheReadTokens: responses * MOCK_USAGE.cacheReadTokens,
  };
  if (harness === 'codex') {
    // The last call's whole context (its input, cached or not, and its output) over the window.
    const lastCall = MOCK_USAGE.inputTokens + MOCK_USAGE.cacheReadTokens + MOCK_USAGE.outputTokens;
    return { ...tokens, contextPercent: Math.round((lastCall / CODEX_CONTEXT_WINDOW) * 1000) / 10 };
  }
  if (harness === 'opencode') {
    const perResponse =
      (MOCK_USAGE.inputTokens * MOCK_MODEL_COST.input + MOCK_USAGE.outputTokens * MOCK_MODEL_COST.output + MOCK_USAGE.cacheReadTokens * MOCK_MODEL_COST.cache_read) / 1e6;
    return { ...tokens, costUsd: expect.closeTo(responses * perResponse, 9) };
  }
  return tokens;
}

/**
 * Qwen Code writes a call's usage into its chat recording after the hooks that end the turn (seen in
 * CI: Stop and idle_prompt both came before the line), and no hook follows: ao can show it only from
 * the next turn's end (README, known limits). What is certain is that ao never shows a wrong count.
 */
const WRITES_USAGE_AFTER_TURN_END = new Set<Scenario['harness']>(['qwen-code']);

async function expectNoWrongUsage(s: Scenario, responses: number): Promise<void> {
  const usage = (await s.status()).usage;
  if (usage === null) return;
  const counted = usage.outputTokens / MOCK_USAGE.outputTokens;
  expect(Number.isInteger(counted) && counted >= 1 && counted <= responses, `whole responses counted: ${JSON.stringify(usage)}`).toBe(true);
  expect(usage).toMatchObject({ model: 'mock-model', inputTokens: counted * MOCK_USAGE.inputTokens, cacheReadTokens: counted * MOCK_USAGE.cacheReadTokens });
}

/**
 * Asserts the session's usage becomes exactly what `responses` responses make. Waits for it first:
 * a harness may write its last response down just after the hook that ended the turn (Qwen), and ao
 * reads usage again at the next turn-ending signal (its idle notification).
 */
export async function expectUsage(s: Scenario, responses: number): Promise<void> {
  if (WRITES_USAGE_AFTER_TURN_END.has(s.harness)) return expectNoWrongUsage(s, responses);
  // The conversation's own calls: not titles, Qwen's background calls or Gemini's JSON-schema side calls.
  const asked = s.mock.requests.filter((request) => !['title', 'background', 'json'].includes(request.decision) && modelAsked(request) !== undefined);
  const model = modelAsked(asked.at(-1)) as string;
  const expected = expectedUsage(s.harness, responses, model);
  const matches = (usage: unknown): boolean => {
    try {
      expect(usage).toEqual(expected);
      return true;
    } catch {
      return false;
    }
  };
  const settled = await s.waitForStatus('the usage of the turns', (status) => matches(status.usage)).catch((error: Error) => ({ usage: undefined, error }));
  expect(settled.usage).toEqual(expected);
}

/** The model a request asked for: in its body (Anthropic, OpenAI) or its path (Gemini's `/models/<model>:`). */
function modelAsked(request: { path?: string; body?: any } | undefined): string | undefined {
  if (typeof request?.body?.model === 'string') return request.body.model;
  return /\/models\/([^/:?]+):/.exec(request?.path ?? '')?.[1];
}
