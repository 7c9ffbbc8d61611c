/**
 * The user's `opencode.json` of an OpenCode sandbox: its one provider is the mock model server on
 * 127.0.0.1 (e2e/mock-model-server.mjs). Shared by the e2e sandbox and the OpenCode start bench.
 */
export function opencodeMockConfig(mockUrl) {
  return {
    $schema: 'https://opencode.ai/config.json',
    provider: {
      mock: {
        npm: '@ai-sdk/openai-compatible',
        name: 'Mock LLM',
        options: { baseURL: `${mockUrl}/v1`, apiKey: 'mock-key' },
        models: { 'mock-model': { name: 'Mock Model', tool_call: true, limit: { context: 128000, output: 4096 } } },
      },
    },
    model: 'mock/mock-model',
    small_model: 'mock/mock-model',
    autoupdate: false,
    share: 'disabled',
  };
}
