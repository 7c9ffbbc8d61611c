import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@ao/adapter-kit/conformance';
import { describe, expect, it } from 'vitest';
import { readQwenUsage } from '../src/index.js';
import * as p from './payloads.js';

/** Qwen's chat recording of e2e plain-turn (`ao send hi`): the turn's call and the background memory extraction, 12 in / 8 out each. */
const RECORDED = join(import.meta.dirname, '..', 'fixtures', 'rollouts', 'e2e-plain-turn.jsonl');

/** One api_response line as Qwen writes it, with the given counts. */
const apiResponse = (input: number, output: number, cached: number, model = 'mock-model') =>
  `${JSON.stringify({
    type: 'system',
    subtype: 'ui_telemetry',
    systemPayload: { uiEvent: { 'event.name': 'qwen-code.api_response', model, input_token_count: input, output_token_count: output, cached_content_token_count: cached } },
  })}\n`;

function copyOfRecording(): string {
  const file = join(tempDir('ao-qwen-usage-'), 'chat.jsonl');
  copyFileSync(RECORDED, file);
  return file;
}

describe('Qwen Code usage, read from its chat recording', () => {
  it('sums every recorded model call of the session (the turn and the background memory extraction)', () => {
    const reading = readQwenUsage({ transcriptPath: RECORDED, payload: p.stop });
    expect(reading).toMatchObject({ model: 'mock-model', inputTokens: 24, outputTokens: 16, cacheReadTokens: 0 });
    // context_usage 0.00006 of the window: 0.006 %
    expect(reading!.contextPercent).toBeCloseTo(0.006, 6);
    expect(reading!.checkpoint).toMatchObject({ offset: statSync(RECORDED).size });
  });

  it('reads on from its checkpoint: lines added since are counted once, cached input apart from the rest', () => {
    const file = copyOfRecording();
    const first = readQwenUsage({ transcriptPath: file })!;
    // An OpenAI-compatible API counts cached tokens inside prompt_tokens: 1241 sent, 7 of them cached.
    appendFileSync(file, apiResponse(1241, 56, 7));
    const second = readQwenUsage({ transcriptPath: file, checkpoint: first.checkpoint })!;
    expect(second).toMatchObject({ inputTokens: 24 + 1234, outputTokens: 16 + 56, cacheReadTokens: 7 });
    const again = readQwenUsage({ transcriptPath: file, checkpoint: second.checkpoint })!;
    expect(again).toMatchObject({ inputTokens: 24 + 1234, outputTokens: 16 + 56, cacheReadTokens: 7 });
    // The same as reading the whole file at once.
    expect(readQwenUsage({ transcriptPath: file })).toMatchObject({ inputTokens: 1258, outputTokens: 72, cacheReadTokens: 7 });
  });

  it("names the session's model (its SessionStart fact) while the recording has no reply naming one yet", () => {
    const file = join(tempDir('ao-qwen-usage-'), 'chat.jsonl');
    writeFileSync(file, apiResponse(1241, 56, 7, ''));
    expect(readQwenUsage({ transcriptPath: file, facts: { model: 'mock-model' } })).toMatchObject({ model: 'mock-model', inputTokens: 1234, outputTokens: 56, cacheReadTokens: 7 });
    expect(readQwenUsage({ transcriptPath: file, facts: {} })).toMatchObject({ model: null });
  });

  it('leaves a line still being written for the next read', () => {
    const file = copyOfRecording();
    const line = apiResponse(100, 10, 0);
    appendFileSync(file, line.slice(0, 40));
    const partial = readQwenUsage({ transcriptPath: file })!;
    expect(partial).toMatchObject({ inputTokens: 24, outputTokens: 16 });
    appendFileSync(file, line.slice(40));
    expect(readQwenUsage({ transcriptPath: file, checkpoint: partial.checkpoint })).toMatchObject({ inputTokens: 124, outputTokens: 26 });
  });

  it('counts a recording again from its start when it is shorter than the checkpoint (replaced)', () => {
    const file = copyOfRecording();
    const first = readQwenUsage({ transcriptPath: file })!;
    writeFileSync(file, apiResponse(5, 1, 0, 'other-model'));
    expect(readQwenUsage({ transcriptPath: file, checkpoint: first.checkpoint })).toMatchObject({ inputTokens: 5, outputTokens: 1, cacheReadTokens: 0 });
  });

  it('says nothing without a recording, or for a path that is no regular file (never blocks on a FIFO)', () => {
    const dir = tempDir('ao-qwen-usage-');
    const fifo = join(dir, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    mkdirSync(join(dir, 'a-dir'));
    writeFileSync(join(dir, 'empty.jsonl'), '');
    writeFileSync(join(dir, 'junk.jsonl'), 'not json\n{"type":"system"}\n[1,2]\n');
    for (const transcriptPath of [null, fifo, join(dir, 'a-dir'), join(dir, 'missing.jsonl'), 'relative.jsonl', join(dir, 'empty.jsonl'), join(dir, 'junk.jsonl')]) {
      expect(readQwenUsage({ transcriptPath, checkpoint: { offset: 'x', totals: null } }), String(transcriptPath)).toBeNull();
    }
    expect(readFileSync(RECORDED, 'utf8')).toContain('qwen-code.api_response');
  });
});
