import { describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './ao-harness.js';
import { desktopArguments, findDesktopCommand, whyNoDesktop } from '../src/notify/desktop-sink.js';
import type { Notification } from '../src/notify/notification-kinds.js';
import { outgoingMessage, testNotification } from '../src/notify/notification-text.js';
import { checkWebhookUrl, notifyConfigOf } from '../src/notify/notify-config.js';
import { afterFailure, DEFAULT_RETRY_POLICY } from '../src/notify/retry-policy.js';
import { headerValue, webhookRequest } from '../src/notify/webhook-request.js';

const API = 'http://127.0.0.1:4567';

function needsInput(session: string, name: string): Notification {
  return {
    key: `needs-input:${session}.r1`,
    kind: 'needs-input',
    priority: 'urgent',
    title: `${name} needs your permission`,
    message: 'Bash: touch demo.txt',
    at: new Date(0).toISOString(),
    seq: 7,
    sessionId: session,
    session: { id: session, name } as Notification['session'],
    request: { id: `${session}.r1`, kind: 'permission', tool: 'Bash', detail: 'touch demo.txt', askedAt: new Date(0).toISOString() },
    error: null,
    link: `${API}/#/sessions/${session}`,
  };
}

const died = (session: string, name: string): Notification => ({ ...needsInput(session, name), key: `agent-died:${session}:L1`, kind: 'agent-died', priority: 'high', title: `${name}: the agent died`, message: 'Its process ended (signal SIGKILL).', request: null });

describe('messages: one notification alone, a burst as one', () => {
  it('a single notification is sent as it is', () => {
    const one = needsInput('a1', 'demo-1');
    expect(outgoingMessage([one], API)).toEqual({ title: one.title, message: one.message, priority: 'urgent', link: one.link, notifications: [one] });
  });

  it('several sessions: "3 sessions need you", a line each, the highest priority, the dashboard link', () => {
    const burst = [needsInput('a1', 'demo-1'), died('a2', 'demo-2'), needsInput('a3', 'demo-3')];
    const message = outgoingMessage(burst, API);
    expect(message.title).toBe('3 sessions need you');
    expect(message.message.split('\n')).toEqual([
      '• demo-1 needs your permission: Bash: touch demo.txt',
      '• demo-2: the agent died: Its process ended (signal SIGKILL).',
      '• demo-3 needs your permission: Bash: touch demo.txt',
    ]);
    expect(message.priority).toBe('urgent');
    expect(message.link).toBe(`${API}/#/`);
  });

  it('several notifications of one session point at that session', () => {
    const message = outgoingMessage([needsInput('a1', 'demo-1'), died('a1', 'demo-1')], API);
    expect(message.title).toBe('demo-1: 2 notifications');
    expect(message.link).toBe(`${API}/#/sessions/a1`);
  });
});

describe('webhook formats', () => {
  const single = outgoingMessage([needsInput('a1', 'demo-1')], API);

  it('json: the notification object itself; a burst as {kind: "group", notifications}; an idempotency key', () => {
    const request = webhookRequest('json', single);
    expect(JSON.parse(request.body)).toEqual(single.notifications[0]);
    expect(request.headers).toMatchObject({ 'content-type': 'application/json', 'idempotency-key': 'needs-input:a1.r1' });
    const group = webhookRequest('json', outgoingMessage([needsInput('a1', 'demo-1'), needsInput('a2', 'demo-2')], API));
    expect(JSON.parse(group.body)).toMatchObject({ kind: 'group', title: '2 sessions need you', priority: 'urgent', notifications: [{ key: 'needs-input:a1.r1' }, { key: 'needs-input:a2.r1' }] });
  });

  it('slack: {text} in mrkdwn, escaped, with the link', () => {
    const body = JSON.parse(webhookRequest('slack', { ...single, message: 'rm <x> & y' }).body);
    expect(body).toEqual({ text: `*demo-1 needs your permission*\nrm &lt;x&gt; &amp; y\n<${API}/#/sessions/a1|Open in ao>` });
  });

  it('ntfy: the text as the body; Title, Priority (urgent 5, high 4, low 2), Click and Tags headers', () => {
    const request = webhookRequest('ntfy', single);
    expect(request.body).toBe('Bash: touch demo.txt');
    expect(request.headers).toMatchObject({ title: 'demo-1 needs your permission', priority: '5', click: `${API}/#/sessions/a1`, tags: 'raising_hand' });
    expect(webhookRequest('ntfy', outgoingMessage([died('a1', 'x')], API)).headers.priority).toBe('4');
    expect(webhookRequest('ntfy', { ...single, priority: 'low' }).headers.priority).toBe('2');
    expect(webhookRequest('ntfy', { ...single, link: null }).headers).not.toHaveProperty('click');
  });

  it('header values are one line, and text beyond ASCII travels as RFC 2047', () => {
    expect(headerValue('two\nlines')).toBe('two lines');
    expect(headerValue('сессия ждёт')).toBe(`=?UTF-8?B?${Buffer.from('сессия ждёт').toString('base64')}?=`);
  });

  it('the test notification points at the dashboard, or nowhere without an API', () => {
    expect(testNotification(1, API)).toMatchObject({ kind: 'test', link: `${API}/#/`, session: null });
    expect(testNotification(1, null).link).toBeNull();
  });
});

describe('desktop arguments', () => {
  it('notify-send: urgency from the priority, the texts after -- (a title starting with "-" stays a title)', () => {
    const urgency = (priority: 'low' | 'high' | 'urgent') => desktopArguments('notify-send', { ...outgoingMessage([needsInput('a1', '-x')], API), priority })[1];
    expect([urgency('urgent'), urgency('high'), urgency('low')]).toEqual(['--urgency=critical', '--urgency=normal', '--urgency=low']);
    expect(desktopArguments('notify-send', outgoingMessage([needsInput('a1', '-x')], API)).slice(2)).toEqual(['--', '-x needs your permission', 'Bash: touch demo.txt']);
  });

  it('osascript: the texts are arguments of the script, never its source', () => {
    const args = desktopArguments('osascript', { ...outgoingMessage([needsInput('a1', 'say "hi"')], API) });
    expect(args.slice(-2)).toEqual(['say "hi" needs your permission', 'Bash: touch demo.txt']);
    expect(args.filter((arg) => arg.includes('hi'))).toHaveLength(1);
  });
});

describe('desktop detection', () => {
  it('notify-send on PATH and a graphical session; osascript on macOS; else none, saying why', () => {
    const bin = tempDir('ao-desktop-bin-');
    for (const name of ['notify-send', 'osascript']) {
      writeFileSync(join(bin, name), '#!/bin/sh\n');
      chmodSync(join(bin, name), 0o755);
    }
    const empty = tempDir('ao-empty-bin-');
    expect(findDesktopCommand('linux', { PATH: bin, DISPLAY: ':0' })).toEqual({ kind: 'notify-send', path: join(bin, 'notify-send') });
    expect(findDesktopCommand('linux', { PATH: bin, WAYLAND_DISPLAY: 'wayland-0' })?.kind).toBe('notify-send');
    expect(findDesktopCommand('darwin', { PATH: bin })).toEqual({ kind: 'osascript', path: join(bin, 'osascript') });
    expect(findDesktopCommand('linux', { PATH: bin })).toBeNull();
    expect(whyNoDesktop('linux', { PATH: bin })).toContain('no graphical session');
    expect(findDesktopCommand('linux', { PATH: empty, DISPLAY: ':0' })).toBeNull();
    expect(whyNoDesktop('linux', { PATH: empty, DISPLAY: ':0' })).toContain('notify-send is not on PATH');
    expect(findDesktopCommand('win32', { PATH: bin })).toBeNull();
  });
});

describe('retries', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 6, giveUpAfterMs: 60_000 };

  it('back off exponentially, capped', () => {
    const delays = [1, 2, 3, 4, 5].map((attempts) => {
      const verdict = afterFailure(policy, attempts, 0, 0);
      return verdict.retry ? verdict.nextAttemptAt : null;
    });
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
  });

  it('give up after maxAttempts, past the time limit, or at once on a permanent refusal', () => {
    expect(afterFailure(policy, 6, 0, 0)).toEqual({ retry: false });
    expect(afterFailure(policy, 1, 0, 59_500)).toEqual({ retry: false });
    expect(afterFailure(policy, 1, 0, 0, true)).toEqual({ retry: false });
  });
});

describe('config', () => {
  it('webhook URLs: http and https only', () => {
    expect(checkWebhookUrl('https://ntfy.sh/topic')).toEqual({ ok: true, url: 'https://ntfy.sh/topic' });
    expect(checkWebhookUrl('http://127.0.0.1:8080')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/' });
    for (const bad of ['file:///etc/passwd', 'ftp://x', 'javascript:alert(1)', 'not a url', '']) expect(checkWebhookUrl(bad).ok, bad).toBe(false);
  });

  it('defaults when absent; keys it does not know are kept; a wrong type is named', () => {
    expect(notifyConfigOf({})).toEqual({ ok: true, config: { desktop: true, turnDone: false, webhooks: [] } });
    expect(notifyConfigOf({ notifications: { desktop: false, future: 1 } })).toMatchObject({ ok: true, config: { desktop: false, future: 1 } });
    expect(notifyConfigOf({ notifications: { webhooks: [{ id: 'a1', url: 'gopher://x' }] } })).toEqual({ ok: false, error: 'notifications.webhooks.0.url: an http or https URL' });
    expect(notifyConfigOf({ notifications: { turnDone: 'yes' } })).toMatchObject({ ok: false, error: expect.stringContaining('notifications.turnDone') });
  });
});
