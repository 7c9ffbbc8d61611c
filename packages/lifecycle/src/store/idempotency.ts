import type { Store } from './store.js';

/**
 * Request idempotency keys (docs/store.md, "Idempotency keys"). A caller (the HTTP API) claims a
 * key before acting, stores the response it sends once done, and a retry with the same key gets
 * that response again instead of acting twice.
 *
 * - A key lives 24 hours from its first claim; older keys are deleted by the next claim.
 * - Keys are per scope (e.g. per client): the same key in two scopes is two keys.
 * - The response stored is the final one, success or error: a retry gets the same answer.
 * - A claim that is never completed (the process died mid-call) blocks its key for 10 minutes,
 *   then the next claim with the same fingerprint takes it over and acts again: a call cut off by
 *   a crash may have acted or not, and acting again is the one way to get it an answer.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
export const IDEMPOTENCY_CLAIM_TAKEOVER_MS = 10 * 60 * 1000;

export interface IdempotencyClaim {
  key: string;
  scope: string;
  /** A hash of what the call asks (method, route, body), computed by the caller. */
  fingerprint: string;
  /** ms since the epoch. */
  now: number;
}

export type IdempotencyClaimResult =
  /** The key is this call's: act, then completeIdempotencyKey (or releaseIdempotencyKey). */
  | { kind: 'new' }
  /** The same call was answered already: send this again, do not act. */
  | { kind: 'replay'; status: number; body: unknown }
  /** The key was used for another call (another fingerprint): refuse (`idempotency_key_reused`). */
  | { kind: 'reused' }
  /** The same call is being answered right now (or its process died less than 10 minutes ago): refuse (`idempotency_key_in_use`). */
  | { kind: 'in_progress' };

interface KeyRow {
  fingerprint: string;
  status: number | null;
  response: string | null;
  created_at: number;
}

/**
 * Claims a key, atomically: of two processes claiming the same key at once exactly one gets
 * `new` (the claim is an INSERT OR IGNORE on the primary key, in an IMMEDIATE transaction).
 */
export function claimIdempotencyKey(store: Store, claim: IdempotencyClaim): IdempotencyClaimResult {
  const { key, scope, fingerprint, now } = claim;
  return store.transaction(() => {
    store.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - IDEMPOTENCY_KEY_TTL_MS);
    const inserted = store.db
      .prepare('INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES (?, ?, ?, ?)')
      .run(scope, key, fingerprint, now);
    if (inserted.changes === 1) return { kind: 'new' } as const;
    const row = store.db
      .prepare('SELECT fingerprint, status, response, created_at FROM idempotency_keys WHERE scope = ? AND key = ?')
      .get(scope, key) as KeyRow;
    if (row.fingerprint !== fingerprint) return { kind: 'reused' } as const;
    if (row.status !== null) return { kind: 'replay', status: row.status, body: parseBody(row.response) } as const;
    if (now - row.created_at < IDEMPOTENCY_CLAIM_TAKEOVER_MS) return { kind: 'in_progress' } as const;
    // Abandoned: the call that claimed it never completed. This one takes it over and starts the
    // key's life afresh.
    store.db.prepare('UPDATE idempotency_keys SET created_at = ? WHERE scope = ? AND key = ?').run(now, scope, key);
    return { kind: 'new' } as const;
  });
}

export interface IdempotencyCompletion {
  key: string;
  scope: string;
  /** The HTTP status sent. */
  status: number;
  /** The body sent (JSON). */
  body: unknown;
  now: number;
}

/**
 * Stores the response of a claimed key. False when there is no claim to complete (it expired,
 * was released, or another process that took it over completed it first): the response is then
 * not stored, and the first one stays.
 */
export function completeIdempotencyKey(store: Store, completion: IdempotencyCompletion): boolean {
  const { key, scope, status, body, now } = completion;
  const response = JSON.stringify(body) ?? 'null';
  return store.transaction(
    () =>
      store.db
        .prepare('UPDATE idempotency_keys SET status = ?, response = ?, completed_at = ? WHERE scope = ? AND key = ? AND status IS NULL')
        .run(status, response, now, scope, key).changes === 1,
  );
}

/**
 * Gives a claimed key back, for a call that did nothing and whose failure a retry may overcome
 * (the store was busy, the disk full): the retry then acts. A stored response is never released.
 * True when a claim was released.
 */
export function releaseIdempotencyKey(store: Store, key: string, scope: string): boolean {
  return store.transaction(
    () => store.db.prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL').run(scope, key).changes === 1,
  );
}

function parseBody(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
