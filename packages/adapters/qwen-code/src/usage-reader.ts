import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { OPEN_WITHOUT_BLOCKING, isRegularFile } from '@ao/adapter-kit';
import { EMPTY_TOTALS, type QwenUsageTotals, addUsageLines, contextPercentOf } from './usage-totals.js';

/**
 * The adapter's `readUsage` (docs/harnesses/qwen-code.md, "Usage"): the session's totals from
 * Qwen's chat recording, read on from where the previous read stopped (the checkpoint holds the
 * byte offset and the totals so far), never on the hook path. The shapes are the contract's
 * (`SessionUsage`, `UsageSource`, `UsageCheckpoint`), written out here so that this package does
 * not wait for them.
 */
export interface QwenUsageSource {
  transcriptPath: string | null;
  /** The session's facts: its `model` (from SessionStart) names the model until the recording does. */
  facts?: Readonly<Record<string, unknown>>;
  /** The turn-ending signal's payload: a Stop tells how full the context window is. */
  payload?: unknown;
  checkpoint?: Record<string, unknown> | null;
}

export interface QwenUsageReading {
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  contextPercent?: number;
  checkpoint: Record<string, unknown>;
}

/** Bytes read per call at most: a huge recording is read on over several turns rather than at once. */
export const MAX_READ_BYTES = 8 * 1024 * 1024;

interface Checkpoint {
  offset: number;
  totals: QwenUsageTotals;
}

export function readQwenUsage(source: QwenUsageSource): QwenUsageReading | null {
  if (source.transcriptPath === null || !isRegularFile(source.transcriptPath)) return null;
  const start = parseCheckpoint(source.checkpoint);
  const chunk = readFrom(source.transcriptPath, start.offset);
  if (chunk === null) return null;
  // A recording shorter than where we stopped was replaced: count it again from its start.
  const from = chunk.size < start.offset ? { offset: 0, totals: EMPTY_TOTALS } : start;
  const bytes = from === start ? chunk.bytes : (readFrom(source.transcriptPath, 0)?.bytes ?? Buffer.alloc(0));
  // Only whole lines: the last one may still be being written.
  const end = bytes.lastIndexOf(0x0a) + 1;
  const totals = addUsageLines(from.totals, bytes.subarray(0, end).toString('utf8'));
  if (totals.calls === 0) return null;
  const reading: QwenUsageReading = {
    model: totals.model ?? (typeof source.facts?.model === 'string' ? source.facts.model : null),
    inputTokens: totals.inputTokens,
    outputTokens: totals.outputTokens,
    cacheReadTokens: totals.cacheReadTokens,
    checkpoint: { offset: from.offset + end, totals },
  };
  const contextPercent = contextPercentOf(source.payload);
  if (contextPercent !== undefined) reading.contextPercent = contextPercent;
  return reading;
}

function parseCheckpoint(value: unknown): Checkpoint {
  const offset = (value as { offset?: unknown } | null | undefined)?.offset;
  const totals = (value as { totals?: Partial<QwenUsageTotals> } | null | undefined)?.totals;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || typeof totals !== 'object' || totals === null) {
    return { offset: 0, totals: EMPTY_TOTALS };
  }
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return {
    offset,
    totals: {
      model: typeof totals.model === 'string' ? totals.model : null,
      inputTokens: n(totals.inputTokens),
      outputTokens: n(totals.outputTokens),
      cacheReadTokens: n(totals.cacheReadTokens),
      calls: n(totals.calls),
    },
  };
}

/** Up to MAX_READ_BYTES from `offset`, and the file's size; opened without blocking (regular-file.ts). */
function readFrom(path: string, offset: number): { bytes: Buffer; size: number } | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, OPEN_WITHOUT_BLOCKING);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const length = Math.max(0, Math.min(stat.size - offset, MAX_READ_BYTES));
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), size: stat.size };
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
