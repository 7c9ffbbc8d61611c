/**
 * Who may talk to the API (docs/api.md, "Security"): pure checks of a request's headers. A page on
 * another site can make a browser send requests to 127.0.0.1, and a DNS name rebound to 127.0.0.1
 * can too; they are told apart by the `Host` and `Origin` headers, which a browser sets itself.
 */
export interface GuardSettings {
  /** The port the API listens on. */
  port: number;
  /** The address it listens on, when not a loopback one (allowed as a Host too). */
  listenAddress: string | null;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The `host[:port]` values a request may name: loopback names, and the listen address when one was given. */
export function allowedHosts(settings: GuardSettings): Set<string> {
  const names = [...LOOPBACK_NAMES, ...(settings.listenAddress ? [settings.listenAddress.includes(':') ? `[${settings.listenAddress}]` : settings.listenAddress] : [])];
  return new Set(names.flatMap((name) => [`${name}:${settings.port}`, ...(settings.port === 80 ? [name] : [])]));
}

export type GuardVerdict = { ok: true } | { ok: false; reason: string };

/** Listening on every address: the machine's names are not known, so any Host is taken (the token still guards). */
function isWildcard(address: string | null): boolean {
  return address === '0.0.0.0' || address === '::';
}

export function checkHostAndOrigin(headers: { host: string | undefined; origin: string | undefined }, settings: GuardSettings): GuardVerdict {
  const hosts = allowedHosts(settings);
  const host = headers.host?.toLowerCase();
  if (host === undefined || !(hosts.has(host) || isWildcard(settings.listenAddress))) return { ok: false, reason: `Host ${JSON.stringify(headers.host ?? '')} is not this daemon's address` };
  // Browsers send Origin on cross-site requests (and on same-origin POSTs): only our own is accepted.
  if (headers.origin !== undefined && headers.origin !== 'null') {
    let originHost: string;
    try {
      const url = new URL(headers.origin);
      originHost = url.protocol === 'http:' ? url.host.toLowerCase() : '';
    } catch {
      originHost = '';
    }
    // Same origin: the page was served by this daemon at the very address the request names.
    if (originHost !== host) return { ok: false, reason: `requests from ${JSON.stringify(headers.origin)} are not accepted` };
  } else if (headers.origin === 'null') {
    return { ok: false, reason: 'requests from an opaque origin are not accepted' };
  }
  return { ok: true };
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
