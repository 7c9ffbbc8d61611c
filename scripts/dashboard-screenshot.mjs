#!/usr/bin/env node
/**
 * Makes docs/images/dashboard.png: the dashboard over a few demo sessions in different states, in
 * Debian's Chromium. Run after `npm run build`: `node scripts/dashboard-screenshot.mjs`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApiDaemon } from '../bench/api-client.mjs';
import { AO, removeHome, sleep, waitUntil } from '../bench/bench-home.mjs';

const out = fileURLToPath(new URL('../docs/images/dashboard.png', import.meta.url));
const aoHome = mkdtempSync(join(tmpdir(), 'ao-shot-'));
const repo = join(mkdtempSync(join(tmpdir(), 'ao-shot-repo-')), 'webshop');
execFileSync('mkdir', ['-p', repo]);
const git = (...args) => execFileSync('git', ['-c', 'user.name=ao', '-c', 'user.email=ao@example.com', ...args], { cwd: repo, stdio: 'pipe' });
git('init', '-q', '-b', 'main');
writeFileSync(join(repo, 'README.md'), '# webshop\n');
git('add', '.');
git('commit', '-qm', 'first');

process.env.AO_DEMO_SPEED = '1';
const daemon = await startApiDaemon(aoHome);
const call = async (method, path, body) => {
  const response = await fetch(`${daemon.url}${path}`, { method, headers: { authorization: `Bearer ${daemon.token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  return response.json();
};
const spawn = async (name, prompt) => {
  const session = await call('POST', '/v1/sessions', { agent: 'demo', cwd: repo, worktree: true, name });
  await waitUntil(async () => (await call('GET', `/v1/sessions/${session.id}`)).status === 'idle');
  if (prompt) await call('POST', `/v1/sessions/${session.id}/messages`, { text: prompt });
  return session.id;
};
try {
  await spawn('checkout-flow', 'add a test file, permission needed');
  await spawn('release-notes', 'which branch should the notes go to?');
  await spawn('payment-retry', 'fail on the API');
  await spawn('search-index', 'tour');
  await spawn('refactor-cart', 'list the files');
  await sleep(2500);
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ao-shot-chromium-')), {
    executablePath: process.env.AO_TEST_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1100, height: 980 },
    deviceScaleFactor: 1,
  });
  const page = await browser.newPage();
  const { url } = JSON.parse(execFileSync(AO, ['open', '--no-browser', '--json'], { env: { ...process.env, AO_HOME: aoHome } }).toString());
  await page.goto(url);
  await page.waitForSelector('li[data-group="question"]');
  await page.waitForSelector('li[data-group="working"]');
  await page.screenshot({ path: out, fullPage: false });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  await daemon.stop();
  for (const pid of JSON.parse(execFileSync(AO, ['ls', '--json'], { env: { ...process.env, AO_HOME: aoHome } }).toString()).map((s) => s.hostPid)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  }
  await sleep(500);
  await removeHome(aoHome);
}
