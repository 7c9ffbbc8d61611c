import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Short random ids that are safe as path components and shell words (`^[a-z0-9]+$`). */
export function newId(length = 10): string {
  // Required here, not at the top: only commands that create something need node:crypto.
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
