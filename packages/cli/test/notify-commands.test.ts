import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aoJson, runAo, tempDir } from './ao-harness.js';
import { addWebhook, notifyingDaemon, prompt, spawnDemo, webhookReceiversClosedAfterEach } from './notify-harness.js';
import { aoHomesCleanedAfterEach, waitFor } from './runtime-harness.js';

/** `ao notify …` and what each sink receives (docs/notifications.md). */

const newHome = aoHomesCleanedAfterEach();
const newReceiver = webhookReceiversClosedAfterEach();

const errorOf = (run: { stdout: string }) => JSON.parse(run.stdout).error;

/** A stand-in notify-send on PATH (the machine's edge): records its argv, one JSON line per call. */
function fakeNotifySend(): { bin: string; calls: () => string[][] } {
  const bin = tempDir('ao-fake-bin-');
  const log = join(bin, 'calls.jsonl');
  writeFileSync(join(bin, 'notify-send'), `#!/usr/bin/env node\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
  chmodSync(join(bin, 'notify-send'), 0o755);
  return {
    bin,
    calls: () => {
      try {
        return readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
      } catch {
        return [];
      }
    },
  };
}

describe('ao notify: the config', () => {
  it('round-trips add-webhook / ls / set / rm through config.json: 0600, written whole, every other key untouched', async () => {
    const aoHome = newHome();
    mkdirSync(aoHome, { recursive: true });
    const path = join(aoHome, 'config.json');
    writeFileSync(path, JSON.stringify({ dashboard: { theme: 'dark' }, notifications: { futureSetting: 7 } }), { mode: 0o644 });

    const hook = await aoJson(aoHome, ['notify', 'add-webhook', 'https://example.invalid/hook']);
    expect(hook).toEqual({ id: expect.stringMatching(/^[0-9a-z]{8}$/), url: 'https://example.invalid/hook', format: 'json', minPriority: 'low' });
    const ntfy = await aoJson(aoHome, ['notify', 'add-webhook', 'https://ntfy.sh/ao-topic', '--format', 'ntfy', '--min-priority', 'high']);
    expect(await aoJson(aoHome, ['notify', 'set', '--turn-done', 'on', '--desktop', 'off'])).toEqual({ desktop: false, turnDone: true });

    const listed = await aoJson(aoHome, ['notify', 'ls']);
    expect(listed).toMatchObject({ desktop: { enabled: false }, turnDone: true, webhooks: [{ ...hook, deliveries: { delivered: 0, failed: 0 } }, { ...ntfy, format: 'ntfy', minPriority: 'high' }] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      dashboard: { theme: 'dark' },
      notifications: { futureSetting: 7, desktop: false, turnDone: true, webhooks: [hook, { ...ntfy }] },
    });

    expect(await aoJson(aoHome, ['notify', 'rm', hook.id])).toEqual({ removed: [hook] });
    expect(await aoJson(aoHome, ['notify', 'rm', 'https://ntfy.sh/ao-topic'])).toEqual({ removed: [ntfy] });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ dashboard: { theme: 'dark' }, notifications: { futureSetting: 7, desktop: false, turnDone: true, webhooks: [] } });
  });

  it('refuses bad input with a code and a sentence, and leaves the file as it was', async () => {
    const aoHome = newHome();
    const hook = await aoJson(aoHome, ['notify', 'add-webhook', 'http://127.0.0.1:9/x']);
    const before = readFileSync(join(aoHome, 'config.json'), 'utf8');
    const cases: [string[], string, number][] = [
      [['notify', 'add-webhook', 'file:///etc/passwd'], 'invalid_argument', 2],
      [['notify', 'add-webhook', 'not a url'], 'invalid_argument', 2],
      [['notify', 'add-webhook', 'https://x.invalid', '--format', 'xml'], 'invalid_argument', 2],
      [['notify', 'add-webhook', 'https://x.invalid', '--min-priority', 'loud'], 'invalid_argument', 2],
      [['notify', 'add-webhook', 'http://127.0.0.1:9/x'], 'webhook_exists', 1],
      [['notify', 'rm', 'nosuchid'], 'not_found', 1],
      [['notify', 'set', '--desktop', 'maybe'], 'invalid_argument', 2],
      [['notify', 'set'], 'invalid_argument', 2],
    ];
    for (const [args, code, exitCode] of cases) {
      const run = await runAo(aoHome, [...args, '--json']);
      expect({ args, code: errorOf(run)?.code, exitCode: run.exitCode }).toEqual({ args, code, exitCode });
      expect(errorOf(run).message.length).toBeGreaterThan(20);
    }
    expect(errorOf(await runAo(aoHome, ['notify', 'add-webhook', 'http://127.0.0.1:9/x', '--json'])).message).toContain(`ao notify rm ${hook.id}`);
    expect(readFileSync(join(aoHome, 'config.json'), 'utf8')).toBe(before);

    // A config.json that is not JSON is never overwritten: the user is told to fix it.
    writeFileSync(join(aoHome, 'config.json'), '{"dashboard": ');
    for (const args of [['notify', 'ls'], ['notify', 'add-webhook', 'https://x.invalid']]) {
      expect(errorOf(await runAo(aoHome, [...args, '--json']))).toMatchObject({ code: 'malformed_file', message: expect.stringContaining('config.json') });
    }
    expect(readFileSync(join(aoHome, 'config.json'), 'utf8')).toBe('{"dashboard": ');
  });

  it('ao notify test sends to every sink now and reports each; none to send to is an error', async () => {
    const aoHome = newHome();
    await aoJson(aoHome, ['notify', 'set', '--desktop', 'off']);
    expect(errorOf(await runAo(aoHome, ['notify', 'test', '--json'])).code).toBe('no_notification_sinks');
    const receiver = await newReceiver();
    await addWebhook(aoHome, `${receiver.url}/ntfy`, ['--format', 'ntfy', '--min-priority', 'urgent']);
    const ok = await runAo(aoHome, ['notify', 'test', '--json']);
    expect(ok.exitCode).toBe(0);
    expect(JSON.parse(ok.stdout).results).toEqual([{ sink: expect.stringMatching(/^webhook:/), target: `${receiver.url}/ntfy`, status: 'delivered', error: null }]);
    expect(receiver.posts[0]).toMatchObject({ text: 'Notifications from ao reach you here.', headers: { title: 'ao: test notification', tags: 'test_tube' } });

    receiver.answerWith(() => 404);
    const failed = await runAo(aoHome, ['notify', 'test', '--json']);
    expect(failed.exitCode).toBe(1);
    expect(JSON.parse(failed.stdout).results).toMatchObject([{ status: 'failed', error: 'HTTP 404 Not Found' }]);
  });
});

describe('sinks and formats, through a real daemon', () => {
  it('slack gets {text}; ntfy gets the text with Title, Priority, Click and Tags; a sink above a priority gets nothing below it', async () => {
    const aoHome = newHome();
    const receiver = await newReceiver();
    const daemon = await notifyingDaemon(aoHome);
    await addWebhook(aoHome, `${receiver.url}/slack`, ['--format', 'slack']);
    await addWebhook(aoHome, `${receiver.url}/ntfy`, ['--format', 'ntfy']);
    await addWebhook(aoHome, `${receiver.url}/urgent-only`, ['--min-priority', 'urgent']);
    const id = await spawnDemo(aoHome, 'fmt');
    const link = `${daemon.url}/#/sessions/${id}`;

    await prompt(aoHome, id, 'permission please', 'blocked');
    const [slack] = await receiver.waitForPosts(1, '/slack');
    expect(slack!.headers['content-type']).toBe('application/json');
    expect(slack!.json).toEqual({ text: `*fmt needs your permission*\nBash: touch demo.txt\n<${link}|Open in ao>` });
    const [ntfy] = await receiver.waitForPosts(1, '/ntfy');
    expect(ntfy!.text).toBe('Bash: touch demo.txt');
    expect(ntfy!.headers).toMatchObject({ title: 'fmt needs your permission', priority: '5', click: link, tags: 'raising_hand' });
    await receiver.waitForPosts(1, '/urgent-only');

    await aoJson(aoHome, ['approve', id]);
    await prompt(aoHome, id, 'this will fail', 'idle');
    const failed = (await receiver.waitForPosts(2, '/ntfy'))[1]!;
    expect(failed.headers).toMatchObject({ title: 'fmt: the turn failed', priority: '4', tags: 'warning' });
    await receiver.waitForPosts(2, '/slack');
    // The failure (high) went to the others; a question (urgent) is the next thing the urgent-only sink gets.
    await prompt(aoHome, id, 'which branch?', 'waiting_input');
    const urgent = await receiver.waitForPosts(2, '/urgent-only');
    expect(urgent.map((post) => post.json.kind)).toEqual(['needs-input', 'needs-input']);
  });

  it.runIf(process.platform === 'linux')('desktop: notify-send with the urgency of the priority; with turn-done on, a finished turn too (low)', async () => {
    const aoHome = newHome();
    const fake = fakeNotifySend();
    // A graphical session's display (notify-send needs one), and the stand-in first on PATH.
    const env = { PATH: `${fake.bin}:${process.env.PATH}`, DISPLAY: ':0' };
    await notifyingDaemon(aoHome, env);
    expect(await aoJson(aoHome, ['notify', 'set', '--desktop', 'on', '--turn-done', 'on'])).toEqual({ desktop: true, turnDone: true });
    const id = await spawnDemo(aoHome, 'desk');
    await prompt(aoHome, id, 'permission please', 'blocked');
    await waitFor('notify-send to be run', async () => fake.calls().length >= 1);
    expect(fake.calls()[0]).toEqual(['--app-name=ao', '--urgency=critical', '--', 'desk needs your permission', 'Bash: touch demo.txt']);
    await aoJson(aoHome, ['deny', id]);
    await prompt(aoHome, id, 'list the files', 'idle');
    // The denied turn and the listing both ended normally: two low-priority "finished" notifications,
    // alone or grouped into one message when the second came within the grouping window.
    const finished = (calls: string[][]) => calls.slice(1).flatMap((call) => `${call[3]}\n${call[4]}`.match(/desk finished its turn/g) ?? []).length;
    const calls = await waitFor('the finished turns', async () => (finished(fake.calls()) >= 2 ? fake.calls() : undefined));
    expect(finished(calls)).toBe(2);
    expect(calls.slice(1).map((call) => call.slice(0, 3))).toEqual(calls.slice(1).map(() => ['--app-name=ao', '--urgency=low', '--']));
    expect(calls.slice(1).map((call) => call[4]).join('\n')).toContain('It waits for your next instruction.');
    const listed = await aoJson(aoHome, ['notify', 'ls'], { env });
    expect(listed.desktop).toEqual({ enabled: true, available: true, command: 'notify-send' });
  });
});
