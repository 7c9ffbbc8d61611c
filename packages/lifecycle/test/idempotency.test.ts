import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../src/store/store.js';
import { aoPaths } from '../src/ao-paths.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IDEMPOTENCY_CLAIM_TAKEOVER_MS,
  IDEMPOTENCY_KEY_TTL_MS,
  releaseIdempotencyKey,
  type IdempotencyClaimResult,
} from '../src/store/idempotency.js';

let home: string;
let store: Store;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ao-idempotency-'));
  store = Store.open(aoPaths(home).database);
});
afterEach(() => store.close());

const T0 = 1_763_000_000_000;
const claim = (key: string, fingerprint: string, now: number, scope = 'client-a') => claimIdempotencyKey(store, { key, scope, fingerprint, now });
const complete = (key: string, status: number, body: unknown, now: number, scope = 'client-a') => completeIdempotencyKey(store, { key, scope, status, body, now });

describe('idempotency keys', () => {
  it('a retry of a completed call replays its response, whatever it was; the call acts once', () => {
    let acted = 0;
    const call = (key: string, now: number) => {
      const claimed = claim(key, 'POST /sessions {"harness":"demo"}', now);
      if (claimed.kind !== 'new') return claimed;
      acted++;
      complete(key, 201, { id: 'abc' }, now);
      return { kind: 'replay', status: 201, body: { id: 'abc' } } as const;
    };
    expect(call('k1', T0)).toEqual({ kind: 'replay', status: 201, body: { id: 'abc' } });
    expect(call('k1', T0 + 1_000)).toEqual({ kind: 'replay', status: 201, body: { id: 'abc' } });
    expect(call('k1', T0 + IDEMPOTENCY_KEY_TTL_MS - 1)).toEqual({ kind: 'replay', status: 201, body: { id: 'abc' } });
    expect(acted).toBe(1);
    // an error is a final answer too: the retry gets the same error
    expect(claim('k2', 'f', T0)).toEqual({ kind: 'new' });
    expect(complete('k2', 409, { error: { code: 'name_taken', message: 'taken' } }, T0)).toBe(true);
    expect(claim('k2', 'f', T0 + 5)).toEqual({ kind: 'replay', status: 409, body: { error: { code: 'name_taken', message: 'taken' } } });
  });

  it('the same key for another call is refused as reused, in progress or completed', () => {
    expect(claim('k', 'POST /a', T0)).toEqual({ kind: 'new' });
    expect(claim('k', 'POST /b', T0 + 1)).toEqual({ kind: 'reused' });
    complete('k', 200, {}, T0 + 2);
    expect(claim('k', 'POST /b', T0 + 3)).toEqual({ kind: 'reused' });
  });

  it('keys are per scope', () => {
    expect(claim('k', 'f', T0, 'client-a')).toEqual({ kind: 'new' });
    expect(claim('k', 'other', T0, 'client-b')).toEqual({ kind: 'new' });
    complete('k', 200, 'a', T0, 'client-a');
    expect(claim('k', 'f', T0 + 1, 'client-a')).toEqual({ kind: 'replay', status: 200, body: 'a' });
    expect(claim('k', 'other', T0 + 1, 'client-b')).toEqual({ kind: 'in_progress' });
  });

  it('a claim not yet completed is in progress; after 10 minutes without completion the next claim takes it over, once', () => {
    expect(claim('k', 'f', T0)).toEqual({ kind: 'new' });
    expect(claim('k', 'f', T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS - 1)).toEqual({ kind: 'in_progress' });
    expect(claim('k', 'f', T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS)).toEqual({ kind: 'new' });
    expect(claim('k', 'f', T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS + 1)).toEqual({ kind: 'in_progress' });
    // the first completion is the answer; a late one from the call taken over changes nothing
    expect(complete('k', 200, 'taker', T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS + 2)).toBe(true);
    expect(complete('k', 500, 'late', T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS + 3)).toBe(false);
    expect(claim('k', 'f', T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS + 4)).toEqual({ kind: 'replay', status: 200, body: 'taker' });
  });

  it('keys expire after 24 hours, deleted by a later claim of any key', () => {
    expect(claim('old', 'f', T0)).toEqual({ kind: 'new' });
    complete('old', 200, 'first', T0);
    expect(claim('fresh', 'f', T0 + IDEMPOTENCY_KEY_TTL_MS - 1)).toEqual({ kind: 'new' });
    const keys = () => store.db.prepare('SELECT key FROM idempotency_keys ORDER BY key').pluck().all();
    expect(keys()).toEqual(['fresh', 'old']);
    expect(claim('other', 'f', T0 + IDEMPOTENCY_KEY_TTL_MS + 1)).toEqual({ kind: 'new' });
    expect(keys()).toEqual(['fresh', 'other']);
    // the expired key is a new key again: a call with it acts
    expect(claim('old', 'f', T0 + IDEMPOTENCY_KEY_TTL_MS + 2)).toEqual({ kind: 'new' });
  });

  it('a released claim lets the retry act; a stored response is never released', () => {
    expect(claim('k', 'f', T0)).toEqual({ kind: 'new' });
    expect(releaseIdempotencyKey(store, 'k', 'client-a')).toBe(true);
    expect(complete('k', 200, 'nothing to complete', T0)).toBe(false);
    expect(claim('k', 'f', T0 + 1)).toEqual({ kind: 'new' });
    complete('k', 200, 'done', T0 + 2);
    expect(releaseIdempotencyKey(store, 'k', 'client-a')).toBe(false);
    expect(claim('k', 'f', T0 + 3)).toEqual({ kind: 'replay', status: 200, body: 'done' });
  });

  it('stores what the response body is, null included', () => {
    for (const [n, body] of [null, 0, 'text', [1, { a: 'é' }], { nested: { deep: true } }].entries()) {
      claim(`b${n}`, 'f', T0);
      complete(`b${n}`, 200, body, T0);
      expect(claim(`b${n}`, 'f', T0)).toEqual({ kind: 'replay', status: 200, body });
    }
  });
});

/**
 * Real processes opening the same store file claim the same keys at the same moment (they wait
 * for a start file, then go): of each key's claims exactly one is `new`.
 */
describe('idempotency keys across processes', () => {
  const lifecycle = fileURLToPath(new URL('../dist/index.js', import.meta.url));
  const KEYS = 40;
  const PROCESSES = 4;

  async function race(now: number): Promise<IdempotencyClaimResult['kind'][][]> {
    const go = join(home, 'go');
    const script = join(home, 'claim.mjs');
    writeFileSync(
      script,
      `import { existsSync } from 'node:fs';
       import { Store, claimIdempotencyKey } from ${JSON.stringify(lifecycle)};
       const store = Store.open(${JSON.stringify(aoPaths(home).database)});
       process.stdout.write('ready\\n');
       const nap = new Int32Array(new SharedArrayBuffer(4));
       while (!existsSync(${JSON.stringify(go)})) Atomics.wait(nap, 0, 0, 1);
       const kinds = [];
       for (let n = 0; n < ${KEYS}; n++) kinds.push(claimIdempotencyKey(store, { key: 'k' + n, scope: 's', fingerprint: 'f', now: ${now} }).kind);
       store.close();
       process.stdout.write(JSON.stringify(kinds) + '\\n');`,
    );
    const children = Array.from({ length: PROCESSES }, () => {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const ready = new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.startsWith('ready\n')) resolve();
        });
      });
      const done = new Promise<string>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`claimer exited with ${code}`))));
      });
      return { ready, done };
    });
    await Promise.all(children.map((child) => child.ready));
    writeFileSync(go, '');
    const outputs = await Promise.all(children.map((child) => child.done));
    return outputs.map((output) => JSON.parse(output.split('\n')[1]!) as IdempotencyClaimResult['kind'][]);
  }

  function perKey(results: IdempotencyClaimResult['kind'][][]): string[] {
    return Array.from({ length: KEYS }, (_, n) =>
      results
        .map((kinds) => kinds[n])
        .sort()
        .join(','),
    );
  }

  it('two or more processes claiming the same key: exactly one new, the others in progress', async () => {
    const results = await race(T0);
    expect(perKey(results)).toEqual(Array(KEYS).fill(['in_progress', 'in_progress', 'in_progress', 'new'].join(',')));
  });

  it('taking over an abandoned claim: exactly one process does', async () => {
    for (let n = 0; n < KEYS; n++) claimIdempotencyKey(store, { key: `k${n}`, scope: 's', fingerprint: 'f', now: T0 });
    const results = await race(T0 + IDEMPOTENCY_CLAIM_TAKEOVER_MS + 1);
    expect(perKey(results)).toEqual(Array(KEYS).fill(['in_progress', 'in_progress', 'in_progress', 'new'].join(',')));
  });
});
