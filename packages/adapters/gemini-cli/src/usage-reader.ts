import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { isRecord } from '@ao/activity-dispatch';

/**
 * A session's token usage (the shape ao's usage decision fixed for every harness): totals over the
 * session so far, and the model of the latest turn as the harness names it.
 */
export interface GeminiSessionUsage {
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
}

/** A chat recording larger than this is read from its end only (older turns then go uncounted). */
export const CHAT_RECORDING_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Usage from Gemini CLI's chat recording, the JSON-lines file its hooks name as `transcript_path`
 * (`<gemini home>/tmp/<project>/chats/session-*.jsonl`). Each model answer is one line
 * `{"type":"gemini", "tokens":{"input","output","cached",…}, "model":…}` and may be written again
 * by id as it grows (docs/harnesses/gemini-cli.md, "Usage"): the last line of each id counts.
 * `input` is Gemini's prompt token count, which includes the cached tokens. Null when there is no
 * file or it holds no model answer. Never throws.
 */
export function readGeminiUsage(source: { transcriptPath: string | null; facts?: Record<string, unknown> }): GeminiSessionUsage | null {
  if (source.transcriptPath === null) return null;
  const text = readTail(source.transcriptPath);
  return text === null ? null : usageFromChatRecording(text);
}

/** The pure part: usage from the text of a chat recording. */
export function usageFromChatRecording(text: string): GeminiSessionUsage | null {
  const answers = new Map<string, { model: string | null; input: number; output: number; cached: number }>();
  let anonymous = 0;
  for (const line of text.split('\n')) {
    if (!line.includes('"tokens"')) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue; // a line being written, or a torn first line of a tail
    }
    if (!isRecord(record) || record.type !== 'gemini' || !isRecord(record.tokens)) continue;
    const id = typeof record.id === 'string' ? record.id : `#${anonymous++}`;
    answers.delete(id); // keep insertion order = order of the latest write
    answers.set(id, {
      model: typeof record.model === 'string' && record.model !== '' ? record.model : null,
      input: count(record.tokens.input),
      output: count(record.tokens.output),
      cached: count(record.tokens.cached),
    });
  }
  if (answers.size === 0) return null;
  const usage: GeminiSessionUsage = { model: null, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0 };
  for (const answer of answers.values()) {
    usage.inputTokens += answer.input;
    usage.outputTokens += answer.output;
    usage.cacheReadTokens += answer.cached;
    if (answer.model !== null) usage.model = answer.model;
  }
  return usage;
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

function readTail(path: string): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, CHAT_RECORDING_MAX_BYTES);
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, size - length);
    return buffer.subarray(0, read).toString('utf8');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
