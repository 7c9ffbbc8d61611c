import { Store, aoPaths } from '@ao/lifecycle';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo } from './ao-harness.js';
import { startApiDaemon } from './api-harness.js';
import { addWebhook, keysOf, killDaemon, notifyingDaemon, prompt, spawnDemo, waitForSession, webhookReceiversClosedAfterEach } from './notify-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

/**
 * What survives a crash and a failing receiver: decisions and deliveries live in the store
 * (docs/notifications.md, "Exactly once" and "Retries").
 */

const newHome = aoHomesCleanedAfterEach();
const newReceiver = webhookReceiversClosedAfterEach();

async function deliveries(aoHome: string): Promise<any> {
  return (await aoJson(aoHome, ['notify', 'ls']))?.webhooks[0]?.deliveries;
}

const RETRY_ENV = { ...DEMO_ENV, AO_NOTIFY_RETRY_BASE_MS: '100', AO_NOTIFY_GROUP_WINDOW_MS: '0' };

describe('notifications across crashes and failures', () => {
  it('a daemon SIGKILLed after a delivery does not repeat it; one SIGKILLed in the middle of a send sends it again', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    const first = await notifyingDaemon(aoHome);
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const id = await spawnDemo(aoHome);
    await prompt(aoHome, id, 'permission please', 'blocked');
    await receiver.waitForPosts(1);
    await waitFor('the delivery to be recorded', async () => (await deliveries(aoHome)).delivered === 1);
    await killDaemon(first);

    // r1 answered with no daemon; the next daemon sees r2 open and hangs in its send: killed there.
    await aoJson(aoHome, ['approve', id]);
    await waitForSession(aoHome, id, (session) => session.activityState === 'idle', 'the approved turn to end');
    receiver.answerWith(() => 'hang');
    const second = await startApiDaemon(aoHome, DEMO_ENV);
    await prompt(aoHome, id, 'permission again', 'blocked');
    await receiver.waitForPosts(2);
    await killDaemon(second);

    receiver.answerWith(() => 200);
    await startApiDaemon(aoHome, DEMO_ENV);
    await receiver.waitForPosts(3, undefined, 'the interrupted send to be made again');
    await aoJson(aoHome, ['deny', id]);
    await waitForSession(aoHome, id, (session) => session.activityState === 'idle', 'the denied turn to end');
    await prompt(aoHome, id, 'which branch?', 'waiting_input');
    const posts = await receiver.waitForPosts(4);
    // r1 once though its daemon died right after; r2 twice: its first send was never answered.
    expect(keysOf(posts)).toEqual([`needs-input:${id}.r1`, `needs-input:${id}.r2`, `needs-input:${id}.r2`, `needs-input:${id}.r3`]);
    expect(posts[1]!.headers['idempotency-key']).toBe(posts[2]!.headers['idempotency-key']);
    await waitFor('every delivery recorded', async () => (await deliveries(aoHome)).delivered === 3);
  });

  it('a receiver that fails (500) three times and then answers is retried with backoff and gets it once', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    receiver.answerWith((_post, index) => (index < 3 ? 500 : 200));
    await notifyingDaemon(aoHome, RETRY_ENV);
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const id = await spawnDemo(aoHome);
    await prompt(aoHome, id, 'permission please', 'blocked');
    await receiver.waitForPosts(4);
    await waitFor('the delivery to be recorded', async () => (await deliveries(aoHome)).delivered === 1);
    // Once delivered it is done: the next notification is the next POST.
    await aoJson(aoHome, ['deny', id]);
    await waitForSession(aoHome, id, (session) => session.activityState === 'idle', 'the denied turn to end');
    await prompt(aoHome, id, 'which branch?', 'waiting_input');
    const posts = await receiver.waitForPosts(5);
    expect(keysOf(posts)).toEqual([...Array(4).fill(`needs-input:${id}.r1`), `needs-input:${id}.r2`]);
    expect(await deliveries(aoHome)).toMatchObject({ delivered: 2, retrying: 0, failed: 0 });
    // ao doctor's exit code depends on the machine's harnesses; the notifications line is what matters here.
    const checks = JSON.parse((await runAo(aoHome, ['doctor', '--json'])).stdout).checks;
    expect(checks.find((check: any) => check.name === 'notifications')).toMatchObject({ status: 'ok' });
  });

  it('a receiver that keeps failing is given up after its attempts, and ao doctor names it with the error and what to do', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    receiver.answerWith(() => 503);
    await notifyingDaemon(aoHome, { ...RETRY_ENV, AO_NOTIFY_MAX_ATTEMPTS: '2' });
    const webhook = await addWebhook(aoHome, `${receiver.url}/down`);
    const id = await spawnDemo(aoHome);
    await prompt(aoHome, id, 'permission please', 'blocked');
    await receiver.waitForPosts(2);
    await waitFor('the delivery to be given up', async () => (await deliveries(aoHome)).failed === 1);
    expect(await deliveries(aoHome)).toMatchObject({ delivered: 0, failed: 1, lastError: 'HTTP 503 Service Unavailable', lastErrorAttempts: 2 });

    const doctor = await runAo(aoHome, ['doctor', '--json']);
    expect(doctor.exitCode).toBe(1);
    const check = JSON.parse(doctor.stdout).checks.find((c: any) => c.name === 'notifications');
    expect(check.status).toBe('fail');
    expect(check.message).toContain(`webhook ${receiver.url}/down`);
    expect(check.message).toContain('HTTP 503 Service Unavailable, after 2 attempts');
    expect(check.message).toContain(`ao notify rm ${webhook.id}`);
    const text = await runAo(aoHome, ['notify', 'ls']);
    expect(text.stdout).toContain('1 failed, last error: HTTP 503 Service Unavailable');
  });

  it('a webhook removed while its notification waits for a retry is not sent to again', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    receiver.answerWith(() => 500);
    // Retries far apart: the removal lands while the first one waits.
    await notifyingDaemon(aoHome, { ...RETRY_ENV, AO_NOTIFY_RETRY_BASE_MS: '5000' });
    const webhook = await addWebhook(aoHome, `${receiver.url}/flaky`);
    const id = await spawnDemo(aoHome);
    await prompt(aoHome, id, 'permission please', 'blocked');
    await receiver.waitForPosts(1);
    await aoJson(aoHome, ['notify', 'rm', webhook.id]);
    receiver.answerWith(() => 200);
    // When the retry falls due the daemon finds no such sink and skips it, for good.
    const row = await waitFor('the retry to be skipped', async () => {
      const store = Store.open(aoPaths(aoHome).database);
      try {
        const delivery = store.db.prepare('SELECT status, last_error FROM notification_deliveries WHERE sink = ?').get(`webhook:${webhook.id}`) as { status: string; last_error: string };
        return delivery.status === 'pending' ? undefined : delivery;
      } finally {
        store.close();
      }
    });
    expect(row).toEqual({ status: 'skipped', last_error: expect.stringContaining('removed from the config') });
    expect(receiver.postsTo('/flaky')).toHaveLength(1);
  });
});
