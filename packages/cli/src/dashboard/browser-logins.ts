import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashSecret, isSecretShaped, newSecret } from './secret-hash.js';

/** How long a dashboard login lasts; then `ao open` again. */
export const LOGIN_LIFETIME_MS = 7 * 24 * 3_600_000;

/**
 * The dashboard's logged-in browsers (docs/dashboard.md, "Cookies"): each cookie value's SHA-256
 * and when it expires. Kept in memory and in `$AO_HOME/run/dashboard-logins.json` (0600), so a
 * daemon restarted on the same `--port` keeps its browsers logged in.
 */
export class BrowserLogins {
  private readonly expiries = new Map<string, number>();
  private readonly path: string;

  constructor(aoHome: string) {
    this.path = join(aoHome, 'run', 'dashboard-logins.json');
    try {
      const saved = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
      for (const [hash, expiresAt] of Object.entries(saved)) if (typeof expiresAt === 'number') this.expiries.set(hash, expiresAt);
    } catch {
      // none saved, or unreadable: every browser logs in again
    }
  }

  /** A new login: the cookie value to hand the browser (kept here only as its hash). */
  create(now = Date.now()): { value: string; expiresAt: number } {
    this.forgetExpired(now);
    const value = newSecret();
    const expiresAt = now + LOGIN_LIFETIME_MS;
    this.expiries.set(hashSecret(value), expiresAt);
    this.save();
    return { value, expiresAt };
  }

  isValid(value: string | undefined, now = Date.now()): boolean {
    if (!isSecretShaped(value)) return false;
    const expiresAt = this.expiries.get(hashSecret(value));
    return expiresAt !== undefined && now <= expiresAt;
  }

  /** Logging out: the value no longer opens anything. */
  revoke(value: string | undefined): void {
    if (isSecretShaped(value) && this.expiries.delete(hashSecret(value))) this.save();
  }

  private forgetExpired(now: number): void {
    for (const [hash, expiresAt] of this.expiries) if (expiresAt < now) this.expiries.delete(hash);
  }

  private save(): void {
    try {
      mkdirSync(join(this.path, '..'), { recursive: true, mode: 0o700 });
      writeFileSync(`${this.path}.tmp`, `${JSON.stringify(Object.fromEntries(this.expiries))}\n`, { mode: 0o600 });
      renameSync(`${this.path}.tmp`, this.path);
    } catch {
      // kept in memory: logins then last until the daemon stops
    }
  }
}
