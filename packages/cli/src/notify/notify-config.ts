import { z } from 'zod';
import { PRIORITIES, type Priority } from './notification-kinds.js';
import { WEBHOOK_FORMATS, type WebhookFormat } from './webhook-request.js';

/**
 * The `notifications` key of `$AO_HOME/config.json` (docs/notifications.md, "Configuration"):
 * its shape, its defaults, and the one check of a webhook URL. Pure; the file is read and written
 * by config-file.ts.
 */
export interface WebhookConfig {
  /** Short and random, for `ao notify rm <id>`. */
  id: string;
  url: string;
  format: WebhookFormat;
  /** Only notifications at least this loud are sent to it. */
  minPriority: Priority;
}

export interface NotifyConfig {
  /** Desktop notifications (notify-send on Linux, osascript on macOS) where the machine has them. */
  desktop: boolean;
  /** Also notify each turn that ends normally (low priority). */
  turnDone: boolean;
  webhooks: WebhookConfig[];
}

export const DEFAULT_NOTIFY_CONFIG: NotifyConfig = { desktop: true, turnDone: false, webhooks: [] };

/** The key of config.json that ao's notifications own; every other key belongs to someone else. */
export const NOTIFY_CONFIG_KEY = 'notifications';

/**
 * A URL ao may POST to: http or https, nothing else (no file:, no data:). Returns it as URL
 * parsing writes it, or a sentence saying what is wrong.
 */
export function checkWebhookUrl(text: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `${JSON.stringify(text)} is not a URL; give one like https://ntfy.sh/my-topic` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, error: `webhooks are sent over http or https, not ${url.protocol.replace(/:$/, '')}: ${JSON.stringify(text)}` };
  }
  return { ok: true, url: url.href };
}

const webhookSchema = z.object({
  id: z.string().regex(/^[0-9a-z]{1,32}$/, 'an id of letters and digits'),
  url: z.string().refine((text) => checkWebhookUrl(text).ok, 'an http or https URL'),
  format: z.enum(WEBHOOK_FORMATS).default('json'),
  minPriority: z.enum(PRIORITIES).default('low'),
});

/** Unknown keys inside `notifications` are kept as they are (a newer ao may have written them). */
export const notifyConfigSchema = z.looseObject({
  desktop: z.boolean().default(DEFAULT_NOTIFY_CONFIG.desktop),
  turnDone: z.boolean().default(DEFAULT_NOTIFY_CONFIG.turnDone),
  webhooks: z.array(webhookSchema).default([]),
});

/** The notifications config in a decoded config.json document (absent: the defaults). */
export function notifyConfigOf(document: Record<string, unknown>): { ok: true; config: NotifyConfig & Record<string, unknown> } | { ok: false; error: string } {
  const result = notifyConfigSchema.safeParse(document[NOTIFY_CONFIG_KEY] ?? {});
  if (result.success) return { ok: true, config: result.data };
  const issue = result.error.issues[0];
  const path = [NOTIFY_CONFIG_KEY, ...(issue?.path.map(String) ?? [])].join('.');
  return { ok: false, error: `${path}: ${issue?.message ?? 'invalid'}` };
}
