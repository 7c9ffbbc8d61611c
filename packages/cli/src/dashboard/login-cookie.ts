/**
 * The dashboard's login cookie (docs/dashboard.md, "Cookies"). Browsers keep cookies per host, not
 * per port: the name carries the port, so two daemons on 127.0.0.1 (two AO_HOMEs) do not overwrite
 * each other's login.
 */
export function loginCookieName(port: number): string {
  return `ao_login_${port}`;
}

/** HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/; no Secure: plain http on loopback. */
export function loginCookie(name: string, value: string, maxAgeMs: number): string {
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${Math.floor(maxAgeMs / 1000)}`;
}

export function clearedLoginCookie(name: string): string {
  return `${name}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
}

/** The value of cookie `name` in a `Cookie` header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
