/**
 * The checkpoint commit's message: a subject a person reading `git log` understands, the reason as
 * its body, and a trailer with the tree's entry count, so that listing checkpoints is one
 * for-each-ref call rather than one ls-tree per checkpoint.
 */
const FILES_TRAILER = 'Ao-Checkpoint-Files';
const TRAILER_AT_END = new RegExp(`\\n\\n${FILES_TRAILER}: ([0-9]+)\\n?$`);

export interface CheckpointMessageFields {
  n: number;
  sessionId: string;
  reason: string | null;
  files: number;
}

/** A reason is text for people: surrounding blank space dropped, an empty one is none. */
export function normalizeReason(reason: string | undefined | null): string | null {
  const trimmed = reason?.trim();
  return trimmed ? trimmed : null;
}

export function checkpointMessage(fields: CheckpointMessageFields): string {
  const reason = normalizeReason(fields.reason);
  return [`ao checkpoint ${fields.n} of session ${fields.sessionId}`, ...(reason ? ['', reason] : []), '', `${FILES_TRAILER}: ${fields.files}`, ''].join('\n');
}

/** Reason and entry count of a message checkpointMessage wrote; undefined for any other message. */
export function parseCheckpointMessage(message: string): { reason: string | null; files: number } | undefined {
  const trailer = TRAILER_AT_END.exec(message);
  if (!trailer || !message.startsWith('ao checkpoint ')) return undefined;
  const beforeTrailer = message.slice(0, trailer.index);
  const bodyStart = beforeTrailer.indexOf('\n\n');
  const reason = bodyStart === -1 ? null : normalizeReason(beforeTrailer.slice(bodyStart + 2));
  return { reason, files: Number(trailer[1]) };
}
