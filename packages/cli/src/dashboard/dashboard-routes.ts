import type { Context, Hono } from 'hono';
import { DashboardAssets, dashboardDistDir, type Asset } from './dashboard-assets.js';
import type { BrowserLogins } from './browser-logins.js';
import { LOGIN_LIFETIME_MS } from './browser-logins.js';
import { consumeLoginCode } from './login-codes.js';
import { clearedLoginCookie, loginCookie, loginCookieName, readCookie } from './login-cookie.js';
import { authorizeRequest } from '../api/request-auth.js';

/**
 * Everything the page loads comes from this daemon and nothing runs inline: a script injected into
 * a session's name or output has nowhere to load from and no way to run. No framing: the approve
 * button cannot be clicked through another site's page.
 */
export const DASHBOARD_CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Where the login link may send the browser after it logged in: the list, or one session's page. */
function landingOf(to: string | undefined): string {
  return to !== undefined && /^sessions\/[A-Za-z0-9._-]{1,128}$/.test(to) ? `/#/${to}` : '/';
}

function message(c: Context, status: 401 | 403 | 503, text: string): Response {
  // Plain text, not a page: nothing of the request is echoed into markup.
  return c.body(`${text}\n`, status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
}

function sendAsset(c: Context, asset: Asset, cacheControl: string): Response {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': asset.contentType, 'cache-control': cacheControl, etag: asset.etag, vary: 'accept-encoding' };
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
  const gzip = asset.gzip !== null && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const body = gzip ? asset.gzip! : asset.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  return c.body(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>, 200, headers);
}

export interface DashboardSettings {
  aoHome: string;
  token: string;
  logins: BrowserLogins;
  port: () => number;
  /** Tests and packagers may point at another build; default: @ao/dashboard's dist. */
  distDir?: string | null;
}

/**
 * The dashboard's own routes on the API's app (docs/dashboard.md): the page (`/`, `/assets/*`,
 * public: they hold no data), the login link (`/login?code=…`, which swaps a one-time code for the
 * login cookie) and `/logout`. The Host and Origin guard of the API runs before them.
 */
export function mountDashboard(app: Hono, settings: DashboardSettings): void {
  const distDir = settings.distDir === undefined ? dashboardDistDir() : settings.distDir;
  const assets = distDir === null ? null : new DashboardAssets(distDir);
  const notBuilt = (c: Context) => message(c, 503, 'The dashboard is not built: run `npm run build` in the ao repository, then reload.');

  app.get('/', (c) => {
    const page = assets?.get('index.html');
    // Revalidated every time (its ETag makes that a 304): it names the hashed assets of the build.
    return page ? sendAsset(c, page, 'no-cache') : notBuilt(c);
  });
  app.get('/assets/:name', (c) => {
    if (!assets) return notBuilt(c);
    const asset = assets.get(`assets/${c.req.param('name')}`);
    // Names carry their content's hash: a new build is a new name, so a copy never goes stale.
    return asset ? sendAsset(c, asset, 'public, max-age=31536000, immutable') : c.body('no such asset\n', 404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  });

  app.get('/login', (c) => {
    const verdict = consumeLoginCode(settings.aoHome, c.req.query('code'));
    if (verdict !== 'accepted') {
      const why = verdict === 'expired' ? 'has expired (links last 2 minutes)' : 'was used already or is not one ao issued';
      return message(c, 401, `This login link ${why}. Run \`ao open\` for a new one.`);
    }
    const login = settings.logins.create();
    // 303: the browser follows with a GET of the page, and the code is in no URL the page keeps.
    return c.body(null, 303, {
      ...SECURITY_HEADERS,
      location: landingOf(c.req.query('to')),
      'set-cookie': loginCookie(loginCookieName(settings.port()), login.value, LOGIN_LIFETIME_MS),
      'cache-control': 'no-store',
    });
  });

  app.post('/logout', (c) => {
    const name = loginCookieName(settings.port());
    const verdict = authorizeRequest(
      { method: 'POST', host: c.req.header('host'), authorization: undefined, cookie: c.req.header('cookie'), origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') },
      { token: settings.token, port: settings.port(), logins: settings.logins },
    );
    if (!verdict.ok) return message(c, verdict.code === 'unauthorized' ? 401 : 403, verdict.message);
    settings.logins.revoke(readCookie(c.req.header('cookie'), name));
    return c.body(null, 204, { ...SECURITY_HEADERS, 'set-cookie': clearedLoginCookie(name), 'cache-control': 'no-store' });
  });
}
