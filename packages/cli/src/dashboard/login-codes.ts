import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSecret, isSecretShaped, newSecret } from './secret-hash.js';

/**
 * One-time login codes of the dashboard (docs/dashboard.md, "Login"). `ao open` runs in another
 * process than the daemon, so the code crosses through a 0600 file under `$AO_HOME/run/login-codes/`
 * named by the code's SHA-256 (the code itself is written nowhere). The daemon consumes a code by
 * unlinking its file: of two requests racing with one code, only one unlink succeeds.
 */
export const LOGIN_CODE_TTL_MS = 2 * 60_000;

export type LoginCodeVerdict = 'accepted' | 'unknown' | 'expired';

export function loginCodesDir(aoHome: string): string {
  return join(aoHome, 'run', 'login-codes');
}

/** A new code valid until `now + ttlMs`; expired codes left by earlier runs are removed on the way. */
export function createLoginCode(aoHome: string, now = Date.now(), ttlMs = LOGIN_CODE_TTL_MS): { code: string; expiresAt: number } {
  const dir = loginCodesDir(aoHome);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removeExpiredCodes(dir, now);
  const code = newSecret();
  const expiresAt = now + ttlMs;
  writeFileSync(join(dir, hashSecret(code)), `${JSON.stringify({ expiresAt })}\n`, { mode: 0o600, flag: 'wx' });
  return { code, expiresAt };
}

/** Spends a code: accepted once, while it has not expired; a used, unknown or malformed one is refused. */
export function consumeLoginCode(aoHome: string, code: string | undefined, now = Date.now()): LoginCodeVerdict {
  if (!isSecretShaped(code)) return 'unknown';
  const path = join(loginCodesDir(aoHome), hashSecret(code));
  let expiresAt: number;
  try {
    expiresAt = Number((JSON.parse(readFileSync(path, 'utf8')) as { expiresAt: unknown }).expiresAt);
    unlinkSync(path);
  } catch {
    return 'unknown'; // never issued, already used, or spent by a racing request a moment ago
  }
  return Number.isFinite(expiresAt) && now <= expiresAt ? 'accepted' : 'expired';
}

function removeExpiredCodes(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      const { expiresAt } = JSON.parse(readFileSync(path, 'utf8')) as { expiresAt: unknown };
      if (typeof expiresAt !== 'number' || expiresAt < now) unlinkSync(path);
    } catch {
      // unreadable or gone already: nothing to keep
    }
  }
}
