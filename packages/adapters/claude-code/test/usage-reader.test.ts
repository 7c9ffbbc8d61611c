import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readClaudeUsage } from '../src/usage-reader.js';

/**
 * Transcripts recorded from the real Claude Code TUI by e2e/claude-code.e2e.test.ts against the mock
 * model server, which reports input_tokens 1234, cache_read_input_tokens 7 and output_tokens 56 for
 * every response (the mock answers with the model it was asked for).
 */
const transcript = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'transcripts', `e2e-${name}.jsonl`);
const scratch = mkdtempSync(join(tmpdir(), 'ao-claude-usage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const source = (transcriptPath: string | null, checkpoint: Record<string, unknown> | null = null) => ({ transcriptPath, facts: {}, checkpoint });
const perResponse = (n: number) => ({ model: 'claude-opus-5-5', inputTokens: 1234 * n, outputTokens: 56 * n, cacheReadTokens: 7 * n });
const lines = (name: string) => readFileSync(transcript(name), 'utf8').split('\n').filter((line) => line !== '');

describe('Claude Code usage from recorded transcripts', () => {
  it('a plain turn: its one assistant message', () => {
    expect(readClaudeUsage(source(transcript('plain-turn')))).toEqual({ ...perResponse(1), checkpoint: expect.any(Object) });
  });

  it('a tool turn: the tool call and the reply after it', () => {
    expect(readClaudeUsage(source(transcript('tool-allowed')))).toMatchObject(perResponse(2));
  });

  it('counts a message once however many lines streaming wrote for it (one per content block, same id and usage)', () => {
    const file = join(scratch, 'streamed.jsonl');
    const recorded = lines('tool-allowed');
    const doubled = recorded.flatMap((line) => (line.includes('"type":"assistant"') ? [line, line, line] : [line]));
    writeFileSync(file, `${doubled.join('\n')}\n`);
    expect(readClaudeUsage(source(file))).toMatchObject(perResponse(2));
  });

  it('reads on from its checkpoint, including a message whose lines straddle two reads', () => {
    const file = join(scratch, 'growing.jsonl');
    copyFileSync(transcript('plain-turn'), file);
    const first = readClaudeUsage(source(file))!;
    expect(first).toMatchObject(perResponse(1));
    const assistant = lines('plain-turn').find((line) => line.includes('"type":"assistant"'))!;
    // The same message's next line (no new usage), then a new message of a second turn.
    appendFileSync(file, `${assistant}\n${assistant.replaceAll('msg_mock_', 'msg_next_')}\n`);
    const second = readClaudeUsage(source(file, first.checkpoint!))!;
    expect(second).toMatchObject(perResponse(2));
    expect(readClaudeUsage(source(file, second.checkpoint!))).toMatchObject(perResponse(2));
  });

  it('an API error stand-in (model <synthetic>) names no model; no transcript or none with usage: nothing to tell', () => {
    const file = join(scratch, 'synthetic.jsonl');
    const assistant = JSON.parse(lines('plain-turn').find((line) => line.includes('"type":"assistant"'))!);
    const synthetic = { ...assistant, message: { ...assistant.message, id: 'synthetic-1', model: '<synthetic>', usage: { input_tokens: 0, output_tokens: 0 } } };
    writeFileSync(file, `${JSON.stringify(synthetic)}\n`);
    expect(readClaudeUsage(source(file))).toMatchObject({ model: null, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0 });
    writeFileSync(file, '{"type":"user","message":{"content":"hi"}}\n');
    expect(readClaudeUsage(source(file))).toBeNull();
    expect(readClaudeUsage(source(null))).toBeNull();
    expect(readClaudeUsage(source(join(scratch, 'missing.jsonl')))).toBeNull();
  });
});
