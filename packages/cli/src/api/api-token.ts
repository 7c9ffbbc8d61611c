import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `$AO_HOME/api-token`: the bearer token of the HTTP API (docs/api.md, "Getting the token"). */
export function apiTokenPath(aoHome: string): string {
  return join(aoHome, 'api-token');
}

/** The token, created on first use: 32 random bytes, base64url, in a 0600 file. */
export function ensureApiToken(aoHome: string): string {
  const path = apiTokenPath(aoHome);
  const existing = readApiToken(aoHome);
  if (existing) return existing;
  mkdirSync(aoHome, { recursive: true, mode: 0o700 });
  try {
    // Exclusive: two daemons starting at once must not each write a token the other then rejects.
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const token = readApiToken(aoHome);
  if (!token) throw new Error(`${path} is empty or unreadable; remove it and start the daemon again`);
  return token;
}

export function readApiToken(aoHome: string): string | null {
  try {
    const token = readFileSync(apiTokenPath(aoHome), 'utf8').trim();
    return token.length > 0 ? token : null;
  } catch {
    return null;
  }
}

/** Compares in constant time, so the token cannot be guessed a byte at a time from response times. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
