import { createHash } from 'node:crypto';
import { claimIdempotencyKey, completeIdempotencyKey } from '@ao/lifecycle';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';

/** A door's whole answer: what a retry with the same key gets back, byte for byte. */
export interface DoorResponse {
  status: number;
  body: unknown;
  /** The body already written as JSON bytes (a cached rendering), sent as is instead of `body`. */
  json?: Uint8Array;
  /** Extra response headers (HTTP only). */
  headers?: Record<string, string>;
}

/** How long a call waits for another call with its key to answer (a spawn takes a few seconds). */
const IN_PROGRESS_WAIT_MS = 60_000;

/** Keys are the caller's; bounded so one cannot bloat the store. */
const MAX_KEY_LENGTH = 256;

/** A stable digest of what was asked: the same key with another request is refused. */
export function requestFingerprint(parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Runs `act` at most once per idempotency key (docs/api.md, "Idempotency"): the same key with the
 * same request within 24 h answers the first response (success or error) without acting again;
 * the same key with another request is refused (`idempotency_key_reused`); a key whose first call
 * is still running is refused (`idempotency_key_in_use`) rather than acted on twice.
 */
export async function idempotentCall(
  context: CliContext,
  call: { key: string | undefined; scope: string; fingerprint: string },
  act: () => Promise<DoorResponse>,
): Promise<DoorResponse> {
  if (call.key === undefined) return act();
  if (call.key.length === 0 || call.key.length > MAX_KEY_LENGTH) {
    throw new CliError('invalid_argument', `an idempotency key must be 1 to ${MAX_KEY_LENGTH} characters`, 2);
  }
  const claimOnce = () => claimIdempotencyKey(context.store, { key: call.key!, scope: call.scope, fingerprint: call.fingerprint, now: context.now() });
  let claim = claimOnce();
  // The same request sent twice at once (a retry racing the original): the second waits for the
  // first to answer and gets its response, rather than acting again or failing.
  const waitUntil = Date.now() + IN_PROGRESS_WAIT_MS;
  while (claim.kind === 'in_progress' && Date.now() < waitUntil) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    claim = claimOnce();
  }
  if (claim.kind === 'replay') return { status: claim.status, body: claim.body };
  if (claim.kind === 'reused') {
    throw new CliError('idempotency_key_reused', `idempotency key ${JSON.stringify(call.key)} was used with another request; use a new key for a new request`);
  }
  if (claim.kind === 'in_progress') {
    throw new CliError('idempotency_key_in_use', `a request with idempotency key ${JSON.stringify(call.key)} is still being carried out; retry when it has answered`);
  }
  const response = await act();
  completeIdempotencyKey(context.store, { key: call.key, scope: call.scope, status: response.status, body: response.body, now: context.now() });
  return response;
}
