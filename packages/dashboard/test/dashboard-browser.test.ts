import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { tempDir } from '../../cli/test/ao-harness.js';
import { api, startApiDaemon, type RunningDaemon } from '../../cli/test/api-harness.js';
import { committedRepo } from '../../cli/test/git-fixture.js';
import { aoHomesCleanedAfterEach, waitFor } from '../../cli/test/runtime-harness.js';
import { artifactPath, launchBrowser, logIn, recordStatuses, sameDocument, statusesShown, watchedPage, type PageWatch } from './browser-harness.js';

const newHome = aoHomesCleanedAfterEach();
/** Slow enough that the page can show each state for a moment (a turn's working phase lasts ~300 ms). */
const DEMO_SLOW = { AO_DEMO_SPEED: '0.5' };

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const row = (page: Page, id: string) => page.locator(`li[data-session-id="${id}"]`);

async function rowStatus(page: Page, id: string): Promise<string | null> {
  return row(page, id).locator('[data-status]').getAttribute('data-status', { timeout: 1000 }).catch(() => null);
}

async function sessionState(daemon: RunningDaemon, id: string, predicate: (session: any) => boolean, what: string) {
  return waitFor(what, async () => {
    const { body } = await api(daemon, 'GET', `/v1/sessions/${id}`);
    return predicate(body) ? body : undefined;
  }, 30_000);
}

async function spawnDemo(daemon: RunningDaemon, name: string, cwd = tempDir('dash-project-')): Promise<string> {
  const spawned = await api(daemon, 'POST', '/v1/sessions', { agent: 'demo', cwd, name });
  expect(spawned.status).toBe(201);
  const id: string = spawned.body.id;
  await sessionState(daemon, id, (s) => s.status === 'idle', `${name} to start idle`);
  return id;
}

/** No error, no exception, no CSP violation; `refusals`: HTTP statuses the test made the daemon answer (the browser logs them). */
function expectCleanPage(watch: PageWatch, daemon: RunningDaemon, refusals: number[] = []) {
  const expected = (problem: string) => refusals.some((status) => problem.includes(`the server responded with a status of ${status} `));
  expect(watch.problems.filter((problem) => !expected(problem))).toEqual([]);
  // Everything the page loaded came from the daemon: no CDN, nothing from outside.
  expect(watch.requests.filter((url) => !url.startsWith(`${daemon.url}/`))).toEqual([]);
}

describe('the dashboard in a real browser (Chromium) against a real daemon and demo agents', () => {
  it('shows a session move working → needs input → working → idle live, and approves its permission from the page', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, DEMO_SLOW);
    const repo = committedRepo({ 'README.md': 'hi\n' });
    const branch = execFileSync('git', ['branch', '--show-current'], { cwd: repo }).toString().trim();
    const id = await spawnDemo(daemon, 'approve-me', repo);
    const { page, watch } = await watchedPage(browser);
    await logIn(page, aoHome);
    expect(page.url()).toBe(`${daemon.url}/`); // no code in the address bar or history
    await waitFor('the row', async () => (await rowStatus(page, id)) === 'idle');
    await recordStatuses(page, id);

    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'create a file, permission needed' });
    await waitFor('the permission on the page', async () => (await rowStatus(page, id)) === 'needs_input');
    const asking = row(page, id);
    expect(await asking.getAttribute('data-group')).toBe('permission');
    const ask = await asking.locator('.ask').innerText();
    expect(ask).toContain('Bash');
    expect(ask).toContain('touch demo.txt');
    expect(await asking.locator('.badge').innerText()).toContain('Needs permission');
    expect(await asking.locator('.facts').innerText()).toContain(branch); // the branch of its repository

    await asking.getByRole('button', { name: /^Approve approve-me/ }).click();
    await sessionState(daemon, id, (s) => s.status === 'idle', 'the approved turn to end');
    await waitFor('idle on the page', async () => (await rowStatus(page, id)) === 'idle');
    // The notice shows when the approve call answers, which may come a moment after the row went idle.
    await waitFor('the approval notice', async () => (await row(page, id).locator('.notice').innerText()).trim() !== '');
    expect(await row(page, id).locator('.notice').innerText()).toContain('Approved');
    // Every state was shown as it came, in one document: no reload, no navigation.
    const shown = await statusesShown(page, id);
    expect(shown.join(' ')).toMatch(/idle working needs_input working idle/);
    expect(await sameDocument(page)).toBe(true);
    expectCleanPage(watch, daemon);
    await page.close();
  });

  it('a stale approve (the request was answered elsewhere) shows the refusal and types nothing', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, DEMO_SLOW);
    const id = await spawnDemo(daemon, 'stale');
    const { page } = await watchedPage(browser);
    await logIn(page, aoHome);
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'permission please' });
    const asked = await sessionState(daemon, id, (s) => s.openRequest !== null, 'the permission dialog');
    await waitFor('the approve button', async () => (await row(page, id).getByRole('button', { name: /^Approve stale/ }).count()) === 1);

    // The page's list reads are held, as on a slow network: it keeps showing the request it had.
    const held: (() => Promise<void>)[] = [];
    await page.route(
      (url) => url.pathname === '/v1/sessions',
      (route) => {
        held.push(() => route.continue());
      },
    );
    const answered = await api(daemon, 'POST', `/v1/sessions/${id}/requests/${asked.openRequest.id}/approve`, {});
    expect(answered.status).toBe(200);
    await sessionState(daemon, id, (s) => s.status === 'idle', 'the turn answered through the API to end');
    const before = (await api(daemon, 'GET', `/v1/events?session=${id}&limit=10000`)).body.events.length;

    await row(page, id).getByRole('button', { name: /^Approve stale/ }).click();
    const notice = row(page, id).locator('.notice-refused');
    await waitFor('the refusal on the page', async () => (await notice.count()) === 1);
    expect(await notice.innerText()).toMatch(/no longer open.*nothing was typed.*stale_request/s);
    expect(await row(page, id).locator('[role="alert"]').count()).toBe(1);
    // Nothing happened to the session: no event since, still idle.
    expect((await api(daemon, 'GET', `/v1/events?session=${id}&limit=10000`)).body.events.length).toBe(before);
    expect((await api(daemon, 'GET', `/v1/sessions/${id}`)).body.status).toBe('idle');

    await page.unroute((url) => url.pathname === '/v1/sessions');
    for (const release of held.splice(0)) await release();
    await waitFor('the page to catch up', async () => (await rowStatus(page, id)) === 'idle');
    // The refusal stays readable after the row moved on.
    expect(await row(page, id).locator('.notice-refused').count()).toBe(1);
    await page.close();
  });

  it('a question shows its text and is answered from the page; approve is reachable with the keyboard alone', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, DEMO_SLOW);
    const id = await spawnDemo(daemon, 'keyboard');
    const { page, watch } = await watchedPage(browser);
    await logIn(page, aoHome);

    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'which branch?' });
    // The row can move to the question group a render before its question text shows: wait for both.
    await waitFor('the question on the page', async () => (await row(page, id).getAttribute('data-group').catch(() => null)) === 'question');
    await waitFor('the question text in its row', async () => ((await row(page, id).locator('.ask').innerText({ timeout: 1000 }).catch(() => '')) || undefined));
    expect(await row(page, id).locator('.ask').innerText()).toContain('Which branch should I use?');
    await row(page, id).getByRole('textbox', { name: /^Answer keyboard/ }).fill('develop');
    await row(page, id).getByRole('button', { name: 'Send answer' }).click();
    await sessionState(daemon, id, (s) => s.status === 'idle', 'the answered question to end the turn');

    // Keyboard only: Tab to the Approve button, Enter.
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'permission to touch' });
    await waitFor('the permission on the page', async () => (await row(page, id).getByRole('button', { name: /^Approve keyboard/ }).count()) === 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let presses = 0; presses < 40 && !focused.startsWith('Approve keyboard'); presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    }
    expect(focused).toMatch(/^Approve keyboard: Bash: touch demo.txt/);
    // The focused control is visibly marked.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await sessionState(daemon, id, (s) => s.status === 'idle', 'the keyboard-approved turn to end');
    expect((await api(daemon, 'GET', `/v1/events?session=${id}&limit=10000`)).body.events.some((e: any) => e.event === 'post-tool-use' && JSON.stringify(e.data ?? {}).includes('touch'))).toBe(true);
    expectCleanPage(watch, daemon);
    await page.close();
  });

  it('the session page shows its terminal output live and its timeline; approve with checkpoint outside git says why; kill asks first', async () => {
    const aoHome = newHome();
    const daemon = await startApiDaemon(aoHome, DEMO_SLOW);
    const id = await spawnDemo(daemon, 'terminal');
    const { page, watch } = await watchedPage(browser);
    await logIn(page, aoHome);
    await row(page, id).getByRole('link', { name: 'terminal' }).click();
    expect(new URL(page.url()).hash).toBe(`#/sessions/${id}`);
    const terminal = page.getByTestId('terminal');
    await waitFor('the output in the terminal', async () => (await terminal.innerText().catch(() => '')).includes('demo>'));

    // A message sent from the page: its turn appears in the terminal as it runs.
    await page.getByLabel('Message to terminal').fill('list the files');
    await page.getByRole('button', { name: 'Send' }).click();
    await waitFor('the tool call in the terminal', async () => (await terminal.innerText()).includes('Bash(ls)'));
    await waitFor('the timeline', async () => (await page.locator('.timeline').innerText().catch(() => '')).includes('working → idle'));

    // Not a git work tree: a checkpoint cannot be taken, and the page says so; the dialog stays open.
    await api(daemon, 'POST', `/v1/sessions/${id}/messages`, { text: 'permission please' });
    await waitFor('the request panel', async () => (await page.getByRole('button', { name: /^Approve with checkpoint terminal/ }).count()) === 1);
    await page.getByRole('button', { name: /^Approve with checkpoint terminal/ }).click();
    await waitFor('the refusal', async () => (await page.locator('.notice-refused').innerText().catch(() => '')).includes('not_a_git_repository'));
    expect((await api(daemon, 'GET', `/v1/sessions/${id}`)).body.status).toBe('needs_input');
    await page.getByRole('button', { name: /^Deny terminal/ }).click();
    await sessionState(daemon, id, (s) => s.status === 'idle', 'the denied turn to end');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: artifactPath('phone-session.png'), fullPage: true });
    await page.setViewportSize({ width: 1100, height: 800 });

    // Kill asks first; Cancel changes nothing.
    await page.getByRole('button', { name: 'Kill…' }).click();
    await waitFor('the focus on Cancel', async () => (await page.evaluate(() => document.activeElement?.textContent)) === 'Cancel');
    await page.keyboard.press('Enter');
    expect((await api(daemon, 'GET', `/v1/sessions/${id}`)).body.terminated).toBe(false);
    await page.getByRole('button', { name: 'Kill…' }).click();
    await page.getByRole('button', { name: 'Yes, kill terminal' }).click();
    await sessionState(daemon, id, (s) => s.terminated, 'the session to be killed');
    await waitFor('the terminal to say the session ended', async () => (await page.locator('.terminal-ended').count()) === 1);
    expect(await sameDocument(page)).toBe(true);
    expectCleanPage(watch, daemon, [422]);
    await page.close();
  });

  it('says when the stream drops and resumes by itself; fits a 375 px wide screen', async () => {
    const aoHome = newHome();
    const port = await freePort();
    let daemon = await startApiDaemon(aoHome, DEMO_SLOW, ['--port', String(port)]);
    const waiting = await spawnDemo(daemon, 'needs-you');
    const idle = await spawnDemo(daemon, 'resting');
    await api(daemon, 'POST', `/v1/sessions/${waiting}/messages`, { text: 'permission please' });
    await sessionState(daemon, waiting, (s) => s.status === 'needs_input', 'the permission');
    const phone = await launchBrowser({ width: 375, height: 812 });
    try {
      const { page } = await watchedPage(phone);
      await logIn(page, aoHome);
      await waitFor('both rows', async () => (await page.locator('li[data-session-id]').count()) === 2);
      expect(await page.locator('li[data-session-id]').first().getAttribute('data-session-id')).toBe(waiting);
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: artifactPath('phone.png'), fullPage: true });

      daemon.process.kill('SIGTERM');
      await daemon.process;
      await waitFor('the page to say it lost the daemon', async () => (await page.locator('[data-connection="reconnecting"]').count()) === 1);
      expect(await page.locator('.connection').innerText()).toContain('reconnecting');
      daemon = await startApiDaemon(aoHome, DEMO_SLOW, ['--port', String(port)]);
      await waitFor('the page to be live again', async () => (await page.locator('[data-connection="live"]').count()) === 1, 30_000);
      // And live it is: a change made now shows without a reload.
      await api(daemon, 'POST', `/v1/sessions/${idle}/messages`, { text: 'permission too' });
      await waitFor('the second permission on the page', async () => (await rowStatus(page, idle)) === 'needs_input', 30_000);
      expect(await sameDocument(page)).toBe(true);
    } finally {
      await phone.close();
    }
  });
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
