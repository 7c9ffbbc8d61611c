import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { aoJson, tempDir } from '../../cli/test/ao-harness.js';

/** Debian's Chromium (.ci/run installs it when missing); headless, nothing fetched from outside. */
export const CHROMIUM = process.env.AO_TEST_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Where screenshots go (git-ignored): test-artifacts/ of this package. */
export const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/** A fresh browser profile each time: no cookie or cache from another test. */
export async function launchBrowser(viewport = { width: 1100, height: 800 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(tempDir('chromium-profile-'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
}

export interface PageWatch {
  /** Console errors, uncaught exceptions and Content-Security-Policy violations the page met. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
}

/**
 * Opens a page that reports what went wrong in it, and marks its document: a page that navigated
 * (reloaded) loses the mark, so a test can tell a live update from a reload.
 */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; watch: PageWatch }> {
  const page = await context.newPage();
  const watch: PageWatch = { problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`exception: ${error.message}`));
  page.on('request', (request) => watch.requests.push(request.url()));
  await page.exposeFunction('__aoReportViolation', (text: string) => watch.problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __aoReportViolation(text: string): void }).__aoReportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, watch };
}

/** Logs the page in the way a user does: the link `ao open --no-browser --json` prints. */
export async function logIn(page: Page, aoHome: string, args: string[] = []): Promise<void> {
  const { url } = await aoJson<{ url: string }>(aoHome, ['open', '--no-browser', ...args]);
  await page.goto(url);
  // Mark this document; a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __aoLoadMark: number }).__aoLoadMark = 1));
}

export async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __aoLoadMark?: number }).__aoLoadMark === 1);
}

/**
 * Records every status a session's row shows, in order, from inside the page (a MutationObserver):
 * a change shown for a moment is seen however fast the test polls.
 */
export async function recordStatuses(page: Page, sessionId: string): Promise<void> {
  await page.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as { __aoStatuses: Record<string, string[]> }).__aoStatuses ??= {};
    (window as unknown as { __aoStatuses: Record<string, string[]> }).__aoStatuses[id] = seen;
    const look = () => {
      const status = document.querySelector(`li[data-session-id="${id}"] [data-status]`)?.getAttribute('data-status');
      if (status && seen.at(-1) !== status) seen.push(status);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    look();
  }, sessionId);
}

export async function statusesShown(page: Page, sessionId: string): Promise<string[]> {
  return page.evaluate((id) => (window as unknown as { __aoStatuses: Record<string, string[]> }).__aoStatuses[id] ?? [], sessionId);
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
