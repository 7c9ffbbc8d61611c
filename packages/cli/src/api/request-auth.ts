import { loginCookieName, readCookie } from '../dashboard/login-cookie.js';
import { tokenMatches } from './api-token.js';
import { bearerToken } from './request-guard.js';

/**
 * Who a request speaks for (docs/api.md "Token", docs/dashboard.md "CSRF"): the bearer token, or
 * the dashboard's login cookie. A browser sends a cookie by itself, so the cookie is taken only from
 * the daemon's own page: never on a request another site made (Sec-Fetch-Site), and a request that
 * changes something must name its Origin, which must be this daemon (a form another page posts
 * cannot). Pure: the headers in, a verdict out.
 */
export interface AuthRequest {
  method: string;
  host: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

export interface AuthSettings {
  token: string;
  port: number;
  logins: { isValid(value: string | undefined): boolean } | null;
}

export type AuthVerdict = { ok: true; via: 'token' | 'cookie' } | { ok: false; code: 'unauthorized' | 'forbidden'; message: string };

const READS = new Set(['GET', 'HEAD']);

export function authorizeRequest(request: AuthRequest, settings: AuthSettings): AuthVerdict {
  if (tokenMatches(settings.token, bearerToken(request.authorization))) return { ok: true, via: 'token' };
  const cookie = readCookie(request.cookie, loginCookieName(settings.port));
  if (settings.logins === null || !settings.logins.isValid(cookie)) {
    return { ok: false, code: 'unauthorized', message: 'a valid Authorization: Bearer <token> header is needed (the token is in $AO_HOME/api-token), or a dashboard login: run `ao open`' };
  }
  if (request.secFetchSite === 'cross-site' || request.secFetchSite === 'same-site') {
    return { ok: false, code: 'forbidden', message: 'the dashboard login is not accepted on a request another site made' };
  }
  if (!READS.has(request.method.toUpperCase()) && !isOwnOrigin(request.origin, request.host)) {
    return { ok: false, code: 'forbidden', message: "a dashboard request that changes something must carry this daemon's Origin" };
  }
  return { ok: true, via: 'cookie' };
}

function isOwnOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined) return false;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
