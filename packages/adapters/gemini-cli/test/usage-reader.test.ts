import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@ao/adapter-kit/conformance';
import { readGeminiUsage, usageFromChatRecording } from '../src/index.js';

const RECORDING = join(import.meta.dirname, '..', 'fixtures', 'chats', 'e2e-tool-allowed.jsonl');

describe("Gemini CLI usage, read from its chat recording (the hooks' transcript_path)", () => {
  it('sums the tokens of every model answer of the recorded session; the model is the latest answer\'s', () => {
    // Two model answers (the tool call, then the reply after it), each reporting the mock's usage
    // (e2e/mock-gemini-api.mjs MOCK_USAGE: 1234 in, 56 out, 7 cached).
    expect(readGeminiUsage({ transcriptPath: RECORDING, facts: {} })).toEqual({ model: 'gemini-3.8-flash', inputTokens: 2468, outputTokens: 112, cacheReadTokens: 14 });
  });

  it('counts an answer Gemini rewrote (same id) once, at its latest numbers', () => {
    const line = (id: string, input: number, model = 'm1') => JSON.stringify({ id, type: 'gemini', content: 'x', tokens: { input, output: 1, cached: 0 }, model });
    const text = [line('a', 10), line('b', 5, 'm2'), line('a', 30)].join('\n');
    expect(usageFromChatRecording(text)).toEqual({ model: 'm1', inputTokens: 35, outputTokens: 2, cacheReadTokens: 0 });
  });

  it('is null without a file, a model answer, or a usable line; never throws', () => {
    expect(readGeminiUsage({ transcriptPath: null, facts: {} })).toBeNull();
    expect(readGeminiUsage({ transcriptPath: join(tempDir(), 'missing.jsonl'), facts: {} })).toBeNull();
    const junk = join(tempDir(), 'junk.jsonl');
    writeFileSync(junk, '{"type":"user","content":"hi"}\n{"tokens": torn\n{"type":"gemini","tokens":{"input":-5,"output":"x"}}\n');
    expect(readGeminiUsage({ transcriptPath: junk, facts: {} })).toEqual({ model: null, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0 });
    expect(usageFromChatRecording('')).toBeNull();
  });
});
