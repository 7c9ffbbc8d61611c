import { describe, expect, it } from 'vitest';
import { rawRequest, startApiDaemon } from './api-harness.js';
import { aoHomesCleanedAfterEach } from './runtime-harness.js';

const newHome = aoHomesCleanedAfterEach();

describe("the dashboard's files, served by the daemon at /", () => {
  it('serves the page and its hashed assets with their types, caching and a strict CSP; nothing outside dist/', async () => {
    const daemon = await startApiDaemon(newHome());
    const page = await rawRequest(daemon.url, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'self';/);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-cache');
    // No inline script: every script is a file of assets/.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const scripts = [...page.text.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...page.text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(1);
    expect(scripts[0]).toMatch(/^\/assets\/index-[A-Za-z0-9_-]+\.js$/);

    // Revalidation: the same page is a 304 without a body.
    expect((await rawRequest(daemon.url, { path: '/', headers: { 'if-none-match': String(page.headers.etag) } })).status).toBe(304);

    const script = await rawRequest(daemon.url, { path: scripts[0]!, headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-encoding']).toBe('gzip');
    const plain = await rawRequest(daemon.url, { path: scripts[0]! });
    expect(plain.headers['content-encoding']).toBeUndefined();
    // The gzipped bytes are the file (fetch asks for gzip and unpacks it).
    const unpacked = await fetch(`${daemon.url}${scripts[0]}`);
    expect(unpacked.headers.get('content-encoding')).toBe('gzip');
    expect(await unpacked.text()).toBe(plain.text);
    for (const style of styles) expect((await rawRequest(daemon.url, { path: style })).headers['content-type']).toBe('text/css; charset=utf-8');

    for (const path of ['/assets/nope.js', '/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e%2findex.html', '/assets/.env']) {
      expect((await rawRequest(daemon.url, { path })).status, path).toBe(404);
    }
    // The page is public; the data is not.
    expect((await rawRequest(daemon.url, { path: '/v1/sessions' })).status).toBe(401);
  });
});
