import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: a login code or a cookie value. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is kept of a secret on disk or in memory: its SHA-256, so a leaked file or dump logs nobody in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The shape newSecret makes; anything else is refused before it reaches the filesystem. */
export function isSecretShaped(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value);
}
