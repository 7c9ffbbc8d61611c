// What every model response (titles too) reports as its usage, in each API's own fields, so that
// e2e knows exactly what ao must show. inputTokens is the input NOT read from the prompt cache,
// cacheReadTokens what was (ao's SessionUsage meaning): an API whose input count includes cached
// tokens (OpenAI) reports inputTokens + cacheReadTokens there, with cacheReadTokens as cached.
// Its own module so that every API shape's file (mock-gemini-api.mjs too) imports the one value.
export const MOCK_USAGE = Object.freeze({ inputTokens: 1234, outputTokens: 56, cacheReadTokens: 7 });
