import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo } from './ao-harness.js';
import { api, rawRequest, startApiDaemon, type RunningDaemon } from './api-harness.js';
import { aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';
import { createLoginCode } from '../src/dashboard/login-codes.js';
import { hashSecret } from '../src/dashboard/secret-hash.js';

const newHome = aoHomesCleanedAfterEach();

/** `ao open --no-browser --json`'s link, as the user would click it. */
async function loginLink(aoHome: string, args: string[] = []): Promise<string> {
  const { url } = await aoJson<{ url: string; expiresAt: string }>(aoHome, ['open', '--no-browser', ...args]);
  return url;
}

/** Follows the link as a browser's first request would (no cookie, no Origin); returns the response. */
function visit(link: string) {
  const url = new URL(link);
  return rawRequest(url.origin, { path: `${url.pathname}${url.search}` });
}

/** The `name=value` part of the login cookie a response set. */
function cookieOf(response: { headers: Record<string, string | string[] | undefined> }): string {
  const header = [response.headers['set-cookie'] ?? []].flat()[0] ?? '';
  return header.split(';')[0]!;
}

async function loggedIn(aoHome: string, daemon: RunningDaemon): Promise<string> {
  const response = await visit(await loginLink(aoHome));
  expect(response.status).toBe(303);
  return cookieOf(response);
}

describe('dashboard login: ao open, the one-time code and the login cookie', () => {
  it('swaps a one-time code for an HttpOnly SameSite=Strict cookie and redirects to the page; a used or expired code is refused', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    const port = new URL(daemon.url).port;
    // Without a login the API says so, and the page's data cannot be read.
    expect(await rawRequest(daemon.url, { path: '/v1/sessions' })).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });

    const link = await loginLink(aoHome);
    expect(link).toMatch(new RegExp(`^${daemon.url}/login\\?code=[A-Za-z0-9_-]{43}$`));
    const first = await visit(link);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/'); // the code stays in no URL the page keeps
    const setCookie = String([first.headers['set-cookie']].flat()[0]);
    expect(setCookie).toMatch(new RegExp(`^ao_login_${port}=[A-Za-z0-9_-]{43}; `));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toMatch(/Secure/i);
    expect(first.headers['cache-control']).toBe('no-store');

    // The same link a second time: refused, no cookie.
    const again = await visit(link);
    expect(again.status).toBe(401);
    expect(again.text).toContain('used already');
    expect(again.headers['set-cookie']).toBeUndefined();

    // A code past its 2 minutes: refused.
    const { code } = createLoginCode(aoHome, Date.now() - 10 * 60_000);
    const expired = await rawRequest(daemon.url, { path: `/login?code=${code}` });
    expect(expired.status).toBe(401);
    expect(expired.text).toContain('expired');
    // A made-up code: refused; nothing with a slash or dots reaches the filesystem.
    for (const bogus of ['A'.repeat(43), '../../api-token', '']) {
      expect((await rawRequest(daemon.url, { path: `/login?code=${encodeURIComponent(bogus)}` })).status).toBe(401);
    }

    // What is kept on disk are hashes: no code and no cookie value in any file, each 0600.
    const cookieValue = cookieOf(first).split('=')[1]!;
    const code2 = (await loginLink(aoHome)).split('code=')[1]!;
    const codeFiles = readdirSync(join(aoHome, 'run', 'login-codes'));
    expect(codeFiles).toEqual([hashSecret(code2)]);
    expect(readFileSync(join(aoHome, 'run', 'login-codes', codeFiles[0]!), 'utf8')).not.toContain(code2);
    const logins = readFileSync(join(aoHome, 'run', 'dashboard-logins.json'), 'utf8');
    expect(logins).toContain(hashSecret(cookieValue));
    expect(logins).not.toContain(cookieValue);
    for (const file of [join(aoHome, 'run', 'dashboard-logins.json'), join(aoHome, 'run', 'login-codes', codeFiles[0]!)]) expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('the cookie opens GETs and same-origin POSTs (also the event stream); a cross-origin or Origin-less POST, or another site\'s request, is refused and changes nothing', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome);
    const cookie = await loggedIn(aoHome, daemon);
    const host = new URL(daemon.url).host;

    const list = await rawRequest(daemon.url, { path: '/v1/sessions', headers: { cookie } });
    expect(list).toMatchObject({ status: 200, body: { sessions: [] } });
    // The page starts its event stream after this seq (nothing happened yet: 0).
    expect(list.headers['ao-event-seq']).toBe('0');
    // EventSource sends the cookie and no header: the stream opens.
    const controller = new AbortController();
    const stream = await fetch(`${daemon.url}/v1/events/stream`, { headers: { cookie }, signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    controller.abort();

    const reap = (headers: Record<string, string>) => rawRequest(daemon.url, { method: 'POST', path: '/v1/reap', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect(await reap({ cookie, origin: daemon.url })).toMatchObject({ status: 200, body: { reaped: [] } });
    // A page on another site posting with the victim's cookie.
    expect(await reap({ cookie, origin: 'http://evil.example' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    // Another port of the same host is another origin (and the same site for SameSite).
    expect(await reap({ cookie, origin: `http://127.0.0.1:${Number(new URL(daemon.url).port) + 1}` })).toMatchObject({ status: 403 });
    // No Origin at all: a cookie alone does not change anything.
    expect(await reap({ cookie })).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: expect.stringContaining('Origin') } } });
    // Even a read another site's page made (a same-site port, say) is refused with the cookie.
    expect(await rawRequest(daemon.url, { path: '/v1/sessions', headers: { cookie, 'sec-fetch-site': 'same-site' } })).toMatchObject({ status: 403 });
    // A spawn attempted cross-origin left no session behind.
    const spawn = await rawRequest(daemon.url, { method: 'POST', path: '/v1/sessions', headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ agent: 'demo' }) });
    expect(spawn.status).toBe(403);
    expect((await api(daemon, 'GET', '/v1/sessions?all=1')).body.sessions).toEqual([]);
    // A cookie that is not a login, or a login of another port's daemon, opens nothing.
    expect((await rawRequest(daemon.url, { path: '/v1/sessions', headers: { cookie: cookie.replace(/=.*/, `=${'B'.repeat(43)}`) } })).status).toBe(401);
    expect((await rawRequest(daemon.url, { path: '/v1/sessions', headers: { cookie: cookie.replace(/^ao_login_\d+/, 'ao_login_1') } })).status).toBe(401);

    // Logging out (from the page: same origin) ends it.
    const logout = await rawRequest(daemon.url, { method: 'POST', path: '/logout', headers: { cookie, origin: `http://${host}` } });
    expect(logout.status).toBe(204);
    expect(String([logout.headers['set-cookie']].flat()[0])).toContain('Max-Age=0');
    expect((await rawRequest(daemon.url, { path: '/v1/sessions', headers: { cookie } })).status).toBe(401);
  });

  it('a login survives a daemon restarted on the same port; ao open [id] lands on that session page', async () => {
    const aoHome = newHome();
    const port = String(20_000 + (process.pid % 20_000));
    let daemon = await startApiDaemon(aoHome, {}, ['--port', port]);
    const cookie = await loggedIn(aoHome, daemon);
    daemon.process.kill('SIGTERM');
    await daemon.process;
    daemon = await startApiDaemon(aoHome, {}, ['--port', port]);
    expect((await rawRequest(daemon.url, { path: '/v1/sessions', headers: { cookie } })).status).toBe(200);

    const registered = await aoJson<{ id: string }>(aoHome, ['register', '--agent', 'claude-code', '--cwd', aoHome]);
    const link = await loginLink(aoHome, [registered.id]);
    expect((await visit(link)).headers.location).toBe(`/#/sessions/${registered.id}`);
    expect(await runAo(aoHome, ['open', 'ghost', '--json'])).toMatchObject({ exitCode: 1, stdout: expect.stringContaining('"not_found"') });
  });

  it('ao open starts a daemon when none runs, and says so when the daemon serves no API', async () => {
    const aoHome = newHome();
    const link = await loginLink(aoHome);
    const info = JSON.parse(readFileSync(join(aoHome, 'run', 'api.json'), 'utf8')) as { url: string };
    expect(link.startsWith(`${info.url}/login?code=`)).toBe(true);
    expect((await visit(link)).status).toBe(303);

    const other = newHome();
    const { daemon } = await startDaemonWithoutApi(other);
    const refused = await runAo(other, ['open', '--json']);
    expect(refused.exitCode).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'api_unavailable', message: expect.stringContaining('--no-api') } });
    daemon.kill('SIGTERM');
  });
});

async function startDaemonWithoutApi(aoHome: string) {
  const { execa } = await import('execa');
  const { AO_BIN } = await import('./ao-harness.js');
  const child = execa(AO_BIN, ['daemon', '--no-api'], { env: { AO_HOME: aoHome, AO_SESSION_ID: '' }, reject: false });
  await waitFor('the daemon to take its lock', async () => {
    try {
      return JSON.parse(readFileSync(join(aoHome, 'daemon.lock'), 'utf8')).pid === child.pid;
    } catch {
      return false;
    }
  });
  // Wrapped: an execa child is a promise of its exit, which `return` from an async function would await.
  return { daemon: child };
}
