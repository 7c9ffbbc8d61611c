/**
 * The user's `opencode.json` of an OpenCode sandbox: its one provider is the mock model server on
 * 127.0.0.1 (e2e/mock-model-server.mjs). Shared by the e2e sandbox and the OpenCode start bench.
 */
/** The mock model's prices (USD per million tokens), so OpenCode reports a known cost (e2e asserts it). */
export const MOCK_MODEL_COST = Object.freeze({ input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 });

export function opencodeMockConfig(mockUrl) {
  return {
    $schema: 'https://opencode.ai/config.json',
    provider: {
      mock: {
        npm: '@ai-sdk/openai-compatible',
        name: 'Mock LLM',
        options: { baseURL: `${mockUrl}/v1`, apiKey: 'mock-key' },
        models: { 'mock-model': { name: 'Mock Model', tool_call: true, cost: { ...MOCK_MODEL_COST }, limit: { context: 128000, output: 4096 } } },
      },
    },
    model: 'mock/mock-model',
    small_model: 'mock/mock-model',
    autoupdate: false,
    share: 'disabled',
  };
}
