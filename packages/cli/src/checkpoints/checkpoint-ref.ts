import { isValidSessionId } from '@ao/activity-dispatch';
import { invalidArgument } from '../cli-error.js';

/** Where checkpoints live in the user's repository (docs/checkpoints.md). */
export const CHECKPOINT_REFS = 'refs/ao/checkpoints';

/** A session id goes into a ref name: only ao's own ids (letters, digits, _ and -) are safe there. */
export function checkSessionId(sessionId: string): void {
  if (!isValidSessionId(sessionId)) throw invalidArgument(`invalid session id ${JSON.stringify(sessionId)}: letters, digits, _ and - only`);
}

export function checkCheckpointNumber(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw invalidArgument(`invalid checkpoint number ${String(n)}: checkpoints are numbered 1, 2, 3…`);
}

/** The ref prefix holding one session's checkpoints, with its trailing slash (a for-each-ref pattern). */
export function sessionCheckpointRefs(sessionId: string): string {
  return `${CHECKPOINT_REFS}/${sessionId}/`;
}

export function checkpointRef(sessionId: string, n: number): string {
  return `${sessionCheckpointRefs(sessionId)}${n}`;
}

/** n of `refs/ao/checkpoints/<session>/<n>`; undefined for any other ref (one made by hand, say). */
export function checkpointNumber(ref: string, sessionId: string): number | undefined {
  const prefix = sessionCheckpointRefs(sessionId);
  if (!ref.startsWith(prefix)) return undefined;
  const tail = ref.slice(prefix.length);
  if (!/^[1-9][0-9]{0,15}$/.test(tail)) return undefined;
  const n = Number(tail);
  return Number.isSafeInteger(n) ? n : undefined;
}
