import { describe, expect, it } from 'vitest';
import { aoJson, runAo } from './ao-harness.js';
import { startApiDaemon } from './api-harness.js';
import { addWebhook, keysOf, killDaemon, notifyingDaemon, prompt, spawnDemo, waitForSession, webhookReceiversClosedAfterEach } from './notify-harness.js';
import { DEMO_ENV, aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

/**
 * Notifications end to end: a real daemon, real demo agents, a webhook receiver on 127.0.0.1
 * (docs/notifications.md).
 */

const newHome = aoHomesCleanedAfterEach();
const newReceiver = webhookReceiversClosedAfterEach();

describe('notifications: who needs you and why', () => {
  it('one POST per dialog, with the session, the reason and what it asks; each dialog its own request id', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    const daemon = await notifyingDaemon(aoHome);
    // Added while the daemon runs: it takes config changes without a restart.
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const id = await spawnDemo(aoHome, 'notify-demo');

    await prompt(aoHome, id, 'permission please', 'blocked');
    const [first] = await receiver.waitForPosts(1);
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.json).toMatchObject({
      key: `needs-input:${id}.r1`,
      kind: 'needs-input',
      priority: 'urgent',
      title: 'notify-demo needs your permission',
      message: 'Bash: touch demo.txt',
      sessionId: id,
      session: { id, name: 'notify-demo', harness: 'demo', status: 'needs_input', needsInputReason: 'permission', openRequest: { id: `${id}.r1` } },
      request: { id: `${id}.r1`, kind: 'permission', tool: 'Bash', detail: 'touch demo.txt' },
      link: `${daemon.url}/#/sessions/${id}`,
    });
    // The session object is the one `ao status --json` gives (same fields).
    expect(Object.keys(first!.json.session).sort()).toEqual(Object.keys(await aoJson(aoHome, ['status', id])).sort());

    await aoJson(aoHome, ['approve', id]);
    await waitForSession(aoHome, id, (session) => session.activityState === 'idle', 'the approved turn to end');
    await prompt(aoHome, id, 'permission again', 'blocked');
    await receiver.waitForPosts(2);
    await aoJson(aoHome, ['deny', id]);
    await waitForSession(aoHome, id, (session) => session.activityState === 'idle', 'the denied turn to end');
    await prompt(aoHome, id, 'which branch?', 'waiting_input');
    const third = (await receiver.waitForPosts(3))[2]!;
    expect(third.json).toMatchObject({ kind: 'needs-input', title: 'notify-demo asks you a question', request: { id: `${id}.r3`, kind: 'question', detail: 'Which branch should I use?' } });
    await prompt(aoHome, id, 'main', 'idle');

    // A failed turn is the last thing to happen: once its POST is in, any repeat of the dialogs' would be too.
    await prompt(aoHome, id, 'this will fail', 'idle');
    const posts = await receiver.waitForPosts(4);
    expect(posts[3]!.json).toMatchObject({ kind: 'turn-error', priority: 'high', sessionId: id, error: expect.stringContaining('server_error'), request: null });
    expect(keysOf(posts)).toEqual([`needs-input:${id}.r1`, `needs-input:${id}.r2`, `needs-input:${id}.r3`, `turn-error:${posts[3]!.json.seq}`]);
  });

  it('an agent that dies (SIGKILL) is notified once; one stopped with ao kill is not', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    await notifyingDaemon(aoHome);
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const killed = await spawnDemo(aoHome, 'stopped-by-user');
    const crashed = await spawnDemo(aoHome, 'crashed');
    await aoJson(aoHome, ['kill', killed, '--grace', '1']);
    const { pid, launchId } = await aoJson(aoHome, ['status', crashed]);
    process.kill(pid, 'SIGKILL');
    const [post] = await receiver.waitForPosts(1);
    expect(post!.json).toMatchObject({ key: `agent-died:${crashed}:${launchId}`, kind: 'agent-died', priority: 'high', title: 'crashed: the agent died', error: 'signal SIGKILL' });
    // The crash is reaped (terminated) after it was notified: no second notification for it.
    await waitForSession(aoHome, crashed, (session) => session.terminated, 'the crashed session to be reaped');
    const survivor = await spawnDemo(aoHome);
    await prompt(aoHome, survivor, 'permission please', 'blocked');
    const posts = await receiver.waitForPosts(2);
    expect(keysOf(posts)).toEqual([`agent-died:${crashed}:${launchId}`, `needs-input:${survivor}.r1`]);
  });

  it('a dialog opened while no daemon ran is delivered once by the next daemon; one already answered is not', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    const first = await notifyingDaemon(aoHome);
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const id = await spawnDemo(aoHome);
    await killDaemon(first, 'SIGTERM');

    // No daemon: ao's commands ingest for themselves. r1 is opened and answered, r2 opened and left.
    await prompt(aoHome, id, 'permission please', 'blocked');
    await aoJson(aoHome, ['approve', id]);
    await waitForSession(aoHome, id, (session) => session.activityState === 'idle', 'the approved turn to end');
    await prompt(aoHome, id, 'which branch?', 'waiting_input');
    expect(receiver.posts).toEqual([]);

    await startApiDaemon(aoHome, DEMO_ENV);
    const [late] = await receiver.waitForPosts(1);
    expect(late!.json).toMatchObject({ key: `needs-input:${id}.r2`, request: { kind: 'question' } });
    await prompt(aoHome, id, 'main', 'idle');
    await prompt(aoHome, id, 'fail now', 'idle');
    const posts = await receiver.waitForPosts(2);
    expect(keysOf(posts)).toEqual([`needs-input:${id}.r2`, `turn-error:${posts[1]!.json.seq}`]);
  });

  it('a daemon that never ran notifications starts at the end of the log: history is not news', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    await aoJson(aoHome, ['notify', 'set', '--desktop', 'off']);
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const { id } = await aoJson(aoHome, ['spawn', '--agent', 'demo', '--cwd', aoHome, '--no-daemon'], { env: DEMO_ENV });
    await prompt(aoHome, id, 'this will fail', 'idle');
    await startApiDaemon(aoHome, DEMO_ENV);
    await prompt(aoHome, id, 'permission please', 'blocked');
    const posts = await receiver.waitForPosts(1);
    expect(keysOf(posts)).toEqual([`needs-input:${id}.r1`]);
  });

  it('a burst from several sessions is grouped into one message ("3 sessions need you"); each dialog is in exactly one', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    // A window wide enough that three prompts sent at once land in it on a loaded machine (4 s was not, in CI).
    await notifyingDaemon(aoHome, { AO_NOTIFY_GROUP_WINDOW_MS: '12000' });
    await addWebhook(aoHome, `${receiver.url}/hook`);
    const ids = [await spawnDemo(aoHome), await spawnDemo(aoHome), await spawnDemo(aoHome)];
    await Promise.all(ids.map((id) => prompt(aoHome, id, 'permission please', 'blocked')));
    const expected = ids.map((id) => `needs-input:${id}.r1`).sort();
    await waitFor('all three dialogs delivered', async () => keysOf(receiver.posts).length >= 3, 45_000);
    expect(keysOf(receiver.posts).sort()).toEqual(expected);
    expect(receiver.posts.length).toBeLessThan(3);
    const group = receiver.posts.at(-1)!.json;
    expect(group).toMatchObject({ kind: 'group', priority: 'urgent', link: expect.stringMatching(/\/#\/$/) });
    expect(group.title).toBe(`${group.notifications.length} sessions need you`);
    expect(group.message.split('\n')).toHaveLength(group.notifications.length);
    expect(receiver.posts.map((post) => post.headers['idempotency-key'])).not.toContain(undefined);
    expect((await runAo(aoHome, ['notify', 'ls', '--json'])).stdout).toContain('"delivered": 3');
  });
});
