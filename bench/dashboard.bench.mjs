import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startApiDaemon } from './api-client.mjs';
import { AO, removeHome, seedRealisticStore } from './bench-home.mjs';
import { median } from './stats.mjs';

const CHROMIUM = process.env.AO_TEST_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const DIST = fileURLToPath(new URL('../packages/dashboard/dist/', import.meta.url));
const LOADS = 7;

/** The gzip size of what a page loads, from the built files: the HTML, and the assets it names or imports. */
function gzipBytes(files) {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length, 0);
}

export function dashboardSizes() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]).filter((file) => !file.endsWith('.svg'));
  const terminal = readdirSync(join(DIST, 'assets')).filter((file) => file.startsWith('xterm-loader-')).map((file) => `assets/${file}`);
  return { list: gzipBytes(['index.html', ...named]), terminal: gzipBytes(terminal) };
}

/**
 * The dashboard in Debian's Chromium against a daemon over the realistic 1,000-session store: first
 * contentful paint and the moment the 1,000 rows are shown, from a cold cache, and the bytes it
 * moved (gzip, as the browser counts the bodies). Baseline, same run, same daemon: the first
 * paint of a plain-text answer of it (a refused login link), with no script and no data behind it.
 */
export async function benchDashboard() {
  if (!existsSync(CHROMIUM) || !existsSync(join(DIST, 'index.html'))) return [];
  const aoHome = mkdtempSync(join(tmpdir(), 'ao-bench-dash-'));
  seedRealisticStore(aoHome, 1000, 1);
  const daemon = await startApiDaemon(aoHome);
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ao-bench-chromium-')), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const { url } = JSON.parse(execFileSync(AO, ['open', '--no-browser', '--json'], { env: { ...process.env, AO_HOME: aoHome } }).toString());
    await page.goto(url);
    const paints = { page: [], list: [], baseline: [] };
    let bytes = 0;
    for (let i = 0; i < LOADS; i++) {
      // The baseline: a plain-text answer of the same daemon (a refused login link), no script, no data.
      for (const [which, path] of [['baseline', '/login?code=none'], ['page', '/']]) {
        await page.goto(`${daemon.url}${path}`, { waitUntil: 'load' });
        if (which === 'page') {
          await page.waitForSelector('li[data-session-id]');
          paints.list.push(await page.evaluate(() => performance.now()));
        }
        const sample = await page.evaluate(() => {
          const paint = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
          const moved = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter((entry) => !entry.name.includes('/v1/')).reduce((sum, entry) => sum + entry.encodedBodySize, 0);
          return { paint: paint?.startTime ?? null, moved };
        });
        if (sample.paint !== null) paints[which].push(sample.paint);
        if (which === 'page') bytes = sample.moved;
      }
    }
    const sizes = dashboardSizes();
    const p50 = median(paints.page);
    const baseline = median(paints.baseline);
    return [
      {
        name: 'dashboard first contentful paint (cold cache, 1,000 sessions in the store)',
        p50,
        listShown: median(paints.list),
        baseline,
        bytes,
        sizes,
        target: 'first paint ≤ 4× a plain-text page of the daemon; the list page ≤ 60 KB gzip',
        pass: p50 <= 4 * Math.max(baseline, 25) && sizes.list <= 60 * 1024,
      },
    ];
  } finally {
    await browser.close();
    await daemon.stop();
    await removeHome(aoHome);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchDashboard(), null, 2));
