import { createHash } from 'node:crypto';
import type { NotificationKind, Priority } from './notification-kinds.js';
import type { OutgoingMessage } from './notification-text.js';

/**
 * The HTTP request each webhook format makes of a message (docs/notifications.md, "Webhooks").
 * Pure: the sink only POSTs what this returns.
 */
export const WEBHOOK_FORMATS = ['json', 'slack', 'ntfy'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export function isWebhookFormat(value: unknown): value is WebhookFormat {
  return typeof value === 'string' && (WEBHOOK_FORMATS as readonly string[]).includes(value);
}

export interface WebhookRequest {
  headers: Record<string, string>;
  body: string;
}

/** ntfy's priorities: 5 max, 4 high, 3 default, 2 low. */
const NTFY_PRIORITY: Readonly<Record<Priority, string>> = { urgent: '5', high: '4', low: '2' };

/** ntfy turns tags that are emoji short codes into emoji before the title. */
const NTFY_TAG: Readonly<Record<NotificationKind, string>> = {
  'needs-input': 'raising_hand',
  'turn-error': 'warning',
  'agent-died': 'skull',
  'turn-done': 'white_check_mark',
  test: 'test_tube',
};

export function webhookRequest(format: WebhookFormat, outgoing: OutgoingMessage): WebhookRequest {
  // The same message sent again (a retry whose first answer was lost) carries the same key, so a
  // receiver can tell a repeat from news.
  const idempotencyKey = messageKey(outgoing);
  switch (format) {
    case 'json':
      return { headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey }, body: JSON.stringify(jsonBody(outgoing)) };
    case 'slack':
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: slackText(outgoing) }) };
    case 'ntfy': {
      const tags = [...new Set(outgoing.notifications.map((notification) => NTFY_TAG[notification.kind]))];
      return {
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          title: headerValue(outgoing.title),
          priority: NTFY_PRIORITY[outgoing.priority],
          tags: tags.join(','),
          ...(outgoing.link !== null && { click: outgoing.link }),
        },
        body: outgoing.message,
      };
    }
  }
}

/**
 * `json`: one notification is sent as it is (docs/notifications.md); a burst as
 * `{kind: "group", title, message, priority, link, notifications}`.
 */
function jsonBody(outgoing: OutgoingMessage): unknown {
  const [only] = outgoing.notifications;
  if (outgoing.notifications.length === 1 && only !== undefined) return only;
  const { title, message, priority, link, notifications } = outgoing;
  return { kind: 'group', title, message, priority, link, notifications };
}

/** Slack's mrkdwn: `&`, `<` and `>` are escaped; a link is `<url|text>`. */
function slackText(outgoing: OutgoingMessage): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = [`*${escape(outgoing.title)}*`, escape(outgoing.message)];
  if (outgoing.link !== null) lines.push(`<${outgoing.link}|Open in ao>`);
  return lines.join('\n');
}

/**
 * A header value HTTP can carry: one line, and text beyond Latin-1 (a session named in Cyrillic,
 * an emoji) as RFC 2047 UTF-8, which ntfy decodes.
 */
export function headerValue(text: string): string {
  const line = text.replace(/[\r\n\t]+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  if (/^[\x20-\x7e]*$/.test(line)) return line;
  return `=?UTF-8?B?${Buffer.from(line, 'utf8').toString('base64')}?=`;
}

function messageKey(outgoing: OutgoingMessage): string {
  const keys = outgoing.notifications.map((notification) => notification.key);
  if (keys.length === 1) return keys[0]!;
  return `group:${createHash('sha256').update(keys.sort().join('\n')).digest('hex').slice(0, 32)}`;
}
